/**
 * The audit log's records: an append-only hash chain. Every record names the hash of the record
 * before it (`prev`) and carries its own (`hash`, see canonical.ts), so an edit, a deletion or a
 * reordering breaks a link that anyone can find again, offline, with verify.ts.
 *
 * | type              | written when                                    | chained fields                          |
 * | ----------------- | ----------------------------------------------- | --------------------------------------- |
 * | `attempt`         | before a post may go (write-ahead, pending)     | the draft, findings, verdict, pack, editor |
 * | `outcome`         | the editor's decision, appended later           | attempt id, decision, reason, editor, review |
 * | `retention`       | old records pruned by the admin's policy        | what was pruned and the hash it ended on |
 * | `adapter-problem` | a platform changed its page                     | platform, page, url, problem            |
 * | `storage`         | storage use crossed a warning level             | level, usage, quota                     |
 * | `integrity`       | the background found a broken link              | the first broken record and why         |
 *
 * An attempt is never rewritten: its decision arrives as a separate `outcome` record, so the
 * chain stays append-only and a pending attempt (crash, closed tab) simply has no outcome yet.
 */
import * as v from 'valibot';
import { fieldsOf, int, isPlainObject, oneOf } from '../rules/engine/schema';
import { PLATFORMS } from '../rules/engine/types';
import { LOG_TEXTS } from '../utils/settings';
import {
  attemptFields,
  FINAL_DECISIONS,
  findingFields,
  type Decision,
  type FinalDecision,
  type ReviewGate,
} from '../utils/protocol';

/** Record format; a future change of fields gets a new number and verify.ts keeps reading both. */
export const RECORD_FORMAT = 1;
/** The `prev` of the very first record: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export { FINAL_DECISIONS };
export type { Decision, FinalDecision };

// Each record type is a valibot schema and its TypeScript type is inferred from it. The schemas
// check a record read back from outside (an export, an upload); they never change it: a record's
// hash covers the record exactly as written (canonical.ts), unknown fields included.
//
// The messages of the fields the chain is followed by (the links, an attempt's id, an outcome's
// decision, what retention pruned) are the verifier's reasons for an item it cannot link
// (verify.ts), so they say what is wrong with the record as a whole.

/** A SHA-256 in lower-case hex: the form of every hash in the log. */
export const HEX64 = /^[0-9a-f]{64}$/;
const hash = (message: string) => v.pipe(v.string(message), v.regex(HEX64, message));
const positive = (message: string) => v.pipe(v.number(message), v.safeInteger(message), v.minValue(1, message));
const count = int(0, Number.MAX_SAFE_INTEGER);
const notAnObject = '不是 JSON 对象';

/** The link fields every record has, in the order the verifier names their problems. */
export const linkFields = {
  v: v.literal(RECORD_FORMAT, `记录格式版本应为 ${RECORD_FORMAT}`),
  seq: positive('序号 seq 不是正整数'),
  prev: hash('prev/hash 不是 64 位十六进制哈希'),
  hash: hash('prev/hash 不是 64 位十六进制哈希'),
  /** The background's clock, ISO 8601 in UTC; of a record read back, only "is text" is checked. */
  time: v.string('缺少时间 time'),
};

