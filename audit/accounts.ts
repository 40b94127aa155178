/**
 * Per-account activity from attempts and outcomes: how often an account tried to publish, how
 * often it did, and when last. Used by retention records (so pruning keeps what 第十六条's
 * 长期不发布 needs) and by the dashboard's account activity.
 */
import type { AccountSummary, LogRecord } from './record';

export const PUBLISHED_DECISIONS: ReadonlySet<string> = new Set(['published', 'published-with-reason']);

export function accountKey(a: { platform: string; name: string; id?: string }): string {
  return `${a.platform}\n${a.name}\n${a.id ?? ''}`;
}

/** Adds the attempts and outcomes of `records` (chain order) to a per-account summary. */
export function summarizeAccounts(base: readonly AccountSummary[], records: Iterable<LogRecord>): AccountSummary[] {
  const summary = new Map(base.map((a) => [accountKey(a), { ...a }]));
  const owner = new Map<string, string>();
  for (const r of records) {
    if (r.type === 'attempt' && r.account) {
      const key = accountKey({ platform: r.platform, ...r.account });
      owner.set(r.attempt, key);
      const s = summary.get(key) ?? {
        platform: r.platform,
        name: r.account.name,
        id: r.account.id,
        attempts: 0,
        published: 0,
        lastAttempt: r.time,
      };
      s.attempts++;
      if (r.time > s.lastAttempt) s.lastAttempt = r.time;
      summary.set(key, s);
    } else if (r.type === 'outcome' && PUBLISHED_DECISIONS.has(r.decision)) {
      const s = summary.get(owner.get(r.attempt) ?? '');
      if (!s) continue;
      s.published++;
      if (!s.lastPublish || r.time > s.lastPublish) s.lastPublish = r.time;
    }
  }
  return [...summary.values()].sort((a, b) => accountKey(a).localeCompare(accountKey(b)));
}
