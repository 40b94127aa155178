/**
 * What the charts and the account view show, computed from the filtered entries: attempts,
 * blocks and overrides per day by category; the rules that fire most; how often each account
 * publishes over a warning; and when each account last published (第十六条: 长期不发布).
 */
import type { Category, Platform } from '../rules/engine/types';
import { accountKey, summarizeAccounts } from './accounts';
import type { LogEntry } from './entries';
import type { AccountSummary, LogRecord, RetentionRecord } from './record';

const DAY_MS = 86_400_000;

/** The local calendar day of a moment, YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface DayStats {
  day: string;
  attempts: number;
  blocks: number;
  overrides: number;
  /** Blocks and overrides per category (an entry with findings of two categories counts in both). */
  byCategory: Partial<Record<Category, { blocks: number; overrides: number }>>;
}

/** One row per calendar day from the first to the last entry (days without attempts included). */
export function perDay(entries: readonly LogEntry[], dayOf: (ms: number) => string = localDay): DayStats[] {
  if (entries.length === 0) return [];
  const days = new Map<string, DayStats>();
  let min = Infinity;
  let max = -Infinity;
  for (const e of entries) {
    min = Math.min(min, e.timeMs);
    max = Math.max(max, e.timeMs);
    const key = dayOf(e.timeMs);
    let d = days.get(key);
    if (!d) days.set(key, (d = { day: key, attempts: 0, blocks: 0, overrides: 0, byCategory: {} }));
    d.attempts++;
    const blocked = e.decision === 'blocked';
    if (blocked) d.blocks++;
    if (e.override) d.overrides++;
    if (blocked || e.override) {
      for (const c of e.categories) {
        const slot = (d.byCategory[c] ??= { blocks: 0, overrides: 0 });
        if (blocked) slot.blocks++;
        else slot.overrides++;
      }
    }
  }
  const out: DayStats[] = [];
  // Walk by noon so a daylight-saving change never skips or repeats a day.
  const start = new Date(min);
  start.setHours(12, 0, 0, 0);
  for (let t = start.getTime(); dayOf(t) <= dayOf(max); t += DAY_MS) {
    const key = dayOf(t);
    out.push(days.get(key) ?? { day: key, attempts: 0, blocks: 0, overrides: 0, byCategory: {} });
  }
  return out;
}

export interface RuleCount {
  ruleId: string;
  category: Category;
  /** Attempts with at least one finding of the rule. */
  attempts: number;
}

export function topRules(entries: readonly LogEntry[], n = 10): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const e of entries) {
    for (const ruleId of e.rules) {
      const c = counts.get(ruleId) ?? {
        ruleId,
        category: e.attempt.findings.find((f) => f.ruleId === ruleId)!.category,
        attempts: 0,
      };
      c.attempts++;
      counts.set(ruleId, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.attempts - a.attempts || a.ruleId.localeCompare(b.ruleId)).slice(0, n);
}

export interface OverrideRate {
  key: string;
  platform: Platform;
  name: string;
  /** Completed attempts where the editor was warned or asked for a reason. */
  warned: number;
  /** Of those, published anyway. */
  overrides: number;
  rate: number;
}

/** Override rate = published over a warn/justify finding ÷ completed attempts with such a finding. */
export function overrideRates(entries: readonly LogEntry[]): OverrideRate[] {
  const rates = new Map<string, OverrideRate>();
  for (const e of entries) {
    const a = e.attempt;
    if (!a.account || e.decision === 'pending' || (a.verdict !== 'warn' && a.verdict !== 'justify')) continue;
    const key = accountKey({ platform: a.platform, ...a.account });
    const r = rates.get(key) ?? { key, platform: a.platform, name: a.account.name, warned: 0, overrides: 0, rate: 0 };
    r.warned++;
    if (e.override) r.overrides++;
    rates.set(key, r);
  }
  for (const r of rates.values()) r.rate = r.overrides / r.warned;
  return [...rates.values()].sort((a, b) => b.rate - a.rate || b.warned - a.warned);
}

export interface AccountActivity extends AccountSummary {
  key: string;
  /** Whole days since the last publish (or since the first sighting, if it never published). */
  silentDays: number;
  silent: boolean;
}

/**
 * Last publish per account, over the entries and what retention kept of pruned ones. An account
 * is silent when it has not published for more than `silentAfterDays` days.
 */
export function accountActivity(
  entries: readonly LogEntry[],
  retention: RetentionRecord | undefined,
  nowMs: number,
  silentAfterDays: number,
): AccountActivity[] {
  function* records(): Iterable<LogRecord> {
    for (const e of entries) {
      yield e.attempt;
      if (e.outcome) yield e.outcome;
    }
  }
  return summarizeAccounts(retention?.accounts ?? [], records())
    .map((a) => {
      const since = Date.parse(a.lastPublish ?? a.lastAttempt);
      const silentDays = Math.floor((nowMs - since) / DAY_MS);
      return { ...a, key: accountKey(a), silentDays, silent: silentDays > silentAfterDays };
    })
    .sort((a, b) => b.silentDays - a.silentDays);
}

/**
 * The default for 长期不发布: the national inspection indicators for government new media
 * (国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》) fail an account with no update in the two
 * weeks before the inspection.
 */
export const DEFAULT_SILENT_DAYS = 14;
