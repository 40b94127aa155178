/**
 * Verifying incrementally: the verifier resuming after a verified prefix, the database's
 * checkpoint re-checked before use, and the background moving it only where the chain agrees.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../entrypoints/background/audit-log';
import { chainVerdict } from '../../audit/chain-verdict';
import type { AttemptRecord, LogRecord } from '../../audit/record';
import { lastRecords, saveCheckpoint, verifiedCheckpoint, type LogDb } from '../../audit/db';
import { LogReader, resumePoint, withBreak } from '../../audit/read-log';
import { ChainVerifier, type VerifiedPrefix } from '../../audit/verify';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { allRecords, memoryDb } from './db';
import { attemptStart, sampleChain } from './fixtures';

const weibo = { url: 'https://weibo.com/u/2803301701' };
const clone = <T>(x: T): T => structuredClone(x);

function prefixAt(records: readonly LogRecord[], seq: number): VerifiedPrefix {
  const through = records.filter((r) => r.seq <= seq);
  return {
    seq,
    hash: through.at(-1)!.hash,
    records: through.length,
    attempts: through.filter((r) => r.type === 'attempt').length,
    time: '2026-03-01T08:00:00.000Z',
    fullTime: '2026-03-01T08:00:00.000Z',
  };
}

async function resume(records: readonly LogRecord[], after: VerifiedPrefix, reaches?: { seq: number; hash: string }) {
  const verifier = new ChainVerifier({ after, reaches });
  await verifier.push(records.filter((r) => r.seq > after.seq));
  return verifier.finish();
}

describe('ChainVerifier resuming after a verified prefix', () => {
  it('re-hashes only what follows, and reports the prefix it trusted', async () => {
    const chain = await sampleChain(20); // 30 records
    const report = await resume(chain, prefixAt(chain, 12), { seq: 30, hash: chain[29]!.hash });
    expect(report).toMatchObject({ ok: true, records: 18, head: { seq: 30, hash: chain[29]!.hash } });
    expect(report.resumedFrom?.seq).toBe(12);
    expect(
      chainVerdict(report, [], [], () => ({ head: undefined, atSeq: undefined, prunedThrough: 0 })).summary,
    ).toMatch(
      /^✓ 链完整：30 条记录，序号 12 及之前的已于 .* 校验（检查点哈希未变；上次从头完整校验 .*），其后新增的 18 条已逐条重新计算哈希并核对链接$/,
    );
    // Nothing added since the checkpoint: said so, not "0 条 re-hashed".
    const none = await resume(chain, prefixAt(chain, 30), { seq: 30, hash: chain[29]!.hash });
    expect(chainVerdict(none, [], [], () => ({ head: undefined, atSeq: undefined, prunedThrough: 0 })).summary).toMatch(
      /^✓ 链完整：30 条记录，序号 30 及之前的已于 .*），其后没有新增记录$/,
    );
  });

  it('finds an edit after the prefix, and a first record that does not link to it', async () => {
    const chain = clone(await sampleChain(20));
    (chain[20] as AttemptRecord).text = '改过的正文';
    expect((await resume(chain, prefixAt(chain, 12))).broken[0]).toMatchObject({ kind: 'hash', seq: 21 });
    const other = { ...prefixAt(chain, 12), hash: 'f'.repeat(64) };
    expect((await resume(await sampleChain(20), other)).broken[0]).toMatchObject({ kind: 'link', seq: 13 });
  });

  it('does not see an edit before the prefix: that is what a full verification is for', async () => {
    const chain = clone(await sampleChain(20));
    (chain[3] as AttemptRecord).text = '改过的正文';
    expect((await resume(chain, prefixAt(chain, 12))).ok).toBe(true);
    const full = new ChainVerifier();
    await full.push(chain);
    expect(full.finish().broken[0]).toMatchObject({ kind: 'hash', seq: 4 });
  });

  it('still finds a cut-off tail, and a recorded head the prefix contradicts', async () => {
    const chain = await sampleChain(20);
    const cut = await resume(chain.slice(0, 25), prefixAt(chain, 12), { seq: 30, hash: chain[29]!.hash });
    expect(cut.broken.at(-1)).toMatchObject({ kind: 'end', seq: 25 });
    const rewritten = await resume(chain.slice(0, 12), prefixAt(chain, 12), { seq: 12, hash: 'e'.repeat(64) });
    expect(rewritten.broken[0]).toMatchObject({ kind: 'link', seq: 12 });
  });
});

describe('the checkpoint in the database', () => {
  let db: LogDb;
  let chain: LogRecord[];
  beforeEach(async () => {
    db = memoryDb();
    chain = await sampleChain(20);
    await db.records.bulkAdd(chain);
    await db.state.put({ key: 'head', seq: 30, hash: chain[29]!.hash });
  });
  afterEach(() => db.close());

  it('is resumed from while the record at its seq keeps its hash', async () => {
    expect(await resumePoint(db)).toEqual({});
    await saveCheckpoint(db, prefixAt(chain, 12));
    const { after, mismatch } = await resumePoint(db);
    expect(mismatch).toBeUndefined();
    const reader = new LogReader(db, after);
    expect(await reader.read(undefined, { chunkSize: 5 })).toBe(18);
    expect(await reader.report()).toMatchObject({ ok: true, records: 18 });
  });

  it('names a rewrite before it (the record at its seq changed), and is not resumed from', async () => {
    await saveCheckpoint(db, prefixAt(chain, 12));
    await db.records.update(12, { hash: 'd'.repeat(64) });
    const { after, mismatch } = await resumePoint(db);
    expect(after).toBeUndefined();
    expect(mismatch).toMatchObject({ kind: 'link', seq: 12 });
    const reader = new LogReader(db);
    await reader.read();
    const report = withBreak(await reader.report(), mismatch);
    expect(report.ok).toBe(false);
    expect(report.broken[0]?.reason).toContain('序号 12 的哈希与');
  });

  it('is not resumed from when its record is gone', async () => {
    await saveCheckpoint(db, prefixAt(chain, 12));
    await db.records.delete(12);
    expect(await resumePoint(db)).toEqual({});
  });

  it('reads the newest page in chain order', async () => {
    expect((await lastRecords(db, 4)).map((r) => r.seq)).toEqual([27, 28, 29, 30]);
  });
});

describe('the background moving the checkpoint', () => {
  let db: LogDb;
  let log: AuditLog;
  let clock: number;
  beforeEach(() => {
    db = memoryDb();
    clock = Date.parse('2026-01-01T08:00:00Z');
    log = createAuditLog({
      db,
      settings: async () => DEFAULT_SETTINGS,
      extensionVersion: '0.1.0',
      now: () => new Date(clock),
    });
  });
  afterEach(() => db.close());

  async function publish(n: number) {
    for (let i = 0; i < n; i++) {
      const { id } = await log.logAttempt(attemptStart({ text: `第${i}条` }), weibo);
      await log.completeAttempt({ id, decision: 'published' }, weibo);
    }
  }

  it('sets it after the daily check, at the head that check verified', async () => {
    await publish(3);
    const { report } = await log.maintain(undefined);
    expect(await verifiedCheckpoint(db)).toMatchObject({
      ...report.head,
      records: 6,
      attempts: 3,
      time: '2026-01-01T08:00:00.000Z',
      fullTime: '2026-01-01T08:00:00.000Z',
    });
  });

  it('moves it forward on a page’s word only where the chain agrees, keeping the last full time', async () => {
    await publish(2);
    const records = await allRecords(db);
    const head = { seq: records.at(-1)!.seq, hash: records.at(-1)!.hash };
    const note = { ok: true, full: false, head, records: 4, attempts: 2 };
    // Resumed, but there is no checkpoint it could have resumed from.
    expect(await log.noteChainVerified(note)).toEqual({ saved: false });
    expect(await log.noteChainVerified({ ...note, full: true, head: { ...head, hash: 'a'.repeat(64) } })).toEqual({
      saved: false,
    });
    expect(await log.noteChainVerified({ ...note, full: true })).toEqual({ saved: true });
    clock += 60_000;
    await publish(1);
    const after = await allRecords(db);
    const next = { seq: after.at(-1)!.seq, hash: after.at(-1)!.hash };
    expect(await log.noteChainVerified({ ...note, head: next, records: 6, attempts: 3 })).toEqual({ saved: true });
    expect(await verifiedCheckpoint(db)).toMatchObject({
      ...next,
      time: '2026-01-01T08:01:00.000Z',
      fullTime: '2026-01-01T08:00:00.000Z',
    });
    // Never backwards.
    expect(await log.noteChainVerified({ ...note, full: true })).toEqual({ saved: false });
  });

  it('drops it when a full verification failed, and refuses malformed notes', async () => {
    await publish(1);
    await log.maintain(undefined);
    expect(await verifiedCheckpoint(db)).toBeDefined();
    await log.noteChainVerified({ ok: false, full: false, records: 0, attempts: 0 });
    expect(await verifiedCheckpoint(db)).toBeDefined();
    await log.noteChainVerified({ ok: false, full: true, records: 0, attempts: 0 });
    expect(await verifiedCheckpoint(db)).toBeUndefined();
    await expect(log.noteChainVerified({ ok: true, full: true, records: -1, attempts: 0 })).rejects.toThrow(
      /「noteChainVerified」参数无效：.*records/,
    );
  });
});
