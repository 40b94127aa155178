/**
 * The dashboard's filters, as data: the same filter selects the table's rows, feeds the charts,
 * and decides what an export holds (and is written into the export's header).
 */
import type { Category, Platform, Verdict } from '../../rules/engine/types';
import { accountKey } from './accounts';
import type { LogEntry } from './entries';
import type { Decision } from './record';

export interface LogFilter {
  /** Epoch milliseconds: from inclusive, to exclusive (the page turns its dates into these). */
  fromMs?: number;
  toMs?: number;
  platform?: Platform;
  /** An account key (see accountKey). */
  account?: string;
  verdict?: Verdict | 'error';
  decision?: Decision;
  category?: Category;
  rule?: string;
  /** Free text: searched in the text, title, account, URL, reason, finding excerpts and text hash. */
  text?: string;
}

/** ASCII case folding only matters when the query has letters with case. */
const hasCase = (q: string) => q.toLowerCase() !== q.toUpperCase();

const searchCache = new WeakMap<LogEntry, string>();

function haystack(e: LogEntry): string {
  let s = searchCache.get(e);
  if (s === undefined) {
    const a = e.attempt;
    s = [a.text ?? '', a.title ?? '', a.account?.name ?? '', a.account?.id ?? '', a.url, e.outcome?.reason ?? '', a.textSha256, ...a.findings.map((f) => f.excerpt ?? '')]
      .join('\n')
      .toLowerCase();
    searchCache.set(e, s);
  }
  return s;
}

function textMatches(e: LogEntry, query: string): boolean {
  if (hasCase(query)) return haystack(e).includes(query.toLowerCase());
  const a = e.attempt;
  // Chinese queries: search the fields directly, no lower-cased copy needed.
  return (
    (a.text?.includes(query) ?? false) ||
    (a.title?.includes(query) ?? false) ||
    (a.account?.name.includes(query) ?? false) ||
    a.url.includes(query) ||
    (e.outcome?.reason?.includes(query) ?? false) ||
    a.findings.some((f) => f.excerpt?.includes(query))
  );
}

export function entryMatches(e: LogEntry, f: LogFilter): boolean {
  const a = e.attempt;
  if (f.fromMs !== undefined && e.timeMs < f.fromMs) return false;
  if (f.toMs !== undefined && e.timeMs >= f.toMs) return false;
  if (f.platform && a.platform !== f.platform) return false;
  if (f.account && (!a.account || accountKey({ platform: a.platform, ...a.account }) !== f.account)) return false;
  if (f.verdict && a.verdict !== f.verdict) return false;
  if (f.decision && e.decision !== f.decision) return false;
  if (f.category && !e.categories.includes(f.category)) return false;
  if (f.rule && !e.rules.includes(f.rule)) return false;
  const q = f.text?.trim();
  if (q && !textMatches(e, q)) return false;
  return true;
}

export function filterEntries(entries: readonly LogEntry[], f: LogFilter): LogEntry[] {
  const active = Object.values(f).some((v) => v !== undefined && v !== '');
  return active ? entries.filter((e) => entryMatches(e, f)) : entries.slice();
}

/** Whether a filter selects by anything but time (exports then leave out unrelated notices). */
export function selectsEntriesOnly(f: LogFilter): boolean {
  return Boolean(f.platform || f.account || f.verdict || f.decision || f.category || f.rule || f.text?.trim());
}
