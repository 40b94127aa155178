/**
 * What the fleet pages and their exports ask. Every query takes the auditor's scope: a city
 * auditor sees every unit, a unit auditor only their own — enforced here, in SQL, not in the
 * pages. The dormant-accounts and per-unit totals read the running totals kept on ingest
 * (`accounts`, `unit_days`), so they stay fast however many entries there are.
 */
import type { Auditor } from './auth';
import type { Sql } from './db/database';
import type { ReviewGate } from '../utils/protocol';

export interface Scope {
  /** null: every unit. */
  unitId: number | null;
}

export const scopeOf = (a: Auditor): Scope => ({ unitId: a.role === 'city' ? null : a.unitId });

/** `AND <col> = $n` when the scope is one unit; adds the parameter. */
function unitClause(scope: Scope, params: unknown[], column: string): string {
  if (scope.unitId === null) return '';
  params.push(scope.unitId);
  return ` AND ${column} = $${params.length}`;
}

export interface AccountRow {
  account_key: string;
  platform: string;
  name: string;
  unit: string;
  attempts: number;
  published: number;
  last_attempt: string | null;
  last_publish: string | null;
  days_silent: number | null;
}

/** Accounts with their last publish; `dormantDays` keeps only those silent that long or never published. */
export async function accounts(sql: Sql, scope: Scope, dormantDays?: number, now = new Date()): Promise<AccountRow[]> {
  const params: unknown[] = [now];
  let where = 'WHERE true';
  if (dormantDays !== undefined) {
    params.push(new Date(now.getTime() - dormantDays * 86_400_000));
    where += ` AND (a.last_publish IS NULL OR a.last_publish < $${params.length})`;
  }
  where += unitClause(scope, params, 'a.unit_id');
  const { rows } = await sql.query<AccountRow>(
    `SELECT a.account_key, a.platform, a.name, u.name AS unit, a.attempts, a.published, a.last_attempt, a.last_publish,
       floor(extract(epoch FROM ($1::timestamptz - a.last_publish)) / 86400)::int AS days_silent
     FROM accounts a JOIN units u ON u.id = a.unit_id ${where}
     ORDER BY a.last_publish ASC NULLS FIRST, a.name LIMIT 5000`,
    params,
  );
  return rows;
}

export interface UnitRow {
  id: number;
  name: string;
  attempts: number;
  blocked: number;
  overrides: number;
  published: number;
  devices: number;
  events: number;
}

/** Per unit over a period: attempts, blocks, overrides, publishes; devices and chain events. */
export async function units(sql: Sql, scope: Scope, from: Date, to: Date): Promise<UnitRow[]> {
  const params: unknown[] = [from, to];
  const where = unitClause(scope, params, 'u.id');
  const { rows } = await sql.query<UnitRow>(
    `SELECT u.id, u.name,
       COALESCE(d.attempts, 0)::int AS attempts, COALESCE(d.blocked, 0)::int AS blocked,
       COALESCE(d.overrides, 0)::int AS overrides, COALESCE(d.published, 0)::int AS published,
       (SELECT count(*) FROM devices v WHERE v.unit_id = u.id)::int AS devices,
       (SELECT count(*) FROM events e WHERE e.unit_id = u.id)::int AS events
     FROM units u LEFT JOIN (
       SELECT unit_id, sum(attempts) AS attempts, sum(blocked) AS blocked, sum(overrides) AS overrides,
         sum(published) AS published
       FROM unit_days WHERE category = '' AND day >= $1::date AND day <= $2::date GROUP BY unit_id
     ) d ON d.unit_id = u.id
     WHERE true ${where} ORDER BY u.name`,
    params,
  );
  return rows;
}

export interface DayRow {
  day: string;
  category: string;
  attempts: number;
  blocked: number;
  overrides: number;
}

