/**
 * Taking a device's batch in: signature, replay, content, continuity, then the rows — all in one
 * transaction under the device row's lock, so two uploads from one device never interleave and a
 * collector killed halfway leaves nothing half-stored (the device sends the batch again).
 *
 * Continuity, per device, against the last entry the collector holds (its `epoch`, `head_seq`,
 * `head_hash`):
 * - seq ≤ head, same hash as stored      → a duplicate (an upload repeated after a lost answer);
 * - seq = head + 1 and prev = head hash  → the chain goes on;
 * - seq > head + 1                       → `gap`: the records between never arrived;
 * - seq = head + 1 but prev ≠ head hash  → `rewritten`: the device's chain is not the one held;
 * - seq ≤ head with another hash         → `rewritten` (seq > 1) or `restarted` (seq 1: the local
 *                                          log was wiped and began again).
 * A break is recorded as an event with the range affected, and the device's chain then continues
 * from the new entry in a new epoch: what was held before stays, marked by the event.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import * as v from 'valibot';
import { hashedText } from '../audit/canonical';
import { Batch, recordOf, type BatchAnswer, type UploadEntry } from '../fleet-protocol/upload';
import type { Database, Sql } from './db/database';
import { ensureMonths } from './db/migrations';
import { REVIEW_GATES } from '../utils/protocol';

export class IngestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 409 | 422,
    message: string,
  ) {
    super(message);
  }
}

export interface DeviceRow {
  id: number;
  unit_id: number;
  public_key: JsonWebKey;
  revoked_at: string | null;
  last_counter: number;
  epoch: number;
  head_seq: number;
  head_hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Parses and checks a batch's shape; the signature is checked against the stored key later. */
export function parseBatch(body: string): Batch {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new IngestError(400, '上传内容不是 JSON');
  }
  const parsed = v.safeParse(Batch, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new IngestError(400, `上传内容格式不对：${v.getDotPath(issue) ?? ''} ${issue.message}`);
  }
  return parsed.output;
}

