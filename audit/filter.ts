/**
 * The dashboard's filters, as data: the same filter selects the table's rows, feeds the charts,
 * and decides what an export holds (and is written into the export's header).
 */
import type { Category, Platform, Verdict } from '../rules/engine/types';
import type { LogEntry } from './entries';
import type { Decision } from './record';

export interface LogFilter {
  /** Epoch milliseconds: from inclusive, to exclusive (the page turns its dates into these). */
  fromMs?: number;
  toMs?: number;
  platform?: Platform;
  /** An account key (see accountKey). */
  account?: string;
  /** Any of these verdicts (an empty or absent list: all). */
  verdicts?: (Verdict | 'error')[];
  /** Any of these decisions: “blocked or overridden” is one filter. */
  decisions?: Decision[];
  category?: Category;
  rule?: string;
  /** Free text: searched in the text, title, account, URL, reason, finding excerpts and text hash. */
  text?: string;
}

/**
 * The free-text query: plain `includes` for queries without letter case (Chinese, digits), a
 * case-insensitive regular expression otherwise. No lower-cased copies of 100,000 texts are kept.
 */
interface TextQuery {
  has(s: string | undefined): boolean;
  /** Page URLs, account ids and hashes are ASCII: a query with other characters skips them. */
  ascii: boolean;
}

function textQuery(query: string): TextQuery {
  const ascii = /^[\p{ASCII}]*$/u.test(query);
  if (query.toLowerCase() === query.toUpperCase()) return { ascii, has: (s) => s !== undefined && s.includes(query) };
  const re = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return { ascii, has: (s) => s !== undefined && re.test(s) };
}

function textMatches(e: LogEntry, q: TextQuery): boolean {
  const a = e.attempt;
  return (
    q.has(a.text) ||
    q.has(a.title) ||
    q.has(a.account?.name) ||
    q.has(e.outcome?.reason) ||
    (q.ascii && (q.has(a.url) || q.has(a.account?.id) || q.has(a.textSha256))) ||
    // Excerpts of the body and title are in the text already; other fields' are not.
    a.findings.some((f) => f.field !== 'body' && f.field !== 'title' && q.has(f.excerpt))
  );
}

/** Whether one entry passes the filter (for many entries, use filterEntries: it prepares once). */
export function entryMatches(
  e: LogEntry,
  f: LogFilter,
  text = f.text?.trim() ? textQuery(f.text.trim()) : undefined,
): boolean {
  const a = e.attempt;
  if (f.fromMs !== undefined && e.timeMs < f.fromMs) return false;
  if (f.toMs !== undefined && e.timeMs >= f.toMs) return false;
  if (f.platform && a.platform !== f.platform) return false;
  if (f.account && e.account !== f.account) return false;
  if (f.verdicts?.length && !f.verdicts.includes(a.verdict)) return false;
  if (f.decisions?.length && !f.decisions.includes(e.decision)) return false;
  if (f.category && !e.categories.includes(f.category)) return false;
  if (f.rule && !e.rules.includes(f.rule)) return false;
  if (text && !textMatches(e, text)) return false;
  return true;
}

export function filterEntries(entries: readonly LogEntry[], f: LogFilter): LogEntry[] {
  const active = Object.values(f).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  if (!active) return entries.slice();
  const text = f.text?.trim() ? textQuery(f.text.trim()) : undefined;
  return entries.filter((e) => entryMatches(e, f, text));
}

/** Whether a filter selects by anything but time (exports then leave out unrelated notices). */
export function selectsEntriesOnly(f: LogFilter): boolean {
  return Boolean(
    f.platform || f.account || f.verdicts?.length || f.decisions?.length || f.category || f.rule || f.text?.trim(),
  );
}
