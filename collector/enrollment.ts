/**
 * Units, enrollment codes and devices. An admin makes a code per unit (`collector enroll --unit`);
 * the managed policy carries it to that unit's browsers; each browser registers its public key
 * with the code once. Codes are stored only as SHA-256 (a leaked database does not enroll
 * anyone), can expire and be revoked; a revoked device's uploads are refused.
 */
import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { EnrollRequest, type EnrollAnswer } from '../fleet-protocol/upload';
import type { Database, Sql } from './db/database';
import { IngestError } from './ingest';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Crockford-style base32 without look-alikes: codes are read out over the phone and typed into GPO. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newCode(): string {
  const bytes = randomBytes(16);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `GPG-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}`;
}

export async function unitId(sql: Sql, name: string, create = true): Promise<number | undefined> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('单位名称不能为空');
  if (create) await sql.query('INSERT INTO units (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [trimmed]);
  const { rows } = await sql.query<{ id: number }>('SELECT id FROM units WHERE name = $1', [trimmed]);
  return rows[0]?.id;
}

export async function createCode(
  db: Database,
  unit: string,
  options: { label?: string; days?: number } = {},
): Promise<{ code: string; id: number; unit: string; expiresAt: string | null }> {
  const code = newCode();
  return db.tx(async (sql) => {
    const id = (await unitId(sql, unit))!;
    const expires = options.days ? new Date(Date.now() + options.days * 86_400_000).toISOString() : null;
    const { rows } = await sql.query<{ id: number }>(
      'INSERT INTO enrollment_codes (unit_id, code_sha256, label, expires_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [id, sha256(code), options.label ?? '', expires],
    );
    return { code, id: rows[0]!.id, unit: unit.trim(), expiresAt: expires };
  });
}

/** Revokes a code (no further enrollments) or a device (no further uploads). */
export async function revoke(db: Database, what: { code?: number; device?: number }): Promise<boolean> {
  if (what.code !== undefined) {
    const r = await db.query<{ id: number }>(
      'UPDATE enrollment_codes SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [what.code],
    );
    return r.rows.length > 0;
  }
  const r = await db.query<{ id: number }>(
    'UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [what.device],
  );
  return r.rows.length > 0;
}

/** Registers a device's public key with an enrollment code. */
export async function enrollDevice(db: Database, input: unknown): Promise<EnrollAnswer> {
  const parsed = v.safeParse(EnrollRequest, input);
  if (!parsed.success) throw new IngestError(400, `登记请求格式不对：${parsed.issues[0].message}`);
  const { code, publicKey, extension } = parsed.output;
  try {
    createPublicKey({ key: publicKey as never, format: 'jwk' });
  } catch {
    throw new IngestError(400, '公钥不是有效的 P-256 公钥');
  }
  const keyId = sha256(`${publicKey.x}.${publicKey.y}`);
  return db.tx(async (sql) => {
    const { rows } = await sql.query<{
      id: number;
      unit_id: number;
      unit: string;
      revoked_at: string | null;
      expired: boolean;
    }>(
      `SELECT c.id, c.unit_id, u.name AS unit, c.revoked_at, (c.expires_at IS NOT NULL AND c.expires_at < now()) AS expired
       FROM enrollment_codes c JOIN units u ON u.id = c.unit_id WHERE c.code_sha256 = $1`,
      [sha256(code.trim().toUpperCase())],
    );
    const found = rows[0];
    if (!found) throw new IngestError(401, '登记码无效');
    if (found.revoked_at) throw new IngestError(403, '登记码已被撤销');
    if (found.expired) throw new IngestError(403, '登记码已过期');
    const existing = await sql.query<{ id: number; unit_id: number }>(
      'SELECT id, unit_id FROM devices WHERE key_id = $1',
      [keyId],
    );
    // The same key enrolling again (a lost answer, a restart mid-enrollment): the same device.
    if (existing.rows[0]) return { deviceId: String(existing.rows[0].id), unit: found.unit };
    const inserted = await sql.query<{ id: number }>(
      `INSERT INTO devices (unit_id, code_id, public_key, key_id, extension) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [found.unit_id, found.id, JSON.stringify(publicKey), keyId, extension],
    );
    return { deviceId: String(inserted.rows[0]!.id), unit: found.unit };
  });
}
