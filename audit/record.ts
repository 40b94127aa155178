/**
 * The audit log's records: an append-only hash chain. Every record names the hash of the record
 * before it (`prev`) and carries its own (`hash`, see canonical.ts), so an edit, a deletion or a
 * reordering breaks a link that anyone can find again, offline, with verify.ts.
 *
 * | type              | written when                                    | chained fields                          |
 * | ----------------- | ----------------------------------------------- | --------------------------------------- |
 * | `attempt`         | before a post may go (write-ahead, pending)     | the draft, findings, verdict, pack, editor |
 * | `outcome`         | the editor's decision, appended later           | attempt id, decision, reason            |
 * | `retention`       | old records pruned by the admin's policy        | what was pruned and the hash it ended on |
 * | `adapter-problem` | a platform changed its page                     | platform, page, url, problem            |
 * | `storage`         | storage use crossed a warning level             | level, usage, quota                     |
 * | `integrity`       | the background found a broken link              | the first broken record and why         |
 *
 * An attempt is never rewritten: its decision arrives as a separate `outcome` record, so the
 * chain stays append-only and a pending attempt (crash, closed tab) simply has no outcome yet.
 */
import type { Category, FieldName, FindingSeverity, Platform } from '../rules/engine/types';
import type { Settings } from '../utils/settings';
import { FINAL_DECISIONS, type AttemptStart, type Decision, type FinalDecision } from '../utils/protocol';

/** Record format; a future change of fields gets a new number and verify.ts keeps reading both. */
export const RECORD_FORMAT = 1;
/** The `prev` of the very first record: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export { FINAL_DECISIONS };
export type { Decision, FinalDecision };

/** The link fields every record has. `time` is the background's clock (ISO 8601, UTC). */
export interface Links {
  v: typeof RECORD_FORMAT;
  seq: number;
  prev: string;
  hash: string;
  time: string;
}

/**
 * A finding as logged. When the policy keeps only the text's hash, the fields that quote the
 * text (`excerpt`, `message`, `suggestion`) are left out too: they would otherwise keep pieces of
 * it (an ID-card number, a confidential phrase) in the log.
 */
export interface LoggedFinding {
  ruleId: string;
  messageId: string;
  category: Category;
  severity: FindingSeverity;
  field: FieldName;
  range: [number, number];
  basis: string;
  excerpt?: string;
  message?: string;
  suggestion?: string;
}

/** The attempt as the content script reported it (AttemptStart), with the text kept by policy. */
export interface AttemptRecord extends Links, Omit<AttemptStart, 'text' | 'findings'> {
  type: 'attempt';
  /** The attempt's id (a UUID); its outcome refers to it. */
  attempt: string;
  /** Present only when the policy keeps the full text (`logText: full`). */
  text?: string;
  /** Always present: lower-case hex SHA-256 of the UTF-8 text. */
  textSha256: string;
  textLength: number;
  logText: Settings['logText'];
  findings: LoggedFinding[];
  /** The extension's version. */
  extension: string;
  /** The editor's configured name and unit at the time of the attempt. */
  editor: { name: string; unit: string };
}

export interface OutcomeRecord extends Links {
  type: 'outcome';
  attempt: string;
  decision: FinalDecision;
  reason?: string;
}

/** What pruned attempts said about each account, so dormant accounts stay visible after pruning. */
export interface AccountSummary {
  platform: Platform;
  name: string;
  id?: string;
  attempts: number;
  published: number;
  lastAttempt: string;
  lastPublish?: string;
}

export interface RetentionRecord extends Links {
  type: 'retention';
  /** The policy's retention in days and the cut-off it gave (records older were pruned). */
  days: number;
  before: string;
  /** Records 1…prunedThrough (or from the previous cut) are gone; the next one's `prev` is `anchor`. */
  prunedThrough: number;
  anchor: string;
  pruned: { records: number; attempts: number };
  /** Accounts seen in everything pruned so far (carried over from earlier retention records). */
  accounts: AccountSummary[];
}

export interface AdapterProblemRecord extends Links {
  type: 'adapter-problem';
  platform: Platform;
  page: string;
  url: string;
  problem: string;
}

export const STORAGE_LEVELS = ['ok', 'warning', 'critical'] as const;
export type StorageLevel = (typeof STORAGE_LEVELS)[number];

export interface StorageRecord extends Links {
  type: 'storage';
  level: StorageLevel;
  usage: number;
  quota: number;
}

export interface IntegrityRecord extends Links {
  type: 'integrity';
  brokenSeq: number;
  reason: string;
}

export type LogRecord =
  AttemptRecord | OutcomeRecord | RetentionRecord | AdapterProblemRecord | StorageRecord | IntegrityRecord;
export const RECORD_TYPES = ['attempt', 'outcome', 'retention', 'adapter-problem', 'storage', 'integrity'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A record before it is linked: what the writer supplies; the chain adds v, seq, prev, hash. */
export type RecordBody<R extends LogRecord = LogRecord> = R extends LogRecord
  ? Omit<R, keyof Links> & { time: string }
  : never;

/**
 * A run of records left out of a filtered export: only the `prev` of its first record and the
 * `hash` of its last, which is all a verifier needs to follow the chain across it.
 */
export interface OmittedRun {
  type: 'omitted';
  from: number;
  to: number;
  prev: string;
  hash: string;
}
