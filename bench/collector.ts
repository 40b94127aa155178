/**
 * `npm run bench:collector`: the collector at a city's scale, on a real PostgreSQL
 * (BENCH_DATABASE_URL, else DATABASE_URL; a fresh schema, dropped at the end), loopback only,
 * bounded in rows and time.
 *
 * 1. Ingest through the real service: the collector runs as its own process (`collector serve`),
 *    and signed batches from many enrolled devices go to it over HTTP, 4 in flight — signature,
 *    replay and continuity checks, entries, attempts and running totals. Baseline, same run: a
 *    bare bulk insert of the same rows straight into a plain table (one multi-row INSERT per 500
 *    rows, no checks, no totals). The collector's resident memory is sampled while it ingests.
 * 2. Scale: the fleet is filled to `--devices` × `--entries` rows (default 1,000 × 10,000 = 10 M)
 *    by PostgreSQL itself (generate_series), with attempts and running totals to match; a quarter
 *    as many devices again upload over HTTP into the filled fleet; then the dormant-accounts and
 *    per-unit queries the fleet pages run are timed (median of 5).
 *
 * Run time: about 4 minutes on the 2-core reference machine when nothing else runs, several times
 * that under load (most of it the 10 M-row fill and its indexes); `--devices 100` gives a quick
 * look. Not part of npm test.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, type Database } from '../collector/db/database';
import { migrate } from '../collector/db/migrations';
import { createCode, enrollDevice } from '../collector/enrollment';
import * as q from '../collector/queries';
import { linkRecord, type Head } from '../audit/chain';
import type { LogRecord, RecordBody } from '../audit/record';
import { newDeviceKeys, publicJwk, signBody } from '../entrypoints/background/device-key';
import { SIGNATURE_HEADER, toUploadEntry } from '../fleet-protocol/upload';
import { ratio, Table } from './table';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!, process.argv[i + 1] ?? '');
const DEVICES = Number(args.get('--devices') ?? 1000);
const ENTRIES = Number(args.get('--entries') ?? 10_000);
const HTTP_DEVICES = Number(args.get('--http-devices') ?? 40);
const HTTP_ENTRIES = Number(args.get('--http-entries') ?? 2_500);
/** Devices that upload once the fleet is full: ingest measured against 10 M rows' indexes too. */
const LATE_DEVICES = Math.max(1, Math.floor(HTTP_DEVICES / 4));
const UNITS = 40;
const BATCH = 500;
const BIN = resolve(import.meta.dirname, '../bin/govpost-guard.js');

