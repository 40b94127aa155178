/**
 * The log's head kept outside the log: whoever can rewrite the records can rewrite the head the
 * database keeps beside them, so each of these tamperings verifies as intact from the database
 * alone. The copies in storage.local, in the background's memory and from the collector catch
 * them — on start and before the next append — and the break stays recorded for good.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkRecord, type Head } from '../../audit/chain';
import type { LogRecord } from '../../audit/record';
import type { LogDb } from '../../audit/db';
import { compareToAnchor } from '../../audit/anchor';
import { createAuditLog, type AuditLog } from '../../entrypoints/background/audit-log';
import { memoryAnchorStore, type AnchorStore } from '../../entrypoints/background/log-anchor';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { allRecords, memoryDb, verifyDb } from './db';
import { attemptStart } from './fixtures';

const weibo = { url: 'https://weibo.com/u/2803301701' };
let db: LogDb;
let store: AnchorStore;

function background(anchors: AnchorStore = store): AuditLog {
  return createAuditLog({
    db,
    anchors,
    settings: async () => ({ ...DEFAULT_SETTINGS, editorName: '李编辑', editorUnit: '保定市政府办公室' }),
    extensionVersion: '0.1.0',
    now: () => new Date('2026-03-01T08:00:00Z'),
  });
}

async function publish(log: AuditLog, n: number) {
  for (let i = 0; i < n; i++) {
    const { id } = await log.logAttempt(attemptStart({ text: `第 ${i + 1} 条通知` }), weibo);
    await log.completeAttempt({ id, decision: 'published' }, weibo);
  }
}

/** What a tamperer with database access does: relinks the given bodies and rewrites the DB's own head. */
async function rewriteChain(bodies: LogRecord[]) {
  let head: Head | undefined;
  const records: LogRecord[] = [];
  for (const r of bodies) {
    const { v: _v, seq: _s, prev: _p, hash: _h, ...body } = r;
    const linked: LogRecord = await linkRecord(body, head);
    records.push(linked);
    head = { seq: linked.seq, hash: linked.hash };
  }
  await db.transaction('rw', db.records, db.state, async () => {
    await db.records.clear();
    await db.records.bulkAdd(records);
    if (head) await db.state.put({ key: 'head', ...head });
    else await db.state.clear();
  });
}

const integrity = async () => (await allRecords(db)).filter((r) => r.type === 'integrity');

beforeEach(() => {
  db = memoryDb();
  store = memoryAnchorStore();
});
afterEach(() => db.close());

