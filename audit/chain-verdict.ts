/**
 * What the dashboard says about the log's integrity. The chain's own check (verify.ts) proves that
 * the records link to each other; only the anchors (anchor.ts), copies of the head kept outside
 * the log, show that a chain which links perfectly was not emptied, cut off, or rewritten and
 * rehashed. So "链完整" is said only when both agree: the chain verifies, no anchor break was ever
 * recorded, and the anchors known now still match the chain as read.
 */
import {
  ANCHOR_SOURCE_LABEL,
  compareToAnchor,
  type Anchor,
  type AnchorBreak,
  type AnchorCheck,
  type ChainAtAnchor,
} from './anchor';
import { localDateTime } from './export-csv';
import type { ChainReport } from './verify';

/** A break the background found and recorded earlier (never cleared: LogStatus.anchorBreaks). */
export interface RecordedAnchorBreak {
  time: string;
  reason: string;
}

export interface ChainVerdict {
  ok: boolean;
  /** One line for the status bar, ✓ or ✗ first. */
  summary: string;
  /** Breaks found now, comparing the anchors with the chain as read, that were not recorded yet. */
  live: AnchorBreak[];
  /** The anchors' side alone, for what an export states (audit/export-meta.ts). */
  anchors: AnchorCheck;
}

/** Records in the chain: those verified now, and those of the checkpoint it resumed after. */
export function chainRecords(report: ChainReport): number {
  return (report.resumedFrom?.records ?? 0) + report.records;
}

/**
 * The verdict on a verified chain, its recorded anchor breaks, and the anchors known now. The
 * anchors must have been read BEFORE the records were (the background writes an anchor only after
 * its record is committed), or a record appended in between would look like a cut-off tail.
 */
export function chainVerdict(
  report: ChainReport,
  recorded: readonly RecordedAnchorBreak[],
  anchors: readonly Anchor[],
  chainAt: (seq: number) => ChainAtAnchor,
): ChainVerdict {
  const live: AnchorBreak[] = [];
  for (const anchor of anchors) {
    const found = compareToAnchor(anchor, chainAt(anchor.seq));
    if (!found) continue;
    // One break per place (the memory and storage copies usually agree), none already recorded.
    const known =
      recorded.some((r) => r.reason === found.reason) ||
      live.some((b) => b.anchor.seq === found.anchor.seq && b.anchor.hash === found.anchor.hash);
    if (!known) live.push(found);
  }
  const anchorBreaks = recorded.length + live.length;
  const held = anchors.filter((a) => a.seq > 0);
  const sources = [...new Set(held.map((a) => ANCHOR_SOURCE_LABEL[a.source]))];
  // The copies compared, one per source and place, for an export to carry (log verify checks them).
  const heads = held
    .filter((a, i) => held.findIndex((b) => b.source === a.source && b.seq === a.seq && b.hash === a.hash) === i)
    .map(({ seq, hash, source }) => ({ seq, hash, source }));
  const firstBreak = recorded[0]?.reason ?? live[0]?.reason;
  const checked: AnchorCheck = anchorBreaks
    ? { agreed: [], breaks: anchorBreaks, ...(firstBreak && { firstBreak }), heads }
    : { agreed: sources, breaks: 0, heads };
  const [first] = report.broken;
  if (!report.ok && first) {
    return {
      ok: false,
      live,
      anchors: checked,
      summary:
        `✗ 断链：首个断点在序号 ${first.seq}——${first.reason}` +
        (report.brokenTotal > 1 ? `（共 ${report.brokenTotal} 处）` : '') +
        (anchorBreaks ? `；另与日志之外保存的链头不符 ${anchorBreaks} 处（见下）` : ''),
    };
  }
  if (anchorBreaks) {
    return {
      ok: false,
      live,
      anchors: checked,
      summary: `✗ 链头不符：${chainRecords(report)} 条记录前后衔接，但与日志之外保存的链头不符 ${anchorBreaks} 处（见下）——日志曾被清空、截断，或被改写后重算哈希`,
    };
  }
  const prefix = report.resumedFrom;
  return {
    ok: true,
    live,
    anchors: checked,
    summary:
      `✓ 链完整：${chainRecords(report)} 条记录` +
      (prefix
        ? `，序号 ${prefix.seq} 及之前的已于 ${localDateTime(prefix.time)} 校验（检查点哈希未变；上次从头完整校验 ${localDateTime(prefix.fullTime)}）${
            report.records ? `，其后新增的 ${report.records} 条已逐条重新计算哈希并核对链接` : '，其后没有新增记录'
          }`
        : '已逐条重新计算哈希并核对链接') +
      (sources.length ? `，与${sources.join('、')}一致` : ''),
  };
}
