/**
 * The extension's uploads against the real collector app (embedded PostgreSQL), through a fetch
 * that can fail: entries reach the collector once whatever goes wrong on the way, and the
 * collector's acknowledged head comes back to the log as an anchor.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openLogDb, recordsAfter, type LogDb } from '../../audit/db';
import type { Database } from '../../collector/db/database';
import { createCode } from '../../collector/enrollment';
import { createApp } from '../../collector/server';
import { createAuditLog, type AuditLog } from '../../entrypoints/background/audit-log';
import { memoryAnchorStore, type AnchorStore } from '../../entrypoints/background/log-anchor';
import { openOutboxDb, type OutboxDb } from '../../entrypoints/background/outbox';
import { createUploader, type Uploader, type UploaderDeps } from '../../entrypoints/background/uploader';
import { dataCollectionNeeded } from '../../utils/data-collection';
import { DEFAULT_SETTINGS, type ManagedPolicy } from '../../utils/settings';
import type { LogRecord } from '../../audit/record';
import { attemptStart } from '../audit/fixtures';
import { testDatabase } from '../collector/fleet';

const weibo = { url: 'https://weibo.com/u/2803301701' };
const URL_ = 'http://127.0.0.1:8787';
let collector: Database;
let app: ReturnType<typeof createApp>;
let factory: IDBFactory;
let logDb: LogDb;
let outbox: OutboxDb;
let anchors: AnchorStore;
let policy: ManagedPolicy;
/** The browser has not handed the policy over yet, and it was never read. */
let unreadable: boolean;
let clock: number;
let network: 'up' | 'down' | 'lose-answers';
let log: AuditLog;
let uploader: Uploader;

const collectorFetch: typeof fetch = async (input, init) => {
  if (network === 'down') throw new TypeError('Failed to fetch');
  const url = new URL(input instanceof Request ? input.url : input);
  const res = await app.request(url.pathname, init);
  // The collector stored the batch, then died before its answer reached the browser.
  if (network === 'lose-answers') throw new TypeError('network error');
  return res;
};

function start(consent?: UploaderDeps['consent']) {
  uploader = createUploader({
    db: outbox,
    policy: async () => ({ policy, unreadable }),
    log: { recordsAfter: (s, n) => recordsAfter(logDb, s, n), recordAt: (s) => logDb.records.get(s) },
    acknowledge: (ack) => log.acknowledge(ack),
    extensionVersion: '0.1.0',
    fetch: collectorFetch,
    now: () => clock,
    random: () => 0.5,
    later: () => undefined,
    consent,
  });
  log = createAuditLog({
    db: logDb,
    anchors,
    settings: async () => ({ ...DEFAULT_SETTINGS, logText: 'full' }),
    extensionVersion: '0.1.0',
    onCommit: (r) => void uploader.enqueue(r),
  });
}

async function stored(): Promise<{ seq: number; text: string | null }[]> {
  const { rows } = await collector.query<{ seq: number; text: string | null }>(
    `SELECT e.seq, e.record->>'text' AS text FROM entries e ORDER BY e.device_id, e.epoch, e.seq`,
  );
  return rows.map((r) => ({ seq: Number(r.seq), text: r.text }));
}

beforeAll(async () => {
  collector = await testDatabase();
  app = createApp(collector);
}, 120_000);
afterAll(() => collector?.close());

beforeEach(async () => {
  await collector.query('TRUNCATE entries, attempts, accounts, unit_days, events, devices, enrollment_codes CASCADE');
  factory = new IDBFactory();
  logDb = openLogDb({ indexedDB: factory, IDBKeyRange });
  outbox = openOutboxDb({ indexedDB: factory, IDBKeyRange });
  anchors = memoryAnchorStore();
  policy = {
    collectorUrl: URL_,
    collectorEnrollmentCode: (await createCode(collector, '保定市政府办公室')).code,
  };
  unreadable = false;
  clock = Date.parse('2026-03-01T08:00:00Z');
  network = 'up';
  start();
});