const base = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!base) {
  console.error('bench:collector 需要真实的 PostgreSQL：设置 BENCH_DATABASE_URL 或 DATABASE_URL');
  process.exit(2);
}
const schema = `bench_${Date.now().toString(36)}`;
const url = `${base}${base.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A device's chain: attempts and their outcomes, over 120 days, as the extension logs them. */
async function chain(device: number, n: number): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  let head: Head | undefined;
  for (let i = 0; i < n; i++) {
    const attempt = `00000000-0000-4000-8000-${String(device * 1_000_000 + Math.floor(i / 2)).padStart(12, '0')}`;
    const time = new Date(T0 + Math.floor((i * 120 * DAY) / n)).toISOString();
    const body: RecordBody =
      i % 2 === 0
        ? ({
            type: 'attempt',
            time,
            attempt,
            platform: 'weibo',
            kind: 'post',
            page: 'home',
            account: { name: `账号${device % 300}`, id: String(device % 300) },
            url: 'https://weibo.com/',
            textSha256: 'a'.repeat(64),
            textLength: 40,
            logText: 'hash',
            verdict: i % 10 === 0 ? 'block' : 'pass',
            findings:
              i % 10 === 0
                ? [
                    {
                      ruleId: 'no-ad-terms',
                      messageId: 'm',
                      category: 'commercial-ad',
                      severity: 'block',
                      field: 'body',
                      range: [0, 2],
                      basis: '第十三条',
                    },
                  ]
                : [],
            errors: [],
            pack: { id: 'baoding-default', version: '1.0.0' },
            extension: '0.1.0',
            editor: { name: '编辑', unit: '' },
          } as unknown as RecordBody)
        : {
            type: 'outcome',
            time,
            attempt,
            decision: i % 10 === 1 ? 'blocked' : i % 10 === 3 ? 'published-with-reason' : 'published',
            reason: i % 10 === 3 ? '经领导审核' : undefined,
          };
    const record = await linkRecord(body, head);
    head = { seq: record.seq, hash: record.hash };
    out.push(record);
  }
  return out;
}

function rss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function startCollector(port: number): Promise<{ pid: number; stop(): void }> {
  const child = spawn(process.execPath, [BIN, 'collector', 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => String(d).includes('已启动') && ok());
    child.once('exit', (c) => fail(new Error(`collector exited ${c}`)));
  });
  return { pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** Enrolls `count` devices (numbered from `first`) and sends their chains through a running collector. */
async function httpIngest(db: Database, first: number, count: number) {
  const devices: { id: string; keys: CryptoKeyPair; batches: string[] }[] = [];
  for (let d = first; d < first + count; d++) {
    const { code } = await createCode(db, `单位${d % UNITS}`);
    const keys = await newDeviceKeys();
    const { deviceId } = await enrollDevice(db, { code, publicKey: await publicJwk(keys), extension: '0.1.0' });
    const records = await chain(d, HTTP_ENTRIES);
    const batches: string[] = [];
    for (let i = 0, counter = 1; i < records.length; i += BATCH, counter++)
      batches.push(
        JSON.stringify({
          deviceId,
          counter,
          sentAt: new Date().toISOString(),
          entries: records.slice(i, i + BATCH).map((r) => toUploadEntry(r, 'none')),
        }),
      );
    devices.push({ id: deviceId, keys, batches });
  }
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const server = await startCollector(port);
  const samples: number[] = [rss(server.pid)];
  const sampler = setInterval(() => samples.push(rss(server.pid)), 250);
  // Each device sends its batches in order; 4 devices at a time.
  const queue = [...devices];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let dev = queue.shift(); dev; dev = queue.shift()) {
        for (const body of dev.batches) {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/batches`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: await signBody(dev.keys, body) },
            body,
            signal: AbortSignal.timeout(60_000),
          });
          if (!res.ok) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  samples.push(rss(server.pid));
  server.stop();
  return { rate: (count * HTTP_ENTRIES) / seconds, samples };
}

/** The same rows, inserted bare: one multi-row INSERT per 500 rows into a plain copy of the table. */
async function bareInsert(db: Database, count: number) {
  await db.query('CREATE TABLE bare_entries (LIKE entries INCLUDING DEFAULTS)');
  await db.query('CREATE INDEX ON bare_entries (device_id, epoch, seq)');
  await db.query('CREATE INDEX ON bare_entries (unit_id, time)');
  const rows = await db.query<Record<string, unknown>>('SELECT * FROM entries ORDER BY device_id, seq LIMIT $1', [
    count,
  ]);
  const started = performance.now();
  for (let i = 0; i < rows.rows.length; i += BATCH) {
    const chunk = rows.rows.slice(i, i + BATCH);
    const params: unknown[] = [];
    const values = chunk.map((r) => {
      const cols = [
        r.device_id,
        r.epoch,
        r.seq,
        r.time,
        r.unit_id,
        r.type,
        r.hash,
        r.prev,
        r.attempt,
        r.redacted,
        r.received_at,
        JSON.stringify(r.record),
      ];
      params.push(...cols);
      return `(${cols.map((_, j) => `$${params.length - cols.length + j + 1}`).join(',')})`;
    });
    await db.query(
      `INSERT INTO bare_entries (device_id, epoch, seq, time, unit_id, type, hash, prev, attempt, redacted, received_at, record) VALUES ${values.join(',')}`,
      params,
    );
  }
  return rows.rows.length / ((performance.now() - started) / 1000);
}

