/**
 * JSON Lines export with the chain, and its offline verification (`govpost-guard log verify`).
 *
 * Line 1 is the header: what the file holds and the chain's head at export time. Then, in chain
 * order, every record of the exported attempts (attempt and outcome), every retention record, and
 * the notices in range — each exactly as stored, hash included. Records the filter left out are
 * replaced, run by run, by one `{"type":"omitted","from","to","prev","hash"}` line: the `prev` of
 * the run's first record and the `hash` of its last, so the links can be followed to the head.
 * A filtered file thus proves its own records are unchanged and in place; only an unfiltered
 * export lets the verifier recompute every record.
 */
import * as v from 'valibot';
import { fieldsOf } from '../rules/engine/schema';
import { anchorsOf, compareToAnchor, type Anchor, type AnchorBreak, type ChainAtAnchor } from './anchor';
import type { Sha256 } from './canonical';
import type { ExportStatement } from './export-csv';
import type { LogFilter } from './filter';
import type { LogRecord, OmittedRun } from './record';
import { ChainVerifier, type ChainReport } from './verify';

export const EXPORT_FORMAT = 'govpost-guard-log';
export const EXPORT_VERSION = 1;

const badHead = '文件头的链头 head 格式不对';
/**
 * What verifying a file relies on in its header, checked in this order: that it is one, its
 * format's version, and what it says the chain holds (the attempts and the head). The rest of
 * the header states what the file holds, for its reader.
 */
export const ExportHeaderLinks = v.pipe(
  v.custom<object>((h) => typeof h === 'object' && h !== null, '第一行不是导出文件头（JSON 对象）'),
  fieldsOf(
    {
      format: v.literal(EXPORT_FORMAT, `第一行不是 GovPost Guard 的日志导出文件头（format 应为 ${EXPORT_FORMAT}）`),
      version: v.literal(
        EXPORT_VERSION,
        (issue) => `不支持的导出格式版本 ${JSON.stringify(issue.input)}（支持 ${EXPORT_VERSION}）`,
      ),
      count: v.number('文件头缺少条数 count'),
      head: v.nullable(fieldsOf({ seq: v.number(badHead), hash: v.string(badHead) }, badHead)),
    },
    badHead,
  ),
);

export interface ExportHeader extends ExportStatement, v.InferOutput<typeof ExportHeaderLinks> {
  extension: string;
  filter: LogFilter;
  /** Full record lines and records covered by omitted runs. */
  records: number;
  omitted: number;
}

/**
 * The record lines of an export in chunks of about `lines` lines (a chunk also ends after
 * `4 × lines` records scanned, so progress moves while long runs are being omitted). `keep` says
 * which records are exported; the rest become omitted runs. `onScanned` reports progress.
 */
