import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../audit/anchor';
import type { ChainAtAnchor } from '../../audit/anchor';
import { chainVerdict } from '../../audit/chain-verdict';
import type { LogRecord } from '../../audit/record';
import { ChainVerifier, type ChainReport } from '../../audit/verify';
import { sampleChain } from './fixtures';

async function verify(records: readonly LogRecord[]): Promise<ChainReport> {
  const v = new ChainVerifier();
  await v.push(records);
  return v.finish();
}

/** What a chain held in memory (records in seq order, nothing pruned) says at an anchor's seq. */
function chainAtInRecords(records: readonly LogRecord[], _retention: undefined, seq: number): ChainAtAnchor {
  const last = records.at(-1);
  const atSeq = records.find((r) => r.seq === seq);
  return {
    head: last && { seq: last.seq, hash: last.hash },
    atSeq: atSeq && { seq: atSeq.seq, hash: atSeq.hash },
    prunedThrough: 0,
    prunedAnchorHash: undefined,
  };
}

const at = (records: readonly LogRecord[]) => (seq: number) => chainAtInRecords(records, undefined, seq);
const anchor = (r: LogRecord, source: Anchor['source']): Anchor => ({ seq: r.seq, hash: r.hash, source });

describe('chainVerdict', () => {
  it('says 链完整 only when the chain verifies and every anchor still matches, naming the anchors', async () => {
    const records = await sampleChain(4);
    const head = records.at(-1)!;
    const verdict = chainVerdict(
      await verify(records),
      [],
      [anchor(head, 'memory'), anchor(head, 'storage'), anchor(records[2]!, 'collector')],
      at(records),
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.summary).toMatch(/^✓ 链完整：\d+ 条记录/);
    expect(verdict.summary).toContain('扩展存储中的链头');
    expect(verdict.summary).toContain('汇聚服务器确认的链头');
    expect(verdict.live).toEqual([]);
    // What an export states of the anchors (audit/export-meta.ts).
    expect(verdict.anchors.breaks).toBe(0);
    expect(verdict.anchors.agreed).toHaveLength(3);
    expect(verdict.anchors.heads).toEqual([
      { seq: head.seq, hash: head.hash, source: 'memory' },
      { seq: head.seq, hash: head.hash, source: 'storage' },
      { seq: records[2]!.seq, hash: records[2]!.hash, source: 'collector' },
    ]);
  });

  it('is not 链完整 when a perfectly linked chain was cut below an anchor', async () => {
    const records = await sampleChain(6);
    const cut = records.slice(0, 5);
    const verdict = chainVerdict(await verify(cut), [], [anchor(records.at(-1)!, 'storage')], at(cut));
    expect(verdict.ok).toBe(false);
    expect(verdict.summary).toMatch(/^✗ 链头不符：.*不符 1 处/);
    expect(verdict.live).toHaveLength(1);
    expect(verdict.live[0]!.kind).toBe('truncated');
    const storage = records.at(-1)!;
    // The anchor compared goes with it, so an export lets `log verify` check it too.
    expect(verdict.anchors).toEqual({
      agreed: [],
      breaks: 1,
      firstBreak: verdict.live[0]!.reason,
      heads: [{ seq: storage.seq, hash: storage.hash, source: 'storage' }],
    });
  });

  it('is not 链完整 when the chain was rewritten and rehashed from the start', async () => {
    const original = await sampleChain(3);
    const rewritten = await sampleChain(4); // same seqs, other hashes (other ids)
    const verdict = chainVerdict(await verify(rewritten), [], [anchor(original.at(-1)!, 'collector')], at(rewritten));
    expect(verdict.ok).toBe(false);
    expect(verdict.live[0]!.kind).toBe('rewritten');
  });

  it('keeps a recorded break in the verdict, and does not list it twice', async () => {
    const records = await sampleChain(6);
    const cut = records.slice(0, 5);
    const storage = anchor(records.at(-1)!, 'storage');
    const live = chainVerdict(await verify(cut), [], [storage], at(cut)).live[0]!;
    const recorded = [{ time: '2026-03-01T08:00:00.000Z', reason: live.reason }];
    const again = chainVerdict(await verify(cut), recorded, [storage], at(cut));
    expect(again.live).toEqual([]);
    expect(again.summary).toContain('不符 1 处');
    // After the background recorded it, its anchors follow the new chain: still not 链完整.
    const later = chainVerdict(await verify(cut), recorded, [anchor(cut.at(-1)!, 'storage')], at(cut));
    expect(later.ok).toBe(false);
  });

  it('puts a broken link first and adds the anchor breaks', async () => {
    const records = await sampleChain(4);
    const gap = [...records.slice(0, 2), ...records.slice(3)];
    const verdict = chainVerdict(await verify(gap), [{ time: 't', reason: 'x' }], [], at(gap));
    expect(verdict.ok).toBe(false);
    expect(verdict.summary).toMatch(/^✗ 断链：首个断点在序号 4——缺少序号 3 的记录.*另与日志之外保存的链头不符 1 处/);
  });
});