describe('tampering that the database alone cannot see', () => {
  it('an edited record with the rest rehashed verifies as intact, but not against the anchor', async () => {
    await publish(background(), 3);
    const records = await allRecords(db);
    const edited = records.map((r) => (r.seq === 3 && r.type === 'attempt' ? { ...r, text: '被改过的内容' } : r));
    await rewriteChain(edited);
    expect((await verifyDb(db)).ok).toBe(true); // the database's own checks are satisfied

    const restarted = background();
    await restarted.head();
    const [broken] = await integrity();
    expect(broken).toMatchObject({ type: 'integrity', seq: 7, brokenSeq: 6 });
    expect(broken?.type === 'integrity' && broken.reason).toContain('日志被改写');
    const { breaks } = await restarted.anchors();
    expect(breaks.map((b) => [b.kind, b.source])).toEqual([['rewritten', 'storage']]);
  });

  it('deleted records with the rest renumbered are a rewrite', async () => {
    await publish(background(), 3);
    const records = (await allRecords(db)).filter((r) => r.seq !== 3 && r.seq !== 4);
    await rewriteChain(records);
    expect((await verifyDb(db)).ok).toBe(true);
    const restarted = background();
    await restarted.logAttempt(attemptStart(), weibo);
    const [broken] = await integrity();
    expect(broken?.type === 'integrity' && broken.reason).toContain('日志被截断');
    expect((await restarted.anchors()).breaks[0]?.kind).toBe('truncated');
  });

  it('a truncated log with its recorded head rewritten is found on start', async () => {
    await publish(background(), 3);
    await rewriteChain((await allRecords(db)).slice(0, 4));
    expect((await verifyDb(db)).ok).toBe(true);
    const restarted = background();
    await restarted.head();
    const { breaks } = await restarted.anchors();
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ kind: 'truncated', anchor: { seq: 6 }, found: { seq: 4 } });
  });

  it('a deleted database is found on start, and the new chain begins with the break', async () => {
    await publish(background(), 2);
    db.close();
    await db.delete();
    db = memoryDb();
    const restarted = background();
    await restarted.logAttempt(attemptStart(), weibo);
    const records = await allRecords(db);
    expect(records[0]).toMatchObject({ type: 'integrity', seq: 1, brokenSeq: 1 });
    expect(records[0]?.type === 'integrity' && records[0].reason).toContain('日志被清空');
    expect(records[1]).toMatchObject({ type: 'attempt', seq: 2 });
    expect((await restarted.anchors()).breaks[0]?.kind).toBe('emptied');
  });

  it('the running background notices a truncation before its next append, from memory alone', async () => {
    const amnesiac: AnchorStore = { read: async () => undefined, write: async () => undefined };
    const log = background(amnesiac);
    await publish(log, 3);
    await rewriteChain((await allRecords(db)).slice(0, 2));
    await log.logAttempt(attemptStart({ text: '截断之后的一条' }), weibo);
    const records = await allRecords(db);
    expect(records.map((r) => r.type)).toEqual(['attempt', 'outcome', 'integrity', 'attempt']);
    expect(records[2]?.type === 'integrity' && records[2].reason).toContain('后台内存中的链头');
  });

  it('the collector’s acknowledged head catches a rewrite that also rewrote storage.local', async () => {
    const log = background();
    await publish(log, 3);
    expect(await log.acknowledge({ seq: 4, hash: (await allRecords(db))[3]!.hash })).toBe(true);
    const state = await store.read();
    await rewriteChain((await allRecords(db)).slice(0, 2));
    const last = (await allRecords(db))[1]!;
    await store.write({ ...state!, head: { seq: last.seq, hash: last.hash } }); // storage rewritten too
    const restarted = background();
    await restarted.head();
    const { breaks } = await restarted.anchors();
    expect(breaks.map((b) => [b.kind, b.source])).toEqual([['truncated', 'collector']]);
  });
});

describe('a break is an event that cannot be cleared', () => {
  it('is recorded once, survives later appends and restarts, and is never removed', async () => {
    await publish(background(), 2);
    await rewriteChain((await allRecords(db)).slice(0, 1));
    const first = background();
    await first.logAttempt(attemptStart(), weibo);
    const again = background();
    await publish(again, 1);
    expect(await integrity()).toHaveLength(1);
    expect((await again.anchors()).breaks).toHaveLength(1);
    expect((await verifyDb(db)).ok).toBe(true);
  });

  it('an untouched log restarts without a break, and an acknowledgement from another chain is ignored', async () => {
    await publish(background(), 2);
    const restarted = background();
    await publish(restarted, 1);
    expect(await integrity()).toHaveLength(0);
    expect(await restarted.acknowledge({ seq: 2, hash: 'f'.repeat(64) })).toBe(false);
    expect((await restarted.anchors()).breaks).toEqual([]);
  });
});

describe('compareToAnchor', () => {
  const anchor = { seq: 5, hash: 'a'.repeat(64), source: 'export' as const };
  it('accepts the same record, and a record pruned by retention', () => {
    expect(compareToAnchor(anchor, { head: { seq: 9, hash: 'c'.repeat(64) }, atSeq: anchor })).toBeUndefined();
    expect(
      compareToAnchor(anchor, { head: { seq: 9, hash: 'c'.repeat(64) }, atSeq: undefined, prunedThrough: 7 }),
    ).toBeUndefined();
  });
  it('names each kind of break', () => {
    expect(compareToAnchor(anchor, { head: undefined, atSeq: undefined })?.kind).toBe('emptied');
    expect(compareToAnchor(anchor, { head: { seq: 3, hash: 'b'.repeat(64) }, atSeq: undefined })?.kind).toBe(
      'truncated',
    );
    expect(
      compareToAnchor(anchor, { head: { seq: 9, hash: 'c'.repeat(64) }, atSeq: { seq: 5, hash: 'd'.repeat(64) } })
        ?.kind,
    ).toBe('rewritten');
    expect(
      compareToAnchor(anchor, {
        head: { seq: 9, hash: 'c'.repeat(64) },
        atSeq: undefined,
        prunedThrough: 5,
        prunedAnchorHash: 'e'.repeat(64),
      })?.kind,
    ).toBe('rewritten');
  });
});