async function publish(n: number) {
  for (let i = 0; i < n; i++) {
    const { id } = await log.logAttempt(attemptStart({ text: `第 ${i + 1} 条` }), weibo);
    await log.completeAttempt({ id, decision: 'published' }, weibo);
  }
}

describe('uploads', () => {
  it('enrolls, sends every committed entry without text by default, and keeps the acknowledged head', async () => {
    await publish(2);
    const status = await uploader.flush();
    expect(status).toMatchObject({ state: 'idle', pending: 0, unit: '保定市政府办公室' });
    expect(await stored()).toEqual([1, 2, 3, 4].map((seq) => ({ seq, text: null })));
    const device = await outbox.device.get(URL_);
    expect(device?.keys.privateKey.extractable).toBe(false);
    expect((await log.anchors()).collector).toMatchObject({ seq: 4 });
  });

  it('sends text only when the policy says so', async () => {
    policy = { ...policy, collectorText: 'full' };
    await publish(1);
    await uploader.flush();
    expect((await stored())[0]).toEqual({ seq: 1, text: '第 1 条' });
  });

  it('keeps entries through an outage, backs off, and sends them later', async () => {
    network = 'down';
    await publish(2);
    const failed = await uploader.flush();
    expect(failed).toMatchObject({ state: 'retrying', pending: 4 });
    expect(failed.lastError).toBe('无法连接汇聚服务器，网络或服务器不可用（Failed to fetch）');
    expect(Date.parse(failed.nextAttempt!) - clock).toBe(15_000);
    network = 'up';
    expect((await uploader.flush()).pending).toBe(4); // not before the backoff ends
    clock += 16_000;
    expect(await uploader.flush()).toMatchObject({ state: 'idle', pending: 0 });
    expect(await stored()).toHaveLength(4);
  });

  it('sets apart the one entry the collector refuses for its content and sends the rest', async () => {
    policy = { ...policy, collectorText: 'full' };
    await uploader.flush(); // enrolled, nothing waiting
    network = 'down';
    await publish(4);
    await uploader.flush(); // into the outbox; the send fails
    // Changed after it was hashed: the collector will refuse any batch holding it (422).
    const bad = (await outbox.outbox.toArray()).find((r) => r.entry.seq === 5)!;
    await outbox.outbox.update(bad.id, { 'entry.text': '改过的第 3 条' });
    network = 'up';
    clock += 60_000;
    const status = await uploader.flush();
    expect(status).toMatchObject({ state: 'idle', pending: 0, refused: 1 });
    expect(status.lastRefused).toMatch(/^序号 5：序号 5 的内容与它的哈希不符/);
    expect((await stored()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 6, 7, 8]);
    const refused = await outbox.refused.toArray();
    expect(refused.map((r) => [r.entry.seq, (r.entry as { text?: string }).text])).toEqual([[5, '改过的第 3 条']]);
    // The collector knows a record is missing there.
    const { rows } = await collector.query<{ kind: string; from_seq: number; to_seq: number }>(
      'SELECT kind, from_seq, to_seq FROM events',
    );
    expect(rows.map((r) => [r.kind, Number(r.from_seq), Number(r.to_seq)])).toEqual([['gap', 5, 5]]);
    // Later entries are not held back by it.
    await publish(1);
    expect(await uploader.flush()).toMatchObject({ pending: 0, refused: 1 });
    expect(await stored()).toHaveLength(9);
  });

  it('stores nothing twice when the collector’s answer is lost after it stored the batch', async () => {
    await publish(2);
    network = 'lose-answers';
    expect((await uploader.flush()).pending).toBe(4);
    network = 'up';
    clock += 60_000;
    expect((await uploader.flush()).pending).toBe(0);
    expect(await stored()).toHaveLength(4);
  });

  it('after a restart, sends what the log committed but the outbox never got', async () => {
    await publish(1);
    await uploader.flush();
    // Two more records committed while the outbox write was lost (the worker stopped in between).
    const lost = createAuditLog({
      db: logDb,
      anchors,
      settings: async () => DEFAULT_SETTINGS,
      extensionVersion: '0.1.0',
    });
    const { id } = await lost.logAttempt(attemptStart({ text: '漏掉的一条' }), weibo);
    await lost.completeAttempt({ id, decision: 'blocked' }, weibo);
    start();
    expect((await uploader.flush()).pending).toBe(0);
    expect((await stored()).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it('puts a record in the outbox once when the catch-up read it before its own enqueue ran', async () => {
    // A flush (alarm, worker start) reads the log while the just-committed records' enqueues
    // still wait their turn: each record must leave once, or the batch is refused for good.
    const committed: LogRecord[] = [];
    log = createAuditLog({
      db: logDb,
      anchors,
      settings: async () => DEFAULT_SETTINGS,
      extensionVersion: '0.1.0',
      onCommit: (r) => void committed.push(r),
    });
    await publish(2);
    network = 'down';
    expect((await uploader.flush()).pending).toBe(4);
    for (const r of committed) await uploader.enqueue(r);
    expect(await outbox.outbox.count()).toBe(4);
    network = 'up';
    clock += 60_000;
    expect(await uploader.flush()).toMatchObject({ state: 'idle', pending: 0 });
    expect((await stored()).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it('sends a log that started again in its own batch, after what the old chain left', async () => {
    network = 'down';
    await publish(1);
    await uploader.flush();
    // The local log is wiped while two old entries wait; the new chain starts at 1 again.
    await logDb.delete();
    logDb = openLogDb({ indexedDB: factory, IDBKeyRange });
    start();
    await publish(1);
    network = 'up';
    clock += 60_000;
    await uploader.flush();
    await uploader.flush();
    const status = await uploader.flush();
    expect(status).toMatchObject({ state: 'idle', pending: 0 });
    const { rows } = await collector.query<{ kind: string }>('SELECT kind FROM events');
    expect(rows.map((r) => r.kind)).toContain('restarted');
  });

  it('sends nothing while the browser withholds consent, and everything once it is given', async () => {
    let asked: string[] = [];
    let given = false;
    start(async (text) => {
      asked = dataCollectionNeeded(text);
      return given;
    });
    policy = { ...policy, collectorText: 'full' };
    await publish(1);
    expect(await uploader.flush()).toMatchObject({ state: 'needs-consent' });
    expect(asked).toContain('websiteContent');
    expect(await stored()).toEqual([]);
    given = true;
    expect(await uploader.flush()).toMatchObject({ state: 'idle', pending: 0 });
    expect(await stored()).toHaveLength(2);
  });

  it('tries again at once when the policy changes, not at the end of its backoff', async () => {
    policy = { ...policy, collectorUrl: 'http://127.0.0.1:9' };
    network = 'down';
    await publish(1);
    expect(await uploader.flush()).toMatchObject({ state: 'retrying', pending: 2 });
    network = 'up';
    policy = { ...policy, collectorUrl: URL_ }; // the admin corrects the address
    expect((await uploader.flush()).pending).toBe(2); // a plain flush waits out the backoff
    expect(await uploader.policyChanged()).toMatchObject({ state: 'idle', pending: 0, url: URL_ });
    expect(await stored()).toHaveLength(2);
  });

  it('says the policy could not be read, keeps the entries, and sends them once it is read', async () => {
    unreadable = true;
    await publish(1);
    expect(await uploader.flush()).toMatchObject({ state: 'policy-unreadable' });
    expect(await uploader.status()).toMatchObject({ state: 'policy-unreadable' });
    expect(await stored()).toEqual([]);
    unreadable = false; // the browser announces the policy
    expect(await uploader.policyChanged()).toMatchObject({ state: 'idle', pending: 0, url: URL_ });
    expect(await stored()).toHaveLength(2);
  });

  it('does nothing without a collector in the policy', async () => {
    policy = {};
    await publish(1);
    expect(await uploader.flush()).toMatchObject({ state: 'off', pending: 0 });
    expect(await stored()).toEqual([]);
  });
});
