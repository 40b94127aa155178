/**
 * The log as auditors read it: one entry per attempt, its outcome folded in, built from the
 * records as they are read (a chunk at a time). Records stay in chain order beside the entries,
 * because an export with the chain needs them all.
 */
import type { Category } from '../rules/engine/types';
import { accountKey, PUBLISHED_DECISIONS } from './accounts';
import type {
  AdapterProblemRecord,
  AttemptRecord,
  Decision,
  IntegrityRecord,
  LogRecord,
  OutcomeRecord,
  RetentionRecord,
  StorageRecord,
} from './record';

export interface LogEntry {
  attempt: AttemptRecord;
  outcome?: OutcomeRecord;
  decision: Decision;
  timeMs: number;
  /** The account's key (see accountKey), computed once for filters and charts. */
  account?: string;
  /** Categories and rule ids of all its findings (monitor included), without repeats. */
  categories: Category[];
  rules: string[];
  /** Published although the check found something (warn, justify; block or error would be worse). */
  override: boolean;
}

/** Who made the attempt: the name and unit given at its outcome, where they came only then. */
export function editorOf(entry: Pick<LogEntry, 'attempt' | 'outcome'>): { name: string; unit: string } {
  return entry.outcome?.editor ?? entry.attempt.editor;
}

export type NoticeRecord = AdapterProblemRecord | StorageRecord | IntegrityRecord;

export function isOverride(attempt: AttemptRecord, decision: Decision): boolean {
  return PUBLISHED_DECISIONS.has(decision) && attempt.verdict !== 'pass';
}

export class LogModel {
  readonly records: LogRecord[] = [];
  readonly entries: LogEntry[] = [];
  readonly notices: NoticeRecord[] = [];
  /** The newest retention record: what was pruned, and the accounts it summarises. */
  retention: RetentionRecord | undefined;
  private readonly byAttempt = new Map<string, LogEntry>();

  add(records: readonly LogRecord[]): void {
    for (const r of records) {
      this.records.push(r);
      switch (r.type) {
        case 'attempt': {
          const entry: LogEntry = {
            attempt: r,
            decision: 'pending',
            timeMs: Date.parse(r.time),
            account: r.account && accountKey({ platform: r.platform, ...r.account }),
            categories: [...new Set(r.findings.map((f) => f.category))],
            rules: [...new Set(r.findings.map((f) => f.ruleId))],
            override: false,
          };
          this.entries.push(entry);
          this.byAttempt.set(r.attempt, entry);
          break;
        }
        case 'outcome': {
          const entry = this.byAttempt.get(r.attempt);
          if (!entry) break; // its attempt was pruned by retention
          entry.outcome = r;
          entry.decision = r.decision;
          entry.override = isOverride(entry.attempt, r.decision);
          break;
        }
        case 'retention':
          this.retention = r;
          break;
        default:
          this.notices.push(r);
      }
    }
  }

  entry(attempt: string): LogEntry | undefined {
    return this.byAttempt.get(attempt);
  }

  get head(): { seq: number; hash: string } | null {
    const last = this.records[this.records.length - 1];
    return last ? { seq: last.seq, hash: last.hash } : null;
  }
}
