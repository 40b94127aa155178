/**
 * Which records an admin's retention policy lets go, and what the retention record keeps of
 * them. The cut is a prefix of the chain (records older than the cut-off, in chain order), moved
 * back so that an attempt is never separated from its outcome. The accounts summary carries over
 * from earlier retention records, so an account that went quiet long ago is still seen as quiet
 * (第十六条: 长期不发布) after its records are gone.
 */
import { summarizeAccounts } from '../../audit/accounts';
import type { AccountSummary, AttemptRecord, OutcomeRecord } from '../../audit/record';
import { latestOfType, recordsOfAttempt, scanRecords, type LogDb } from '../../audit/db';

export interface PrunePlan {
  through: number;
  anchor: string;
  records: number;
  attempts: number;
  accounts: AccountSummary[];
}

/** Chain-order prefix of records older than `cutoff`, never splitting an attempt from its outcome. */
async function cutPoint(db: LogDb, cutoff: string): Promise<number> {
  let through = 0;
  const open = new Map<string, number>();
  await scanRecords(db, (chunk) => {
    for (const r of chunk) {
      if (r.time >= cutoff) return false;
      through = r.seq;
      if (r.type === 'attempt') open.set(r.attempt, r.seq);
      if (r.type === 'outcome') open.delete(r.attempt);
    }
  });
  // Attempts still open at the cut: if their outcome came after it, keep them.
  for (const [attempt, seq] of open) {
    const records = await recordsOfAttempt(db, attempt);
    if (records.some((r) => r.type === 'outcome')) through = Math.min(through, seq - 1);
  }
  return through;
}

export async function planRetention(db: LogDb, cutoff: string): Promise<PrunePlan | null> {
  const through = await cutPoint(db, cutoff);
  if (through === 0) return null;
  const pruned: (AttemptRecord | OutcomeRecord)[] = [];
  let records = 0;
  let anchor = '';
  await scanRecords(db, (chunk) => {
    for (const r of chunk) {
      if (r.seq > through) return false;
      records++;
      anchor = r.hash;
      if (r.type === 'attempt' || r.type === 'outcome') pruned.push(r);
    }
  });
  const previous = await latestOfType(db, 'retention');
  return {
    through,
    anchor,
    records,
    attempts: pruned.filter((r) => r.type === 'attempt').length,
    accounts: summarizeAccounts(previous?.accounts ?? [], pruned),
  };
}