export function* jsonlRecordChunks(
  records: readonly LogRecord[],
  keep: (r: LogRecord) => boolean,
  lines = 2_000,
  onScanned?: (scanned: number) => void,
): Generator<string> {
  let chunk = '';
  let n = 0;
  let scanned = 0;
  let run: OmittedRun | undefined;
  const emit = (line: string) => {
    chunk += `${line}\n`;
    n++;
  };
  for (const r of records) {
    if (keep(r)) {
      if (run) emit(JSON.stringify(run));
      run = undefined;
      emit(JSON.stringify(r));
    } else if (run) {
      run.to = r.seq;
      run.hash = r.hash;
    } else {
      run = { type: 'omitted', from: r.seq, to: r.seq, prev: r.prev, hash: r.hash };
    }
    scanned++;
    if (n >= lines || scanned % (lines * 4) === 0) {
      onScanned?.(scanned);
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (run) emit(JSON.stringify(run));
  onScanned?.(scanned);
  if (chunk) yield chunk;
}

/** Counts what `jsonlRecordChunks` will write, for the header (one cheap pass). */
export function countExport(
  records: readonly LogRecord[],
  keep: (r: LogRecord) => boolean,
): { records: number; omitted: number } {
  let kept = 0;
  for (const r of records) if (keep(r)) kept++;
  return { records: kept, omitted: records.length - kept };
}

export interface ExportVerification {
  header?: ExportHeader;
  report: ChainReport;
  /** Set when the file is not an export at all (no valid header). */
  notAnExport?: string;
  /** The anchors given (e.g. an earlier export's head) that this file's chain no longer holds. */
  anchorBreaks: AnchorBreak[];
  /** The anchors the header says the log was compared with when exported, each checked against the file. */
  headerAnchors: AnchorResult[];
}

/** An anchor checked against a file's chain. */
export interface AnchorResult {
  anchor: Anchor;
  /**
   * `matches`: the chain holds it; `broken`: it does not (`break` says how); `unchecked`: its
   * record is inside a run a filtered export left out, so this file cannot tell.
   */
  status: 'matches' | 'broken' | 'unchecked';
  break?: AnchorBreak;
}

/**
 * Watches the lines go by for what an anchor check needs: the hash at each anchor's seq (a full
 * record, or the last record of an omitted run), and how far retention pruned.
 */
class AnchorWatch {
  private readonly at = new Map<number, string>();
  private pruned = { through: 0, anchor: '' };
  constructor(private readonly anchors: readonly Anchor[]) {}

  see(item: unknown) {
    if (typeof item !== 'object' || item === null) return;
    const r = item as {
      type?: unknown;
      seq?: unknown;
      to?: unknown;
      hash?: unknown;
      prunedThrough?: unknown;
      anchor?: unknown;
    };
    const seq = r.type === 'omitted' ? r.to : r.seq;
    if (typeof seq === 'number' && typeof r.hash === 'string' && this.anchors.some((a) => a.seq === seq))
      this.at.set(seq, r.hash);
    if (r.type === 'retention' && typeof r.prunedThrough === 'number' && r.prunedThrough > this.pruned.through)
      this.pruned = { through: r.prunedThrough, anchor: typeof r.anchor === 'string' ? r.anchor : '' };
  }

  /** Anchors inside an omitted run (not at its end) cannot be checked from a filtered file: not a break. */
  check(report: ChainReport, anchors: readonly Anchor[]): AnchorResult[] {
    return anchors.map((anchor) => {
      const hash = this.at.get(anchor.seq);
      const chain: ChainAtAnchor = {
        head: report.head,
        atSeq: hash ? { seq: anchor.seq, hash } : undefined,
        prunedThrough: this.pruned.through,
        prunedAnchorHash: this.pruned.through === anchor.seq ? this.pruned.anchor : undefined,
      };
      if (!hash && report.omitted > 0 && report.head && report.head.seq >= anchor.seq)
        return { anchor, status: 'unchecked' };
      const found = compareToAnchor(anchor, chain);
      return found ? { anchor, status: 'broken', break: found } : { anchor, status: 'matches' };
    });
  }
}

/** Verifies an exported file, line by line, with the one chain verifier. */
export async function verifyExportLines(
  lines: AsyncIterable<string> | Iterable<string>,
  options: { batch?: number; sha256?: Sha256; anchors?: readonly Anchor[] } = {},
): Promise<ExportVerification> {
  const { batch = 1_000, sha256 } = options;
  const verifier = new ChainVerifier({ sha256 });
  const given = options.anchors ?? [];
  let fromHeader: Anchor[] = [];
  let watch = new AnchorWatch(given);
  let header: ExportHeader | undefined;
  let lineNo = 0;
  let pending: unknown[] = [];
  let pendingFirst = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (lineNo === 1) {
      const parsed = tryParse(line);
      const why = headerProblem(parsed, line);
      if (why) return { report: verifier.finish(), notAnExport: why, anchorBreaks: [], headerAnchors: [] };
      header = parsed as ExportHeader;
      fromHeader = anchorsOf(header.anchors);
      watch = new AnchorWatch([...given, ...fromHeader]);
      continue;
    }
    if (line === '') continue;
    if (pending.length === 0) pendingFirst = lineNo;
    const item = tryParse(line);
    watch.see(item);
    pending.push(item);
    if (pending.length >= batch) {
      await verifier.push(pending, pendingFirst);
      pending = [];
    }
  }
  if (pending.length) await verifier.push(pending, pendingFirst);
  if (!header) return { report: verifier.finish(), notAnExport: '文件是空的', anchorBreaks: [], headerAnchors: [] };
  const report = verifier.finish({ head: header.head ?? undefined, attempts: header.count });
  const anchorBreaks = watch.check(report, given).flatMap((r) => (r.break ? [r.break] : []));
  return { header, report, anchorBreaks, headerAnchors: watch.check(report, fromHeader) };
}

function tryParse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return line; // the verifier reports it as a line that is not a JSON object
  }
}

/** What `log verify` says of a CSV or Excel export, which hold rows for reading, not the chain. */
export const NOT_THE_CHAIN =
  '只有 JSON Lines 导出（.jsonl）带有哈希链，可以核验；CSV 和 Excel 导出只供阅读和统计。请在审计页面用“导出 JSON Lines（含哈希链）”导出后再核验';

/** The name of the metadata file written beside a CSV or Excel export. */
export const EXPORT_META_FORMAT = 'govpost-guard-export-meta';

/** Whether a first line is a CSV header row (quoted cells separated by commas) rather than JSON. */
function looksLikeCsv(line: string): boolean {
  return !/^[{[]/.test(line) && line.includes(',');
}

function headerProblem(h: unknown, line: string): string | undefined {
  if (typeof h === 'string' && looksLikeCsv(line)) return `这是 CSV 文件。${NOT_THE_CHAIN}`;
  if (typeof h === 'object' && h !== null && (h as { format?: unknown }).format === EXPORT_META_FORMAT)
    return `这是 CSV/Excel 导出的说明文件，不含记录。${NOT_THE_CHAIN}`;
  const checked = v.safeParse(ExportHeaderLinks, h, { abortEarly: true });
  return checked.success ? undefined : (checked.issues[0]?.message ?? badHead);
}