export const RECORD_TYPES = ['attempt', 'outcome', 'retention', 'adapter-problem', 'storage', 'integrity'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const pruned = '保留期记录缺少 prunedThrough/anchor';
/** The attempt's id (a UUID); its outcome refers to it. */
const attemptId = v.string('缺少发布尝试 id');

/** Beyond the links, what the chain is followed by in each type of record (verify.ts). */
const chainFields = {
  attempt: { attempt: attemptId },
  outcome: {
    attempt: attemptId,
    decision: oneOf(FINAL_DECISIONS, (issue) => `未知的处理结果 ${JSON.stringify(issue.input)}`),
  },
  retention: {
    /** Records 1…prunedThrough (or from the previous cut) are gone; the next one's `prev` is `anchor`. */
    prunedThrough: v.pipe(v.number(pruned), v.safeInteger(pruned)),
    anchor: hash(pruned),
  },
  'adapter-problem': {},
  storage: {},
  integrity: {},
} satisfies Record<RecordType, v.ObjectEntries>;

/**
 * A record type's schema: its `type`, the links, what the chain is followed by, then `entries`,
 * its own fields. Fields it does not name are left alone.
 */
/* @__NO_SIDE_EFFECTS__ */
function recordOf<const T extends RecordType, const E extends v.ObjectEntries>(type: T, entries: E) {
  return fieldsOf({ type: v.literal(type), ...linkFields, ...chainFields[type], ...entries }, notAnObject);
}

/**
 * A finding as logged. When the policy keeps only the text's hash, the fields that quote the
 * text (`excerpt`, `message`, `suggestion`) are left out too: they would otherwise keep pieces of
 * it (an ID-card number, a confidential phrase) in the log.
 */
export const LoggedFinding = fieldsOf(
  {
    ...findingFields,
    excerpt: v.optional(findingFields.excerpt),
    message: v.optional(findingFields.message),
  },
  '应为对象',
);
export type LoggedFinding = v.InferOutput<typeof LoggedFinding>;

/** Who made an attempt: the editor's name and unit as configured. */
const Editor = fieldsOf({ name: v.string('应为文字'), unit: v.string('应为文字') }, '应为对象');

/** The attempt as the content script reported it (AttemptStart), with the text kept by policy. */
export const AttemptRecord = recordOf('attempt', {
  ...attemptFields,
  /** Present only when the policy keeps the full text (`logText: full`). */
  text: v.optional(attemptFields.text),
  /** Always present: lower-case hex SHA-256 of the UTF-8 text. */
  textSha256: hash('应为 64 位十六进制哈希'),
  textLength: count,
  logText: oneOf(LOG_TEXTS),
  findings: v.array(LoggedFinding, '应为数组'),
  /** The extension's version. */
  extension: v.string('应为文字'),
  /** The editor's configured name and unit at the time of the attempt. */
  editor: Editor,
});
export type AttemptRecord = v.InferOutput<typeof AttemptRecord>;

export const OutcomeRecord = recordOf('outcome', {
  reason: v.optional(v.string('应为文字')),
  /**
   * The editor's name and unit, where they were given after the attempt was logged (asked in the
   * panel at the first override): they stand for the attempt's `editor`. Absent in older logs.
   */
  editor: v.optional(Editor),
  /**
   * The 三审 record of a justify-level override, where the pack asked for it: who passed each
   * 关 (utils/protocol.ts Review). Absent in older logs and wherever it was not asked.
   */
  review: v.optional(
    fieldsOf(
      {
        political: v.string('应为文字'),
        legal: v.string('应为文字'),
        policy: v.string('应为文字'),
        secrecy: v.string('应为文字'),
        wording: v.string('应为文字'),
      } satisfies Record<ReviewGate, v.GenericSchema>,
      '应为对象',
    ),
  ),
});
export type OutcomeRecord = v.InferOutput<typeof OutcomeRecord>;

/** What pruned attempts said about each account, so dormant accounts stay visible after pruning. */
export const AccountSummary = fieldsOf(
  {
    platform: oneOf(PLATFORMS),
    name: v.string('应为文字'),
    id: v.optional(v.string('应为文字')),
    attempts: count,
    published: count,
    lastAttempt: v.string('应为文字'),
    lastPublish: v.optional(v.string('应为文字')),
  },
  '应为对象',
);
export type AccountSummary = v.InferOutput<typeof AccountSummary>;

export const RetentionRecord = recordOf('retention', {
  /** The policy's retention in days and the cut-off it gave (records older were pruned). */
  days: count,
  before: v.string('应为文字'),
  pruned: fieldsOf({ records: count, attempts: count }, '应为对象'),
  /** Accounts seen in everything pruned so far (carried over from earlier retention records). */
  accounts: v.array(AccountSummary, '应为数组'),
});
export type RetentionRecord = v.InferOutput<typeof RetentionRecord>;

export const AdapterProblemRecord = recordOf('adapter-problem', {
  platform: attemptFields.platform,
  page: attemptFields.page,
  url: attemptFields.url,
  problem: v.string('应为文字'),
});
export type AdapterProblemRecord = v.InferOutput<typeof AdapterProblemRecord>;

export const STORAGE_LEVELS = ['ok', 'warning', 'critical'] as const;
export type StorageLevel = (typeof STORAGE_LEVELS)[number];

export const StorageRecord = recordOf('storage', {
  level: oneOf(STORAGE_LEVELS),
  usage: count,
  quota: count,
});
export type StorageRecord = v.InferOutput<typeof StorageRecord>;

export const IntegrityRecord = recordOf('integrity', {
  brokenSeq: count,
  reason: v.string('应为文字'),
});
export type IntegrityRecord = v.InferOutput<typeof IntegrityRecord>;

const RECORD_SCHEMAS = [
  AttemptRecord,
  OutcomeRecord,
  RetentionRecord,
  AdapterProblemRecord,
  StorageRecord,
  IntegrityRecord,
] as const;
const unknownType = (issue: v.BaseIssue<unknown>) => `未知的记录类型 ${JSON.stringify(issue.input)}`;

/** Any record of the log. */
export const LogRecord = v.variant('type', RECORD_SCHEMAS, unknownType);
export type LogRecord = v.InferOutput<typeof LogRecord>;

/** A record before it is linked: what the writer supplies; the chain adds v, seq, prev, hash. */
export type RecordBody<R extends LogRecord = LogRecord> = R extends LogRecord
  ? Omit<R, keyof typeof linkFields> & { time: string }
  : never;

const fromTo = '省略段的 from/to 不是有效序号';
const runEnds = { type: v.literal('omitted'), from: positive(fromTo), to: positive(fromTo) };

/**
 * A run of records left out of a filtered export: only the `prev` of its first record and the
 * `hash` of its last, which is all a verifier needs to follow the chain across it.
 */
export const OmittedRun = v.pipe(
  v.looseObject(runEnds, fromTo),
  v.check((run) => run.to >= run.from, fromTo),
  fieldsOf(
    { ...runEnds, prev: hash('省略段缺少 prev/hash'), hash: hash('省略段缺少 prev/hash') },
    '省略段缺少 prev/hash',
  ),
);
export type OmittedRun = v.InferOutput<typeof OmittedRun>;

/**
 * What the chain verifier (verify.ts) checks of each item of a log: the links and what the chain
 * is followed by in its type of record, or an omitted run. The rest of a record is covered by its
 * hash, and a record that links is never refused for its content: a log stays verifiable
 * whatever version of the extension wrote it.
 */
export const ChainItem = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, notAnObject),
  v.variant('type', [.../* @__PURE__ */ RECORD_TYPES.map((type) => recordOf(type, {})), OmittedRun], unknownType),
);