/** One unit's (or the scope's) days: totals (`category` '') and each category's attempts. */
export async function days(sql: Sql, scope: Scope, unit: number | null, from: Date, to: Date): Promise<DayRow[]> {
  const params: unknown[] = [from, to];
  let where = unitClause(scope, params, 'unit_id');
  if (unit !== null) {
    params.push(unit);
    where += ` AND unit_id = $${params.length}`;
  }
  const { rows } = await sql.query<DayRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, category, sum(attempts)::int AS attempts, sum(blocked)::int AS blocked,
       sum(overrides)::int AS overrides
     FROM unit_days WHERE day >= $1::date AND day <= $2::date ${where}
     GROUP BY day, category ORDER BY day, category`,
    params,
  );
  return rows;
}

export interface AttemptFilter {
  unit?: number;
  account?: string;
  platform?: string;
  decision?: string;
  verdict?: string;
  category?: string;
  device?: number;
  q?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

export interface AttemptRow {
  device_id: number;
  attempt: string;
  seq: number;
  unit: string;
  time: string;
  platform: string;
  account_key: string;
  account_name: string;
  kind: string;
  verdict: string;
  categories: string[];
  rule_ids: string[];
  editor: string;
  title: string | null;
  text: string | null;
  text_sha256: string;
  decision: string;
  decided_at: string | null;
  reason: string | null;
  /** The 三审 record the outcome carried (who passed each 关), where the pack asked for it. */
  review: Record<ReviewGate, string | null> | null;
}

/** Attempts, newest first, with filters and full-text search (where text was collected). */
export async function attempts(sql: Sql, scope: Scope, f: AttemptFilter): Promise<AttemptRow[]> {
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    return ` AND ${clause.replace('?', `$${params.length}`)}`;
  };
  let where = unitClause(scope, params, 'a.unit_id');
  if (f.unit !== undefined) where += add('a.unit_id = ?', f.unit);
  if (f.device !== undefined) where += add('a.device_id = ?', f.device);
  if (f.account) where += add('a.account_key = ?', f.account);
  if (f.platform) where += add('a.platform = ?', f.platform);
  if (f.decision) where += add('a.decision = ?', f.decision);
  if (f.verdict) where += add('a.verdict = ?', f.verdict);
  if (f.category) where += add('? = ANY(a.categories)', f.category);
  if (f.from) where += add('a.time >= ?', f.from);
  if (f.to) where += add('a.time < ?', f.to);
  if (f.q) {
    // Chinese has no spaces to split on: a substring match, escaped so % and _ are literal.
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    params.push(f.q.trim().toLowerCase());
    const exact = `$${params.length}`;
    where += ` AND (a.text ILIKE ${p} OR a.title ILIKE ${p} OR a.reason ILIKE ${p} OR a.account_name ILIKE ${p} OR a.text_sha256 = ${exact})`;
  }
  params.push(Math.min(f.limit ?? 500, 10_000));
  const { rows } = await sql.query<AttemptRow>(
    `SELECT a.device_id, a.attempt, a.seq, u.name AS unit, a.time, a.platform, a.account_key, a.account_name, a.kind,
       a.verdict, a.categories, a.rule_ids, a.editor, a.title, a.text, a.text_sha256, a.decision, a.decided_at, a.reason,
       a.review
     FROM attempts a JOIN units u ON u.id = a.unit_id
     WHERE true ${where} ORDER BY a.time DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export interface DeviceRow {
  id: number;
  unit: string;
  extension: string;
  enrolled_at: string;
  last_contact: string | null;
  revoked_at: string | null;
  epoch: number;
  head_seq: number;
  head_hash: string;
  entries: number;
  events: number;
  last_event: string | null;
}

export async function devices(sql: Sql, scope: Scope): Promise<DeviceRow[]> {
  const params: unknown[] = [];
  const where = unitClause(scope, params, 'd.unit_id');
  const { rows } = await sql.query<DeviceRow>(
    `SELECT d.id, u.name AS unit, d.extension, d.enrolled_at, d.last_contact, d.revoked_at, d.epoch, d.head_seq,
       d.head_hash, d.entries,
       (SELECT count(*) FROM events e WHERE e.device_id = d.id)::int AS events,
       (SELECT e.detail FROM events e WHERE e.device_id = d.id ORDER BY e.at DESC LIMIT 1) AS last_event
     FROM devices d JOIN units u ON u.id = d.unit_id WHERE true ${where} ORDER BY u.name, d.id`,
    params,
  );
  return rows;
}

export interface EventRow {
  id: number;
  device_id: number;
  unit: string;
  kind: string;
  epoch: number;
  from_seq: number;
  to_seq: number;
  detail: string;
  at: string;
}

export async function events(sql: Sql, scope: Scope, device?: number): Promise<EventRow[]> {
  const params: unknown[] = [];
  let where = unitClause(scope, params, 'e.unit_id');
  if (device !== undefined) {
    params.push(device);
    where += ` AND e.device_id = $${params.length}`;
  }
  const { rows } = await sql.query<EventRow>(
    `SELECT e.id, e.device_id, u.name AS unit, e.kind, e.epoch, e.from_seq, e.to_seq, e.detail, e.at
     FROM events e JOIN units u ON u.id = e.unit_id WHERE true ${where} ORDER BY e.at DESC, e.id DESC LIMIT 2000`,
    params,
  );
  return rows;
}

export async function unitNames(sql: Sql, scope: Scope): Promise<{ id: number; name: string }[]> {
  const params: unknown[] = [];
  const where = unitClause(scope, params, 'id');
  return (
    await sql.query<{ id: number; name: string }>(
      `SELECT id, name FROM units WHERE true ${where} ORDER BY name`,
      params,
    )
  ).rows;
}
