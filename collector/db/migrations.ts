/**
 * The collector's schema, as numbered migrations applied in order and recorded in
 * `schema_migrations`. A migration is never edited once released: a change is a new step.
 *
 * | step | what |
 * | ---- | ---- |
 * | 1 | units, enrollment codes, devices, auditors and sessions; `entries` (every uploaded record, partitioned by month of its time), `attempts` (one row per attempt with its outcome: what the fleet pages query), `accounts` and `unit_days` (running totals kept on ingest, so the dormant-accounts and per-unit pages never scan entries), `events` (breaks in a device's chain) |
 * | 2 | `attempts.review`: the 三审 record an outcome carried (who passed each 关), where the pack asked for it |
 *
 * Entries are partitioned by range of `time`; a month's partition is created on the first entry
 * for it (see ensureMonth). Uniqueness of (device, epoch, seq) is kept by ingest under the device
 * row's lock, since a unique index on a partitioned table must include the partition key.
 */
import type { Database, Sql } from './database';

export const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'fleet',
    sql: `
CREATE TABLE units (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE enrollment_codes (
  id serial PRIMARY KEY,
  unit_id int NOT NULL REFERENCES units(id),
  code_sha256 text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE TABLE devices (
  id bigserial PRIMARY KEY,
  unit_id int NOT NULL REFERENCES units(id),
  code_id int REFERENCES enrollment_codes(id),
  public_key jsonb NOT NULL,
  key_id text NOT NULL UNIQUE,
  extension text NOT NULL DEFAULT '',
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_contact timestamptz,
  revoked_at timestamptz,
  last_counter bigint NOT NULL DEFAULT 0,
  epoch int NOT NULL DEFAULT 1,
  head_seq bigint NOT NULL DEFAULT 0,
  head_hash text NOT NULL DEFAULT '',
  entries bigint NOT NULL DEFAULT 0
);
CREATE INDEX devices_unit ON devices (unit_id);

CREATE TABLE entries (
  device_id bigint NOT NULL,
  epoch int NOT NULL,
  seq bigint NOT NULL,
  time timestamptz NOT NULL,
  unit_id int NOT NULL,
  type text NOT NULL,
  hash text NOT NULL,
  prev text NOT NULL,
  attempt uuid,
  redacted boolean NOT NULL DEFAULT false,
  received_at timestamptz NOT NULL DEFAULT now(),
  record jsonb NOT NULL
) PARTITION BY RANGE (time);
CREATE INDEX entries_device_seq ON entries (device_id, epoch, seq);
CREATE INDEX entries_unit_time ON entries (unit_id, time);

CREATE TABLE attempts (
  device_id bigint NOT NULL,
  attempt uuid NOT NULL,
  unit_id int NOT NULL,
  seq bigint NOT NULL,
  time timestamptz NOT NULL,
  platform text NOT NULL,
  account_key text NOT NULL,
  account_name text NOT NULL,
  kind text NOT NULL,
  verdict text NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  rule_ids text[] NOT NULL DEFAULT '{}',
  editor text NOT NULL DEFAULT '',
  title text,
  text text,
  text_sha256 text NOT NULL,
  decision text NOT NULL DEFAULT 'pending',
  decided_at timestamptz,
  reason text,
  PRIMARY KEY (device_id, attempt)
);
CREATE INDEX attempts_unit_time ON attempts (unit_id, time DESC);
CREATE INDEX attempts_account_time ON attempts (account_key, time DESC);
CREATE INDEX attempts_overrides ON attempts (unit_id, time DESC) WHERE decision = 'published-with-reason';
CREATE INDEX attempts_blocked ON attempts (unit_id, time DESC) WHERE decision = 'blocked';

CREATE TABLE accounts (
  account_key text PRIMARY KEY,
  platform text NOT NULL,
  name text NOT NULL,
  unit_id int NOT NULL,
  attempts bigint NOT NULL DEFAULT 0,
  published bigint NOT NULL DEFAULT 0,
  last_attempt timestamptz,
  last_publish timestamptz
);
CREATE INDEX accounts_last_publish ON accounts (last_publish NULLS FIRST);
CREATE INDEX accounts_unit ON accounts (unit_id);

CREATE TABLE unit_days (
  unit_id int NOT NULL,
  day date NOT NULL,
  category text NOT NULL DEFAULT '',
  attempts bigint NOT NULL DEFAULT 0,
  blocked bigint NOT NULL DEFAULT 0,
  overrides bigint NOT NULL DEFAULT 0,
  published bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, day, category)
);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  device_id bigint NOT NULL REFERENCES devices(id),
  unit_id int NOT NULL,
  kind text NOT NULL,
  epoch int NOT NULL,
  from_seq bigint NOT NULL,
  to_seq bigint NOT NULL,
  detail text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_device ON events (device_id, at DESC);

CREATE TABLE auditors (
  id serial PRIMARY KEY,
  login text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('city', 'unit')),
  unit_id int REFERENCES units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role = 'city' OR unit_id IS NOT NULL)
);
CREATE TABLE sessions (
  token_sha256 text PRIMARY KEY,
  auditor_id int NOT NULL REFERENCES auditors(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
`,
  },
  {
    id: 2,
    name: 'review',
    sql: `
ALTER TABLE attempts ADD COLUMN review jsonb;
`,
  },
];

export async function migrate(db: Database): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
  const applied: number[] = [];
  for (const step of MIGRATIONS) {
    if (done.has(step.id)) continue;
    await db.tx(async (sql) => {
      for (const statement of splitStatements(step.sql)) await sql.query(statement);
      await sql.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [step.id, step.name]);
    });
    applied.push(step.id);
  }
  return applied;
}

/** The migrations hold no semicolons inside statements: split on the statement ends. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const monthsMade = new WeakMap<object, Set<string>>();

/** Creates the partition of `entries` for each month named (`YYYY-MM`), once per process. */
export async function ensureMonths(sql: Sql, owner: object, months: Iterable<string>): Promise<void> {
  let made = monthsMade.get(owner);
  if (!made) monthsMade.set(owner, (made = new Set()));
  for (const month of months) {
    if (made.has(month)) continue;
    if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`bad month ${month}`);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    await sql.query(
      `CREATE TABLE IF NOT EXISTS entries_${y}_${String(m).padStart(2, '0')} PARTITION OF entries
       FOR VALUES FROM ('${month}-01 00:00:00+00') TO ('${next}-01 00:00:00+00')`,
    );
    made.add(month);
  }
}
