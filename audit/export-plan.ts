/**
 * What an export of the filtered set holds: the entries the filter selects, with their records,
 * the retention records (the chain's start depends on them) and, unless the filter picks entries
 * by more than time, the notices of that time range. Both formats state the same facts.
 */
import type { LogEntry, LogModel } from './entries';
import type { ExportStatement } from './export-csv';
import { countExport, EXPORT_FORMAT, EXPORT_VERSION, type ExportHeader } from './export-jsonl';
import { selectsEntriesOnly, type LogFilter } from './filter';
import type { LogRecord } from './record';
import type { ChainReport } from './verify';
import type { AnchorCheck } from './anchor';

/** What an export states about the chain: its own verification, and its anchors'. */
export type ChainAtExport = Pick<ChainReport, 'ok' | 'broken'> & { anchors?: AnchorCheck };

export interface ExportPlan {
  statement: ExportStatement;
  /** The records as of the export (later ones are not part of it). */
  records: readonly LogRecord[];
  keep: (r: LogRecord) => boolean;
}

export function planExport(
  model: LogModel,
  filter: LogFilter,
  selected: readonly LogEntry[],
  chain: ChainAtExport,
  now: Date,
): ExportPlan {
  const records = model.records.slice();
  const ids = new Set(selected.map((e) => e.attempt.attempt));
  const withNotices = !selectsEntriesOnly(filter);
  const inRange = (time: string) => {
    const t = Date.parse(time);
    return (filter.fromMs === undefined || t >= filter.fromMs) && (filter.toMs === undefined || t < filter.toMs);
  };
  const keep = (r: LogRecord): boolean => {
    switch (r.type) {
      case 'attempt':
      case 'outcome':
        return ids.has(r.attempt);
      case 'retention':
        return true;
      default:
        return withNotices && inRange(r.time);
    }
  };
  let first: string | null = null;
  let last: string | null = null;
  for (const e of selected) {
    if (first === null || e.attempt.time < first) first = e.attempt.time;
    if (last === null || e.attempt.time > last) last = e.attempt.time;
  }
  const newest = records.at(-1);
  const head = newest ? { seq: newest.seq, hash: newest.hash } : null;
  const broken = chain.broken[0];
  return {
    records,
    keep,
    statement: {
      count: selected.length,
      first,
      last,
      from: filter.fromMs === undefined ? null : new Date(filter.fromMs).toISOString(),
      to: filter.toMs === undefined ? null : new Date(filter.toMs).toISOString(),
      head,
      chainOk: chain.ok,
      ...(broken ? { brokenAt: { seq: broken.seq, reason: broken.reason } } : {}),
      ...(chain.anchors && { anchors: chain.anchors }),
      exportedAt: now.toISOString(),
    },
  };
}

export function exportHeader(plan: ExportPlan, filter: LogFilter, extension: string): ExportHeader {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    extension,
    filter,
    ...plan.statement,
    ...countExport(plan.records, plan.keep),
  };
}