/** Fills the fleet to DEVICES × ENTRIES rows inside PostgreSQL, with attempts and totals to match. */
async function fill(db: Database) {
  // Whole devices of ENTRIES rows each, on top of what ingest stored, until the table holds DEVICES × ENTRIES.
  const have = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries')).rows[0]!.n;
  const more = Math.ceil((DEVICES * ENTRIES - have) / ENTRIES);
  if (more <= 0) return;
  for (let m = 0; m < 5; m++)
    await db.query(
      `CREATE TABLE IF NOT EXISTS entries_2026_0${m + 1} PARTITION OF entries FOR VALUES FROM ('2026-0${m + 1}-01') TO ('2026-0${m + 2}-01')`,
    );
  await db.query(
    `INSERT INTO units (name) SELECT '单位' || g FROM generate_series(0, ${UNITS - 1}) g ON CONFLICT (name) DO NOTHING`,
  );
  await db.query(
    `INSERT INTO devices (unit_id, public_key, key_id, head_seq, entries)
     SELECT (SELECT id FROM units ORDER BY id LIMIT 1 OFFSET (g % ${UNITS})), '{}', 'bench:' || g, ${ENTRIES}, ${ENTRIES}
     FROM generate_series(1, ${more}) g`,
  );
  const step = (120 * DAY) / ENTRIES / 1000;
  // One device at a time would be slow; 50 devices per statement keeps each transaction bounded.
  const ids = (
    await db.query<{ id: number; unit_id: number }>(
      `SELECT id, unit_id FROM devices WHERE key_id LIKE 'bench:%' ORDER BY id`,
    )
  ).rows;
  for (let i = 0; i < ids.length; i += 50) {
    const part = ids.slice(i, i + 50);
    await db.query(
      `INSERT INTO entries (device_id, epoch, seq, time, unit_id, type, hash, prev, attempt, record)
       SELECT d.id, 1, s, timestamptz '2026-01-01' + (s * ${step}) * interval '1 second', d.unit_id,
         CASE WHEN s % 2 = 1 THEN 'attempt' ELSE 'outcome' END, md5(d.id || ':' || s) || md5(s || ':' || d.id),
         md5(d.id || ':' || (s - 1)) || md5((s - 1) || ':' || d.id), NULL, '{"bench":true}'::jsonb
       FROM unnest($1::bigint[], $2::int[]) AS d(id, unit_id), generate_series(1, ${ENTRIES}) s`,
      [part.map((p) => p.id), part.map((p) => p.unit_id)],
    );
    await db.query(
      `INSERT INTO attempts (device_id, attempt, unit_id, seq, time, platform, account_key, account_name, kind, verdict, categories, text_sha256, decision, decided_at, reason)
       SELECT d.id, md5(d.id || ':' || s)::uuid, d.unit_id, s, timestamptz '2026-01-01' + (s * ${step}) * interval '1 second', 'weibo',
         'weibo:b' || (d.id % 3000), '账号b' || (d.id % 3000), 'post', CASE WHEN s % 10 = 1 THEN 'block' ELSE 'pass' END,
         CASE WHEN s % 10 = 1 THEN ARRAY['commercial-ad'] ELSE '{}'::text[] END, '', 
         CASE WHEN s % 10 = 1 THEN 'blocked' WHEN s % 10 = 3 THEN 'published-with-reason' ELSE 'published' END,
         timestamptz '2026-01-01' + (s * ${step}) * interval '1 second', CASE WHEN s % 10 = 3 THEN '经领导审核' END
       FROM unnest($1::bigint[], $2::int[]) AS d(id, unit_id), generate_series(1, ${ENTRIES}, 2) s`,
      [part.map((p) => p.id), part.map((p) => p.unit_id)],
    );
    if (i % 200 === 0) process.stderr.write(`  填充 ${Math.min(i + 50, ids.length)} / ${ids.length} 台设备\r`);
  }
  process.stderr.write('\n');
  // Running totals as ingest keeps them, computed once for the filled rows.
  await db.query(
    `INSERT INTO accounts (account_key, platform, name, unit_id, attempts, published, last_attempt, last_publish)
     SELECT account_key, 'weibo', min(account_name), min(unit_id), count(*), count(*) FILTER (WHERE decision LIKE 'published%'),
       max(time), max(time) FILTER (WHERE decision LIKE 'published%')
     FROM attempts WHERE device_id IN (SELECT id FROM devices WHERE key_id LIKE 'bench:%') GROUP BY account_key
     ON CONFLICT (account_key) DO NOTHING`,
  );
  // Some accounts fall silent: their last publish moves back, so the dormant list is not empty.
  await db.query(
    `UPDATE accounts SET last_publish = last_publish - interval '60 days' WHERE hashtext(account_key) % 7 = 0`,
  );
  await db.query(
    `INSERT INTO unit_days (unit_id, day, category, attempts, blocked, overrides, published)
     SELECT unit_id, time::date, '', count(*), count(*) FILTER (WHERE decision = 'blocked'),
       count(*) FILTER (WHERE decision = 'published-with-reason'), count(*) FILTER (WHERE decision LIKE 'published%')
     FROM attempts WHERE device_id IN (SELECT id FROM devices WHERE key_id LIKE 'bench:%') GROUP BY unit_id, time::date
     ON CONFLICT (unit_id, day, category) DO UPDATE SET attempts = unit_days.attempts + EXCLUDED.attempts`,
  );
  await db.query('ANALYZE');
}

