import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordHash } from '../../audit/canonical';
import type { AttemptRecord, LogRecord, OmittedRun, RetentionRecord } from '../../audit/record';
import { ChainVerifier, type ChainExpectation } from '../../audit/verify';
import { attemptBody, buildChain, outcomeBody, sampleChain } from './fixtures';

async function verify(items: unknown[], expect?: ChainExpectation, chunk = 7) {
  const verifier = new ChainVerifier();
  for (let i = 0; i < items.length; i += chunk) await verifier.push(items.slice(i, i + chunk));
  return verifier.finish(expect);
}

const clone = <T>(x: T): T => structuredClone(x);

describe('ChainVerifier', () => {
  it('accepts an intact chain, in any chunking', async () => {
    const chain = await sampleChain(20);
    for (const chunk of [1, 3, 100]) {
      const report = await verify(chain, undefined, chunk);
      expect(report.ok).toBe(true);
      expect(report.records).toBe(30);
      expect(report.attempts).toBe(20);
      expect(report.head).toEqual({ seq: 30, hash: chain[29]!.hash });
    }
  });

  it('finds an edited record and names it', async () => {
    const chain = clone(await sampleChain(10));
    (chain[4] as AttemptRecord).text = '改过的正文';
    const report = await verify(chain);
    expect(report.ok).toBe(false);
    expect(report.broken[0]).toMatchObject({ kind: 'hash', seq: 5 });
    expect(report.brokenTotal).toBe(1);
  });

  it('finds an edit whose hash was recomputed: the next link breaks', async () => {
    const chain = clone(await sampleChain(10));
    const edited = chain[4] as AttemptRecord;
    edited.verdict = 'pass';
    edited.hash = await recordHash(edited);
    const report = await verify(chain);
    expect(report.broken[0]).toMatchObject({ kind: 'link', seq: 6 });
    expect(report.broken[0]!.reason).toContain('序号 5');
  });

  it('finds a deleted record', async () => {
    const chain = await sampleChain(10);
    const report = await verify([...chain.slice(0, 3), ...chain.slice(4)]);
    expect(report.broken[0]).toMatchObject({ kind: 'missing', seq: 5 });
    expect(report.broken[0]!.reason).toContain('缺少序号 4');
  });

  it('finds reordered records', async () => {
    const chain = await sampleChain(10);
    const swapped = [...chain];
    swapped.splice(5, 2, swapped[6]!, swapped[5]!);
    const report = await verify(swapped);
    expect(report.ok).toBe(false);
    expect(report.broken[0]!.seq).toBe(7);
    expect(report.broken.some((b) => b.kind === 'order' && b.seq === 6)).toBe(true);
  });

  it('finds a deleted beginning, and a first record whose prev is not genesis', async () => {
    const chain = await sampleChain(10);
    const report = await verify(chain.slice(3));
    expect(report.broken[0]).toMatchObject({ kind: 'start', seq: 4 });
    const forged = clone(chain);
    forged[0]!.prev = 'f'.repeat(64);
    forged[0]!.hash = await recordHash(forged[0]!);
    expect((await verify(forged)).broken[0]).toMatchObject({ kind: 'link', seq: 1 });
  });

  it('finds truncation against an export header, and accepts the whole file', async () => {
    const chain = await sampleChain(10);
    const head = { seq: 15, hash: chain[14]!.hash };
    expect((await verify(chain, { head, attempts: 10 })).ok).toBe(true);
    const cut = await verify(chain.slice(0, 12), { head, attempts: 10 });
    expect(cut.broken[0]).toMatchObject({ kind: 'end', seq: 12 });
    expect(cut.broken[0]!.reason).toContain('截断');
    const fewer = await verify(chain, { head, attempts: 11 });
    expect(fewer.broken[0]!.reason).toContain('条数');
  });

  it('accepts a pruned beginning vouched for by a retention record', async () => {
    const chain = await sampleChain(6); // 9 records
    const marker: Omit<RetentionRecord, 'v' | 'seq' | 'prev' | 'hash'> = {
      type: 'retention',
      time: '2026-06-01T00:00:00.000Z',
      days: 30,
      before: '2026-05-01T00:00:00.000Z',
      prunedThrough: 4,
      anchor: chain[3]!.hash,
      pruned: { records: 4, attempts: 3 },
      accounts: [],
    };
    const [m] = await buildChain([marker], { seq: 9, hash: chain[8]!.hash });
    expect((await verify([...chain.slice(4), m])).ok).toBe(true);
    // The same marker cannot cover a deeper cut.
    const deeper = await verify([...chain.slice(5), m]);
    expect(deeper.broken[0]).toMatchObject({ kind: 'start', seq: 6 });
  });

  it('follows an export across omitted runs', async () => {
    const chain = await sampleChain(6);
    const run: OmittedRun = { type: 'omitted', from: 2, to: 5, prev: chain[1]!.prev, hash: chain[4]!.hash };
    const report = await verify([chain[0], run, ...chain.slice(5)]);
    expect(report.ok).toBe(true);
    expect(report.omitted).toBe(4);
    const wrong: OmittedRun = { ...run, hash: chain[3]!.hash };
    expect((await verify([chain[0], wrong, ...chain.slice(5)])).broken[0]).toMatchObject({ kind: 'link', seq: 6 });
  });

  it('flags a second outcome and an outcome without its attempt', async () => {
    const a = attemptBody();
    const twice = await buildChain([a, outcomeBody(a.attempt, 'blocked'), outcomeBody(a.attempt, 'published')]);
    expect((await verify(twice)).broken[0]).toMatchObject({ kind: 'content', seq: 3 });
    const orphan = await buildChain([outcomeBody('00000000-0000-4000-8000-ffffffffffff', 'published')]);
    expect((await verify(orphan)).broken[0]).toMatchObject({ kind: 'content', seq: 1 });
  });

  it('gives the same verdict with any SHA-256 implementation', async () => {
    const chain = clone(await sampleChain(8));
    (chain[6] as AttemptRecord).url = 'https://weibo.com/forged';
    const nodeSha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
    const viaNode = new ChainVerifier({ sha256: nodeSha });
    await viaNode.push(chain);
    expect(viaNode.finish()).toEqual(await verify(chain));
    expect(viaNode.finish().broken[0]).toMatchObject({ kind: 'hash', seq: 7 });
  });

  it('reports malformed items with their line', async () => {
    const chain: unknown[] = [...(await sampleChain(2))];
    chain.splice(1, 0, { type: 'attempt', seq: 'x' });
    const verifier = new ChainVerifier();
    await verifier.push(chain, 2);
    const report = verifier.finish();
    expect(report.broken[0]).toMatchObject({ kind: 'format', line: 3 });
  });

  it('keeps counting after the first break and reports breaks in chain order', async () => {
    const chain = clone<LogRecord[]>(await sampleChain(10));
    (chain[2] as AttemptRecord).title = '一';
    (chain[9] as AttemptRecord).title = '二';
    const report = await verify(chain);
    expect(report.brokenTotal).toBe(2);
    expect(report.broken.map((b) => b.seq)).toEqual([3, 10]);
  });
});
