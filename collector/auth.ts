/**
 * Auditors and their sessions. Passwords are stored with scrypt (node:crypto): a memory-hard KDF
 * built into Node, so no native addon or wasm build to ship, at OWASP's recommended cost for
 * scrypt (N = 2^17, r = 8, p = 1: 128 MiB and about a quarter second per check here). The stored
 * form names its parameters, so they can be raised later without breaking old hashes.
 *
 * Roles: `city` sees every unit; `unit` sees only its own unit's accounts, devices and entries.
 * Sessions are random tokens in an HttpOnly, SameSite=Strict cookie; only their hash is stored.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Database } from './db/database';
import { unitId } from './enrollment';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (e, key) => (e ? reject(e) : resolve(key))),
  );

const COST = { N: 2 ** 17, r: 8, p: 1 };
const SESSION_HOURS = 12;

export async function hashPassword(password: string, cost = COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, 32, { ...cost, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

export interface Auditor {
  id: number;
  login: string;
  role: 'city' | 'unit';
  unitId: number | null;
  unit: string | null;
}

export async function addAuditor(
  db: Database,
  input: { login: string; password: string; role: 'city' | 'unit'; unit?: string },
): Promise<void> {
  if (input.password.length < 10) throw new Error('密码至少 10 个字符');
  if (input.role === 'unit' && !input.unit) throw new Error('单位审计员需要 --unit');
  const hash = await hashPassword(input.password);
  await db.tx(async (sql) => {
    const unit = input.role === 'unit' ? await unitId(sql, input.unit!) : null;
    await sql.query(
      `INSERT INTO auditors (login, password_hash, role, unit_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (login) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, unit_id = EXCLUDED.unit_id`,
      [input.login, hash, input.role, unit],
    );
  });
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for a correct login and password; undefined otherwise (same time either way). */
export async function signIn(db: Database, login: string, password: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: number; password_hash: string }>(
    'SELECT id, password_hash FROM auditors WHERE login = $1',
    [login],
  );
  const row = rows[0];
  // An unknown login still pays for one KDF run, so timing does not tell which logins exist.
  const ok = await checkPassword(password, row?.password_hash ?? DUMMY);
  if (!row || !ok) return undefined;
  const token = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO sessions (token_sha256, auditor_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash(token),
    row.id,
    new Date(Date.now() + SESSION_HOURS * 3_600_000),
  ]);
  return token;
}

const DUMMY = `scrypt$${COST.N}$${COST.r}$${COST.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;

export async function sessionAuditor(db: Database, token: string | undefined): Promise<Auditor | undefined> {
  if (!token) return undefined;
  const { rows } = await db.query<{
    id: number;
    login: string;
    role: 'city' | 'unit';
    unit_id: number | null;
    unit: string | null;
  }>(
    `SELECT a.id, a.login, a.role, a.unit_id, u.name AS unit FROM sessions s
     JOIN auditors a ON a.id = s.auditor_id LEFT JOIN units u ON u.id = a.unit_id
     WHERE s.token_sha256 = $1 AND s.expires_at > now()`,
    [tokenHash(token)],
  );
  const r = rows[0];
  return r && { id: r.id, login: r.login, role: r.role, unitId: r.unit_id, unit: r.unit };
}

export async function signOut(db: Database, token: string | undefined): Promise<void> {
  if (token) await db.query('DELETE FROM sessions WHERE token_sha256 = $1', [tokenHash(token)]);
}