async function median(run: () => Promise<unknown>, times = 5): Promise<number> {
  const ts: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

async function main() {
  const admin = await openDatabase({ url: base });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const db = await openDatabase({ url });
  const started = Date.now();
  try {
    await migrate(db);
    console.log(
      `collector bench: PostgreSQL schema ${schema}; HTTP ingest ${HTTP_DEVICES} devices × ${HTTP_ENTRIES} entries; fill to ${DEVICES} × ${ENTRIES}`,
    );
    const ingest = await httpIngest(db, 0, HTTP_DEVICES);
    const bare = await bareInsert(db, HTTP_DEVICES * HTTP_ENTRIES);
    const stored = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries')).rows[0]!.n;
    const t = Date.now();
    await fill(db);
    const fillSeconds = (Date.now() - t) / 1000;
    const rows = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries')).rows[0]!.n;
    // Ingest again, now into the filled fleet: indexes and totals as large as a city's.
    const late = await httpIngest(db, HTTP_DEVICES, LATE_DEVICES);
    const city: q.Scope = { unitId: null };
    const now = new Date('2026-05-01T00:00:00Z');
    const unit = (await db.query<{ id: number }>('SELECT id FROM units ORDER BY id LIMIT 1')).rows[0]!.id;
    const dormant = await median(() => q.accounts(db, city, 30, now));
    const dormantRows = (await q.accounts(db, city, 30, now)).length;
    const perUnit = await median(() => q.units(db, city, new Date('2026-01-01'), new Date('2026-04-30')));
    const unitDays = await median(() => q.days(db, city, unit, new Date('2026-01-01'), new Date('2026-04-30')));
    const overrides = await median(() => q.attempts(db, city, { unit, decision: 'published-with-reason', limit: 200 }));
    const mem = ingest.samples;
    const mid = mem.slice(Math.floor(mem.length / 2));

    const table = new Table(['measure', 'value', 'baseline (same run)', 'ratio']);
    table.row([
      'ingest over HTTP (signed, checked, totals)',
      `${Math.round(ingest.rate)} entries/s`,
      `${Math.round(bare)} rows/s bare bulk insert`,
      ratio(ingest.rate, bare),
    ]);
    table.row(['  entries stored / sent', `${stored} / ${HTTP_DEVICES * HTTP_ENTRIES}`, '', '']);
    table.row([
      'collector RSS while ingesting: first → last',
      `${(mem[0]! / 2 ** 20).toFixed(0)} → ${(mem.at(-1)! / 2 ** 20).toFixed(0)} MiB`,
      `max ${(Math.max(...mem) / 2 ** 20).toFixed(0)} MiB`,
      '',
    ]);
    table.row([
      '  RSS second half: min → max',
      `${(Math.min(...mid) / 2 ** 20).toFixed(0)} → ${(Math.max(...mid) / 2 ** 20).toFixed(0)} MiB`,
      `${mem.length} samples`,
      ratio(Math.max(...mid), Math.min(...mid)),
    ]);
    table.row(['rows in entries after fill', String(rows), `fill ${fillSeconds.toFixed(0)} s`, '']);
    table.row([
      `ingest over HTTP into the filled fleet (${LATE_DEVICES} devices)`,
      `${Math.round(late.rate)} entries/s`,
      `${Math.round(bare)} rows/s bare bulk insert`,
      ratio(late.rate, bare),
    ]);
    table.row([
      'dormant accounts (30 days), city-wide',
      `${dormant.toFixed(1)} ms`,
      `${dormantRows} accounts; budget 500 ms`,
      ratio(dormant, 500),
    ]);
    table.row(['per-unit totals, 4 months', `${perUnit.toFixed(1)} ms`, 'budget 500 ms', ratio(perUnit, 500)]);
    table.row(['one unit by day, 4 months', `${unitDays.toFixed(1)} ms`, 'budget 500 ms', ratio(unitDays, 500)]);
    table.row([
      'one unit’s latest 200 overrides',
      `${overrides.toFixed(1)} ms`,
      'budget 500 ms',
      ratio(overrides, 500),
    ]);
    console.log(`\n${table.render()}`);
    console.log(`run time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.close();
    const cleanup = await openDatabase({ url: base });
    await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
    await cleanup.close();
  }
}

await main();