function signatureValid(key: JsonWebKey, body: string, signature: string | undefined): boolean {
  if (!signature) return false;
  try {
    const publicKey = createPublicKey({ key: key as never, format: 'jwk' });
    // WebCrypto's ECDSA signature is the raw r‖s form (IEEE P1363), not DER.
    return verifySignature(
      'sha256',
      Buffer.from(body, 'utf8'),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

interface Event {
  kind: 'gap' | 'rewritten' | 'restarted';
  from: number;
  to: number;
  detail: string;
}

/** Stores a signed batch; answers the head now held. `now` for tests. */
export async function ingestBatch(
  db: Database,
  body: string,
  signature: string | undefined,
  now: Date = new Date(),
): Promise<BatchAnswer> {
  const batch = parseBatch(body);
  const entries = [...batch.entries].sort((a, b) => a.seq - b.seq);
  // The signature first, before anything is created for this batch; checked again under the lock.
  const key = await db.query<{ public_key: JsonWebKey }>('SELECT public_key FROM devices WHERE id = $1', [
    batch.deviceId,
  ]);
  // Unknown device and bad signature answer alike: nothing tells a prober which it was.
  if (!key.rows[0] || !signatureValid(key.rows[0].public_key, body, signature))
    throw new IngestError(401, '设备未登记或签名无效');
  for (const e of entries) {
    if (!e.redacted && sha256(hashedText(recordOf(e))) !== e.hash)
      throw new IngestError(422, `序号 ${e.seq} 的内容与它的哈希不符：拒绝整批`);
  }
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [entries[i - 1]!, entries[i]!];
    if (b.seq === a.seq) throw new IngestError(422, `序号 ${b.seq} 在同一批中出现两次`);
  }
  // Partitions next, outside the batch's transaction (creating one takes a lock on `entries`).
  await ensureMonthsSafely(
    db,
    entries.map((e) => e.time.slice(0, 7)),
  );

  return db.tx(async (sql) => {
    const { rows } = await sql.query<DeviceRow>(
      `SELECT id, unit_id, public_key, revoked_at, last_counter, epoch, head_seq, head_hash
       FROM devices WHERE id = $1 FOR UPDATE`,
      [batch.deviceId],
    );
    const device = rows[0];
    if (!device || !signatureValid(device.public_key, body, signature))
      throw new IngestError(401, '设备未登记或签名无效');
    if (device.revoked_at) throw new IngestError(403, '此设备已被撤销，不再接受上传');
    if (batch.counter <= device.last_counter)
      throw new IngestError(409, `重放的上传：批次计数 ${batch.counter} 不大于已接受的 ${device.last_counter}`);

    const result = await applyEntries(sql, device, entries, now);
    await sql.query('UPDATE devices SET last_counter = $2 WHERE id = $1', [device.id, batch.counter]);
    return result;
  });
}

/**
 * Checks continuity and stores the entries of one device, in seq order, inside the caller's
 * transaction (which holds the device row's lock). Used by uploads and by `collector import`.
 */
export async function applyEntries(
  sql: Sql,
  device: DeviceRow,
  entries: UploadEntry[],
  now: Date,
): Promise<BatchAnswer> {
  let { epoch, head_seq: headSeq, head_hash: headHash } = device;
  const fresh: UploadEntry[] = [];
  const events: Event[] = [];
  let duplicates = 0;
  const stored = await storedHashes(sql, device.id, epoch, entries, headSeq);
  for (const e of entries) {
    if (e.seq <= headSeq) {
      if (stored.get(e.seq) === e.hash) {
        duplicates++;
        continue;
      }
      events.push(
        e.seq === 1
          ? {
              kind: 'restarted',
              from: 1,
              to: headSeq,
              detail: `设备的日志从头重新开始（本地日志被清空或重建）：此前收到的序号 1–${headSeq} 已不在设备上`,
            }
          : {
              kind: 'rewritten',
              from: e.seq,
              to: headSeq,
              detail: `序号 ${e.seq} 与此前收到的不同（哈希 ${e.hash.slice(0, 12)}，原为 ${(stored.get(e.seq) ?? '未知').slice(0, 12)}）：设备上的日志从这里起被改写或倒退`,
            },
      );
      epoch++;
    } else if (headSeq > 0 && e.seq > headSeq + 1) {
      events.push({
        kind: 'gap',
        from: headSeq + 1,
        to: e.seq - 1,
        detail: `缺少序号 ${headSeq + 1}–${e.seq - 1}：这些记录没有到达汇聚服务器（本地日志被删除或上传队列丢失）`,
      });
    } else if (headSeq > 0 && e.seq === headSeq + 1 && e.prev !== headHash) {
      events.push({
        kind: 'rewritten',
        from: 1,
        to: headSeq,
        detail: `序号 ${e.seq} 没有接在收到的序号 ${headSeq} 之后（prev 不符）：设备上的日志在此之前被改写`,
      });
      epoch++;
    }
    fresh.push(e);
    headSeq = e.seq;
    headHash = e.hash;
  }

  if (fresh.length) await insertEntries(sql, device, fresh, epoch, now);
  for (const ev of events) {
    await sql.query(
      `INSERT INTO events (device_id, unit_id, kind, epoch, from_seq, to_seq, detail, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [device.id, device.unit_id, ev.kind, epoch, ev.from, ev.to, ev.detail, now],
    );
  }
  await sql.query(
    `UPDATE devices SET last_contact = $2, epoch = $3, head_seq = $4, head_hash = $5, entries = entries + $6
     WHERE id = $1`,
    [device.id, now, epoch, headSeq, headHash, fresh.length],
  );
  return { ack: { seq: headSeq, hash: headHash }, accepted: fresh.length, duplicates, events: events.length };
}

export async function ensureMonthsSafely(db: Database, months: string[]) {
  try {
    await ensureMonths(db, db, new Set(months));
  } catch (e) {
    // Two uploads creating the same month at once: the other one made it.
    if (!/already exists|duplicate key/.test(String((e as Error).message))) throw e;
    await ensureMonths(db, db, new Set(months));
  }
}

/** Hashes held for the batch's seqs at or below the head (to tell duplicates from rewrites). */
async function storedHashes(sql: Sql, device: number, epoch: number, entries: UploadEntry[], headSeq: number) {
  const seqs = entries.filter((e) => e.seq <= headSeq).map((e) => e.seq);
  const out = new Map<number, string>();
  if (!seqs.length) return out;
  const { rows } = await sql.query<{ seq: number; hash: string }>(
    `SELECT seq, hash FROM entries WHERE device_id = $1 AND epoch = $2 AND seq = ANY($3::bigint[])`,
    [device, epoch, seqs],
  );
  for (const r of rows) out.set(Number(r.seq), r.hash);
  return out;
}

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

/** Entries, attempts with their outcomes, and the running totals — a few statements per batch. */
async function insertEntries(sql: Sql, device: DeviceRow, entries: UploadEntry[], epoch: number, now: Date) {
  await sql.query(
    `INSERT INTO entries (device_id, epoch, seq, time, unit_id, type, hash, prev, attempt, redacted, received_at, record)
     SELECT $1, $2, e.seq, e.time, $3, e.type, e.hash, e.prev, e.attempt, e.redacted, $4, e.record
     FROM unnest($5::bigint[], $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::boolean[], $12::jsonb[])
       AS e(seq, time, type, hash, prev, attempt, redacted, record)`,
    [
      device.id,
      epoch,
      device.unit_id,
      now,
      entries.map((e) => e.seq),
      entries.map((e) => e.time),
      entries.map((e) => e.type),
      entries.map((e) => e.hash),
      entries.map((e) => e.prev),
      entries.map((e) => (e.type === 'attempt' || e.type === 'outcome' ? str(e.attempt) : null)),
      entries.map((e) => e.redacted === true),
      entries.map((e) => JSON.stringify(e)),
    ],
  );
  const attempts = entries.filter((e) => e.type === 'attempt');
  if (attempts.length) await insertAttempts(sql, device, attempts);
  const outcomes = entries.filter((e) => e.type === 'outcome');
  if (outcomes.length) await applyOutcomes(sql, device, outcomes);
}

interface AttemptShape {
  attempt: string;
  seq: number;
  time: string;
  platform: string;
  kind: string;
  account?: { name?: string; id?: string };
  verdict: string;
  findings?: { category?: string; ruleId?: string }[];
  editor?: { name?: string };
  title?: string;
  text?: string;
  textSha256?: string;
}

export function accountKeyOf(platform: string, account: { name?: string; id?: string } | undefined): string {
  return `${platform}:${account?.id || account?.name || '（未识别账号）'}`;
}

async function insertAttempts(sql: Sql, device: DeviceRow, entries: UploadEntry[]) {
  const rows = entries as unknown as AttemptShape[];
  const inserted = await sql.query<{ attempt: string }>(
    `INSERT INTO attempts (device_id, attempt, unit_id, seq, time, platform, account_key, account_name, kind, verdict,
       categories, rule_ids, editor, title, text, text_sha256)
     SELECT $1, a.attempt, $2, a.seq, a.time, a.platform, a.account_key, a.account_name, a.kind, a.verdict,
       string_to_array(a.categories, ','), string_to_array(a.rule_ids, ','), a.editor, a.title, a.text, a.sha
     FROM unnest($3::uuid[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[],
                 $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
       AS a(attempt, seq, time, platform, account_key, account_name, kind, verdict, categories, rule_ids, editor, title, text, sha)
     ON CONFLICT (device_id, attempt) DO NOTHING
     RETURNING attempt`,
    [
      device.id,
      device.unit_id,
      rows.map((r) => r.attempt),
      rows.map((r) => r.seq),
      rows.map((r) => r.time),
      rows.map((r) => r.platform),
      rows.map((r) => accountKeyOf(r.platform, r.account)),
      rows.map((r) => r.account?.name || r.account?.id || '（未识别账号）'),
      rows.map((r) => r.kind),
      rows.map((r) => r.verdict),
      rows.map((r) => [...new Set((r.findings ?? []).map((f) => f.category ?? ''))].filter(Boolean).join(',')),
      rows.map((r) => [...new Set((r.findings ?? []).map((f) => f.ruleId ?? ''))].filter(Boolean).join(',')),
      rows.map((r) => r.editor?.name ?? ''),
      rows.map((r) => r.title ?? null),
      rows.map((r) => r.text ?? null),
      rows.map((r) => r.textSha256 ?? ''),
    ],
  );
  const fresh = new Set(inserted.rows.map((r) => r.attempt));
  const counted = rows.filter((r) => fresh.has(r.attempt));
  if (!counted.length) return;
  // Accounts: attempts and last attempt.
  const perAccount = new Map<string, { platform: string; name: string; n: number; last: string }>();
  const perDay = new Map<string, { day: string; category: string; n: number }>();
  for (const r of counted) {
    const key = accountKeyOf(r.platform, r.account);
    const a = perAccount.get(key) ?? {
      platform: r.platform,
      name: r.account?.name || r.account?.id || '（未识别账号）',
      n: 0,
      last: r.time,
    };
    a.n++;
    if (r.time > a.last) a.last = r.time;
    perAccount.set(key, a);
    const day = r.time.slice(0, 10);
    for (const category of ['', ...new Set((r.findings ?? []).map((f) => f.category ?? '').filter(Boolean))]) {
      const k = `${day}|${category}`;
      const d = perDay.get(k) ?? { day, category, n: 0 };
      d.n++;
      perDay.set(k, d);
    }
  }
  const accounts = [...perAccount.entries()];
  await sql.query(
    `INSERT INTO accounts (account_key, platform, name, unit_id, attempts, last_attempt)
     SELECT k, p, n, $1, c, l FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[]) AS x(k, p, n, c, l)
     ON CONFLICT (account_key) DO UPDATE SET attempts = accounts.attempts + EXCLUDED.attempts,
       last_attempt = GREATEST(accounts.last_attempt, EXCLUDED.last_attempt), name = EXCLUDED.name`,
    [
      device.unit_id,
      accounts.map(([k]) => k),
      accounts.map(([, a]) => a.platform),
      accounts.map(([, a]) => a.name),
      accounts.map(([, a]) => a.n),
      accounts.map(([, a]) => a.last),
    ],
  );
  const days = [...perDay.values()];
  await sql.query(
    `INSERT INTO unit_days (unit_id, day, category, attempts)
     SELECT $1, d, c, n FROM unnest($2::date[], $3::text[], $4::bigint[]) AS x(d, c, n)
     ON CONFLICT (unit_id, day, category) DO UPDATE SET attempts = unit_days.attempts + EXCLUDED.attempts`,
    [device.unit_id, days.map((d) => d.day), days.map((d) => d.category), days.map((d) => d.n)],
  );
}

const PUBLISHED = new Set(['published', 'published-with-reason']);

/** An outcome's 三审 record as JSON, its five names only (null where it carries none). */
function reviewOf(review: unknown): string | null {
  if (!review || typeof review !== 'object') return null;
  const names = Object.fromEntries(REVIEW_GATES.map((gate) => [gate, str((review as Record<string, unknown>)[gate])]));
  return JSON.stringify(names);
}

async function applyOutcomes(sql: Sql, device: DeviceRow, entries: UploadEntry[]) {
  const updated = await sql.query<{
    account_key: string;
    day: string;
    decision: string;
    categories: string[];
    decided: Date | string;
  }>(
    // An outcome names the editor where the name was given only at the decision (audit/record.ts).
    // Its 三审 record, where the pack asked for one, is kept as the outcome wrote it.
    `UPDATE attempts a SET decision = o.decision, decided_at = o.time, reason = o.reason,
       editor = COALESCE(NULLIF(o.editor, ''), a.editor), review = o.review::jsonb
     FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
       AS o(attempt, decision, time, reason, editor, review)
     WHERE a.device_id = $1 AND a.attempt = o.attempt AND a.decision = 'pending'
     RETURNING a.account_key, to_char(a.time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, a.decision, a.categories,
       o.time AS decided`,
    [
      device.id,
      entries.map((e) => str(e.attempt)),
      entries.map((e) => str(e.decision) ?? 'pending'),
      entries.map((e) => e.time),
      entries.map((e) => str(e.reason)),
      entries.map((e) => (e.editor as { name?: string } | undefined)?.name ?? ''),
      entries.map((e) => reviewOf(e.review)),
    ],
  );
  const published = new Map<string, { n: number; at: string }>();
  const perDay = new Map<
    string,
    { day: string; category: string; blocked: number; overrides: number; published: number }
  >();
  for (const r of updated.rows) {
    if (PUBLISHED.has(r.decision)) {
      const at = new Date(r.decided).toISOString();
      const p = published.get(r.account_key) ?? { n: 0, at };
      p.n++;
      if (at > p.at) p.at = at;
      published.set(r.account_key, p);
    }
    for (const category of ['', ...r.categories]) {
      const k = `${r.day}|${category}`;
      const d = perDay.get(k) ?? { day: r.day, category, blocked: 0, overrides: 0, published: 0 };
      if (r.decision === 'blocked') d.blocked++;
      if (r.decision === 'published-with-reason') d.overrides++;
      if (PUBLISHED.has(r.decision)) d.published++;
      perDay.set(k, d);
    }
  }
  if (published.size) {
    const list = [...published.entries()];
    await sql.query(
      `UPDATE accounts a SET published = a.published + x.n, last_publish = GREATEST(a.last_publish, x.at)
       FROM unnest($1::text[], $2::timestamptz[], $3::bigint[]) AS x(k, at, n) WHERE a.account_key = x.k`,
      [list.map(([k]) => k), list.map(([, p]) => p.at), list.map(([, p]) => p.n)],
    );
  }
  const days = [...perDay.values()];
  if (days.length) {
    await sql.query(
      `INSERT INTO unit_days (unit_id, day, category, blocked, overrides, published)
       SELECT $1, d, c, b, o, p FROM unnest($2::date[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[]) AS x(d, c, b, o, p)
       ON CONFLICT (unit_id, day, category) DO UPDATE SET blocked = unit_days.blocked + EXCLUDED.blocked,
         overrides = unit_days.overrides + EXCLUDED.overrides, published = unit_days.published + EXCLUDED.published`,
      [
        device.unit_id,
        days.map((d) => d.day),
        days.map((d) => d.category),
        days.map((d) => d.blocked),
        days.map((d) => d.overrides),
        days.map((d) => d.published),
      ],
    );
  }
}
