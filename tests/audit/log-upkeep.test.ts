import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../entrypoints/background/audit-log';
import type { AttemptRecord, RetentionRecord, StorageLevel } from '../../audit/record';
import { storageLevel } from '../../audit/storage-level';
import { recordedHead, type LogDb } from '../../audit/db';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { allRecords, memoryDb, verifyDb } from './db';
import { attemptStart } from './fixtures';

const weibo = { url: 'https://weibo.com/u/2803301701' };
const DAY = 86_400_000;
const MB = 2 ** 20;

let db: LogDb;
let clock: number;
let estimate: { usage: number; quota: number };
let shown: StorageLevel[];
let log: AuditLog;

beforeEach(() => {
  db = memoryDb();
  clock = Date.parse('2026-01-01T08:00:00Z');
  estimate = { usage: 10 * MB, quota: 10_000 * MB };
  shown = [];
  log = createAuditLog({
    db,
    settings: async () => DEFAULT_SETTINGS,
    extensionVersion: '0.1.0',
    now: () => new Date(clock),
    estimate: async () => estimate,
    onStorageLevel: (level) => shown.push(level),
  });
});
afterEach(() => db.close());

/** One attempt per day for `days` days, from account `name`, published or blocked. */
async function history(days: number, name = '保定发布', decision: 'published' | 'blocked' = 'published') {
  for (let d = 0; d < days; d++) {
    const { id } = await log.logAttempt(attemptStart({ account: { name }, text: `第${d}天` }), weibo);
    await log.completeAttempt({ id, decision }, weibo);
    clock += DAY;
  }
}

describe('retention', () => {
  it('prunes old records behind a retention record, and the chain still verifies', async () => {
    await history(10);
    const { pruned, report } = await log.maintain(3);
    expect(report.ok).toBe(true);
    const records = await allRecords(db);
    // Records older than 3 days before "now" (day 10) are gone: days 0–6, two records each.
    expect(pruned).toBe(14);
    expect(records[0]!.seq).toBe(15);
    const marker = records.at(-1) as RetentionRecord;
    expect(marker).toMatchObject({
      type: 'retention',
      days: 3,
      prunedThrough: 14,
      pruned: { records: 14, attempts: 7 },
    });
    expect(marker.accounts).toEqual([
      expect.objectContaining({
        platform: 'weibo',
        name: '保定发布',
        attempts: 7,
        published: 7,
        lastPublish: new Date(Date.parse('2026-01-07T08:00:00Z')).toISOString(),
      }),
    ]);
    expect(await verifyDb(db)).toMatchObject({ ok: true, first: 15 });
  });

  it('prunes again later, carrying the accounts summary over', async () => {
    await history(4, '保定发布');
    await history(4, '保定交警', 'blocked');
    await log.maintain(5); // prunes the first 3 days
    await log.maintain(1); // prunes all but the last day, including the first retention record
    const records = await allRecords(db);
    const marker = records.at(-1) as RetentionRecord;
    expect(marker.accounts.map((a) => [a.name, a.attempts, a.published])).toEqual([
      ['保定交警', 3, 0],
      ['保定发布', 4, 4],
    ]);
    expect((await verifyDb(db)).ok).toBe(true);
    // The remaining records start right after the newest retention record's cut.
    expect(records[0]!.seq).toBe(marker.prunedThrough + 1);
  });

  it('never separates an attempt from an outcome that came after the cut-off', async () => {
    const { id } = await log.logAttempt(attemptStart(), weibo);
    clock += 10 * DAY;
    await log.completeAttempt({ id, decision: 'published' }, weibo);
    const { pruned } = await log.maintain(5);
    expect(pruned).toBe(0);
    expect((await allRecords(db)).filter((r) => r.type === 'attempt')).toHaveLength(1);
  });

  it('does nothing without a retention policy', async () => {
    await history(3);
    expect((await log.maintain(undefined)).pruned).toBe(0);
    expect(await allRecords(db)).toHaveLength(6);
  });

  it('refuses to prune a broken chain, and records the break once', async () => {
    await history(6);
    const edited = (await db.records.get(2)) as AttemptRecord;
    await db.records.put({ ...edited, account: { name: '别的账号' } } as AttemptRecord);
    const first = await log.maintain(2);
    expect(first.report.ok).toBe(false);
    expect(first.pruned).toBe(0);
    await log.maintain(2);
    const integrity = (await allRecords(db)).filter((r) => r.type === 'integrity');
    expect(integrity).toHaveLength(1);
    expect(integrity[0]).toMatchObject({ brokenSeq: 2 });
    expect(await db.records.get(1)).toBeDefined();
  });

  it('notices a cut-off tail: readers see the break, the writer records it before carrying on', async () => {
    await history(3);
    await db.records.bulkDelete([5, 6]);
    const seen = await verifyDb(db);
    expect(seen.ok).toBe(false);
    expect(seen.broken[0]).toMatchObject({ kind: 'end', seq: 4 });
    expect(seen.broken[0]!.reason).toContain('尾部被截断');

    await log.logAttempt(attemptStart(), weibo);
    const records = await allRecords(db);
    expect(records.map((r) => r.type)).toEqual(['attempt', 'outcome', 'attempt', 'outcome', 'integrity', 'attempt']);
    expect(records[4]).toMatchObject({ seq: 5, brokenSeq: 5 });
    expect((records[4] as { reason: string }).reason).toContain('序号 5–6 的记录缺失');
    expect(await recordedHead(db)).toMatchObject({ seq: 6 });
    expect((await verifyDb(db)).ok).toBe(true);
  });
});

describe('storage', () => {
  it('grades usage by share and by bytes left', () => {
    expect(storageLevel({ usage: 100 * MB, quota: 10_000 * MB })).toBe('ok');
    expect(storageLevel({ usage: 8_100 * MB, quota: 10_000 * MB })).toBe('warning');
    expect(storageLevel({ usage: 9_600 * MB, quota: 10_000 * MB })).toBe('critical');
    expect(storageLevel({ usage: 100 * MB, quota: 250 * MB })).toBe('warning');
    expect(storageLevel({ usage: 10 * MB, quota: 40 * MB })).toBe('critical');
    expect(storageLevel({ usage: 0, quota: 0 })).toBe('ok');
  });

  it('warns the editor with the next attempt, and records each change of level once', async () => {
    expect((await log.logAttempt(attemptStart(), weibo)).storageWarning).toBeUndefined();
    estimate = { usage: 8_500 * MB, quota: 10_000 * MB };
    clock += 61_000;
    await log.logAttempt(attemptStart(), weibo); // triggers a re-estimate after answering
    await log.checkStorage();
    const warned = await log.logAttempt(attemptStart(), weibo);
    expect(warned.storageWarning).toContain('已用 85%');
    await log.checkStorage();
    estimate = { usage: 100 * MB, quota: 10_000 * MB };
    await log.checkStorage();
    const levels = (await allRecords(db))
      .filter((r) => r.type === 'storage')
      .map((r) => (r as { level: string }).level);
    expect(levels).toEqual(['warning', 'ok']);
    expect(shown).toContain('warning');
    expect(shown.at(-1)).toBe('ok');
    expect((await log.status()).storage.level).toBe('ok');
    expect((await verifyDb(db)).ok).toBe(true);
  });
});
