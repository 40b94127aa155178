/**
 * The one message protocol between the extension's contexts. Each method takes exactly one
 * `data` argument and answers asynchronously; callers and handlers are typed from this
 * interface, so a request and its answer cannot drift apart, and the background's handler table
 * must cover every method (see utils/messaging.ts).
 *
 * What less trusted contexts send (a content script's attempt, completion and adapter problem; a
 * page's settings change) is described by a valibot schema here, and its type is inferred from
 * it: the background parses every such request with `parseRequest`, so a compromised or buggy
 * content script can still only append well-formed, bounded records, and anything else is refused
 * with a message naming the field.
 */
import * as v from 'valibot';
import type { Anchor } from '../audit/anchor';
import type { Pack } from '../rules/engine/pack';
import type { PackOutcome, PackStatus, UpdateOutcome } from '../pack-trust/status';
import { bool, describeIssues, int, list, oneOf, pair, pathTo, strictRecord, text } from '../rules/engine/schema';
import {
  CATEGORIES,
  CHECK_VERDICTS,
  DRAFT_KINDS,
  FINDING_SEVERITIES,
  ID_PATTERN,
  isFieldName,
  PLATFORMS,
  VERSION_PATTERN,
  type CheckVerdict,
  type DraftKind,
  type FieldName,
  type Finding,
  type Platform,
} from '../rules/engine/types';
import type { StorageLevel } from '../audit/record';
import { LOG_TEXTS, type LockedSettings, type Settings } from './settings';

/** Who may call a method: content scripts on the guarded sites, or the extension's own pages. */
export type CallerKind = 'content' | 'extension';

/** Stored in `storage.local` under `activePack`; content scripts recompile when it changes. */
export interface ActivePack {
  pack: Pack;
  /** Where the active pack came from: shipped in the extension, the policy URL, a dashboard import. */
  origin: 'bundled' | 'policy' | 'import';
  activatedAt?: string;
  /** The trusted keys whose signatures were verified (none for the bundled pack). */
  keyIds?: string[];
  /** The URL or file name it came from. */
  source?: string;
  /** Activated by an admin's explicit rollback. */
  rollback?: boolean;
}

/** What the editor finally did with an attempt, once the attempt is completed. */
export const FINAL_DECISIONS = ['published', 'published-with-reason', 'blocked', 'cancelled', 'check-failed'] as const;
export type FinalDecision = (typeof FINAL_DECISIONS)[number];
/** An attempt's decision: `pending` until it is completed. */
export type Decision = 'pending' | FinalDecision;

/** Bounds: generous for real posts (a WeChat article is at most 20,000 characters), small for abuse. */
export const LIMITS = {
  text: 200_000,
  title: 1_000,
  url: 4_096,
  name: 200,
  findings: 5_000,
  errors: 200,
  excerpt: 2_000,
  message: 2_000,
  reason: 2_000,
  problem: 500,
  offset: 1_000_000,
} as const;

const platform = oneOf(PLATFORMS);
const ruleId = text(64, { pattern: ID_PATTERN, what: '应为小写字母、数字和连字符组成的规则 id' });
/** The adapter's name for the page (home, comment, article-editor, image-post…). */
const page = text(64, { pattern: /^[a-z][a-z0-9-]{0,63}$/, what: '应为小写字母、数字和连字符组成的页面名' });
const httpsUrl = v.pipe(
  text(LIMITS.url, { min: 1 }),
  v.check((s) => URL.canParse(s) && new URL(s).protocol === 'https:', '应为 https:// 网址'),
);
const offset = int(0, LIMITS.offset);

/**
 * A finding's fields as a content script reports them. The log keeps them too (audit/record.ts
 * LoggedFinding), without the quoting fields when the policy keeps only the text's hash.
 */
export const findingFields = {
  ruleId,
  messageId: text(64, { min: 1, pattern: /^[A-Za-z0-9_.-]+$/, what: '应为字母、数字、下划线、点或连字符' }),
  category: oneOf(CATEGORIES),
  severity: oneOf(FINDING_SEVERITIES),
  field: v.pipe(
    text(32),
    v.check((s) => isFieldName(s), '不是已知的字段名'),
    v.transform((s) => s as FieldName),
  ),
  range: v.pipe(pair(offset, offset), v.readonly()),
  excerpt: text(LIMITS.excerpt),
  message: text(LIMITS.message),
  suggestion: v.optional(text(LIMITS.excerpt)),
  basis: text(1_000),
};

const FindingMessage = strictRecord({
  ...findingFields,
  // The places inside the range that weighed most in a model's judgement (Finding.spans).
  spans: v.optional(
    list(strictRecord({ range: v.pipe(pair(offset, offset), v.readonly()), excerpt: text(LIMITS.excerpt) }), 8),
  ),
});

/**
 * A publish attempt's fields as a content script reports them. Its record in the log keeps them
 * (audit/record.ts AttemptRecord), the text and the findings' quotes as the policy says.
 */
export const attemptFields = {
  platform,
  kind: oneOf(DRAFT_KINDS),
  page,
  account: v.optional(strictRecord({ name: text(LIMITS.name, { min: 1 }), id: v.optional(text(LIMITS.name)) })),
  url: httpsUrl,
  title: v.optional(text(LIMITS.title)),
  text: text(LIMITS.text),
  verdict: oneOf(CHECK_VERDICTS),
  findings: list(FindingMessage, LIMITS.findings),
  errors: list(strictRecord({ ruleId, message: text(LIMITS.message) }), LIMITS.errors),
  pack: strictRecord({
    id: ruleId,
    version: text(32, { pattern: VERSION_PATTERN, what: '应为 主版本.次版本.修订号' }),
  }),
};

/** A publish attempt as a content script reports it, before the post may leave (write-ahead). */
export const AttemptStart = v.pipe(
  strictRecord(attemptFields),
  // Each finding's range must lie inside the field it names.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const start = dataset.value;
    for (const [i, f] of start.findings.entries()) {
      const [from, to] = f.range;
      const path = pathTo(start, 'findings', i, 'range');
      if (from > to) return addIssue({ message: '起点大于终点', path });
      const field = f.field === 'body' ? start.text : f.field === 'title' ? start.title : undefined;
      if (field !== undefined && to > field.length)
        return addIssue({ message: `超出 ${f.field} 的长度 ${field.length}`, path });
    }
  }),
);
export type AttemptStart = v.InferOutput<typeof AttemptStart>;

/**
 * The five checks of the 三审 process (《保定市政务新媒体管理办法》第十三条：严把政治关、法律关、政策关、
 * 保密关、文字关), in that order. Where the pack asks for it (`review.justify`), an override of a
 * justify-level finding names who passed each.
 */
export const REVIEW_GATES = ['political', 'legal', 'policy', 'secrecy', 'wording'] as const;
export type ReviewGate = (typeof REVIEW_GATES)[number];

// As long as the editor's own name (EditorIdentity).
const reviewer = text(50, { min: 1 });
/** Who passed each of the five checks (三审记录): a name each, none empty. */
export const Review = strictRecord({
  political: reviewer,
  legal: reviewer,
  policy: reviewer,
  secrecy: reviewer,
  wording: reviewer,
} satisfies Record<ReviewGate, typeof reviewer>);
export type Review = v.InferOutput<typeof Review>;

/** The editor's name and unit as a completion carries them (as long as EditorIdentity allows). */
export const CompletionEditor = strictRecord({ name: text(50), unit: text(100) });

export const AttemptCompletion = v.pipe(
  strictRecord({
    id: text(36, {
      pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      what: '不是发布尝试的 id',
    }),
    decision: oneOf(FINAL_DECISIONS),
    /** The editor's written reason (发布理由) for justify/warn overrides and check failures. */
    reason: v.optional(text(LIMITS.reason)),
    /** Who passed each 关, where the pack asks for the 三审 record of a justify-level override. */
    review: v.optional(Review),
    /**
     * The editor's name and unit as the content script holds them at the decision (the panel may
     * have just asked for them): the background fills what the attempt's own `editor` lacks.
     */
    editor: v.optional(CompletionEditor),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const done = dataset.value;
    if (done.decision === 'published-with-reason' && !done.reason?.trim())
      addIssue({ message: '「仍要发布」必须写明理由', path: pathTo(done, 'reason') });
    if (done.review && done.decision !== 'published-with-reason')
      addIssue({ message: '只有「仍要发布」才有三审记录', path: pathTo(done, 'review') });
  }),
);
export type AttemptCompletion = v.InferOutput<typeof AttemptCompletion>;

/** An adapter could not find what it guards: the platform changed its page. Never silent. */
export const AdapterProblem = strictRecord({
  platform,
  page,
  url: httpsUrl,
  /** What is missing, e.g. 找不到发布按钮. */
  problem: text(LIMITS.problem, { min: 1 }),
});
export type AdapterProblem = v.InferOutput<typeof AdapterProblem>;

// ── Audit log and dashboard (issue 4) ─────────────────────────────────────────────────────────

/** Given with logAttempt's answer when the log's storage is nearly full: the panel shows it. */
export interface LogAttemptExtras {
  storageWarning?: string;
}

/** The log as the background sees it, for the popup and the dashboard. */
export interface LogStatus {
  head: { seq: number; hash: string } | null;
  storage: { level: StorageLevel; usage?: number; quota?: number; message?: string };
  /** The last break the background's daily check found and recorded, if any. */
  lastIntegrityProblem: { time: string; seq: number; reason: string } | null;
  /**
   * Every time the log no longer matched a copy of its head kept outside it (storage.local, the
   * background's memory, the collector's acknowledged head): never cleared. See audit/anchor.ts.
   */
  anchorBreaks: { time: string; kind: 'emptied' | 'truncated' | 'rewritten'; source: string; reason: string }[];
  /**
   * The copies of the head kept outside the log now (the background's memory, storage.local, the
   * collector's acknowledged head), so a page that reads the log can check it against them too.
   */
  anchors: Anchor[];
  /** Uploads to the city's collector, when the policy names one (entrypoints/background/uploader.ts). */
  collector?: UploadStatus;
}

/**
 * Where uploads to the city's collector stand. `needs-consent`: the browser (Firefox's data
 * collection consent) has not allowed the log to leave yet; nothing is sent meanwhile.
 * `policy-unreadable`: the admin's policy could not be read yet, so whether and where to upload
 * is not known; entries wait in this browser.
 */
export type UploadState =
  | 'off'
  | 'idle'
  | 'sending'
  | 'retrying'
  | 'revoked'
  | 'not-enrolled'
  | 'misconfigured'
  | 'needs-consent'
  | 'policy-unreadable';

export interface UploadStatus {
  state: UploadState;
  url?: string;
  deviceId?: string;
  unit?: string;
  pending: number;
  /**
   * Entries the collector refused for their content (a record that no longer matches its hash):
   * kept in this browser apart from the outbox, so they never hold up the entries after them.
   */
  refused?: number;
  /** The last refusal: which entry, in the collector's words. */
  lastRefused?: string;
  lastSuccess?: string;
  lastError?: string;
  nextAttempt?: string;
}

/** Settings an editor or auditor changes on the dashboard; those the policy locks are refused. */
export const SettingsChange = strictRecord({
  editorName: v.optional(text(50)),
  editorUnit: v.optional(text(100)),
  logText: v.optional(oneOf(LOG_TEXTS)),
  liveCheck: v.optional(strictRecord({ weibo: v.optional(bool), wechat: v.optional(bool) })),
  allowOverride: v.optional(bool),
});
export type SettingsChange = v.InferOutput<typeof SettingsChange>;

/**
 * A page verified the chain through `head` (from its start when `full`, else resumed after the
 * checkpoint): the background moves the checkpoint there (audit/db.ts CheckpointRow), or drops it
 * when a full verification failed, so the next reader starts over instead of trusting it.
 */
export const ChainVerified = strictRecord({
  ok: bool,
  full: bool,
  head: v.optional(
    strictRecord({
      seq: int(1, Number.MAX_SAFE_INTEGER),
      hash: text(64, { pattern: /^[0-9a-f]{64}$/, what: '应为 64 位十六进制哈希' }),
    }),
  ),
  records: int(0, Number.MAX_SAFE_INTEGER),
  attempts: int(0, Number.MAX_SAFE_INTEGER),
});
export type ChainVerified = v.InferOutput<typeof ChainVerified>;

/**
 * The editor's name and unit, given once in the panel the first time they publish over findings
 * where the policy does not set them. Those the policy sets are refused.
 */
export const EditorIdentity = strictRecord({
  editorName: v.optional(text(50, { min: 1 })),
  editorUnit: v.optional(text(100, { min: 1 })),
});
export type EditorIdentity = v.InferOutput<typeof EditorIdentity>;

interface AuditProtocol {
  /** The log's head, storage level and last recorded integrity problem. */
  getLogStatus(data: Record<string, never>): LogStatus;
  /**
   * Uploads to the collector alone: what the popup polls. Unlike getLogStatus it never waits in
   * the log's queue, so an open popup cannot delay a publish's write-ahead entry.
   */
  getUploadStatus(data: Record<string, never>): UploadStatus;
  /** Moves (or drops) the checkpoint after a page verified the chain; answers whether it moved. */
  noteChainVerified(data: ChainVerified): { saved: boolean };
  /** Saves the editor's own settings and answers the settings now in force. */
  saveSettings(data: SettingsChange): { settings: Settings; locked: LockedSettings };
  /** Keeps the editor's name and unit the panel asked for; answers the settings now in force. */
  setEditorIdentity(data: EditorIdentity): { settings: Settings; locked: LockedSettings };
  /**
   * The 三审 record of the last override that carried one on this browser, for the panel to fill
   * its form in again (editors mostly name the same reviewers). Kept outside the log.
   */
  getLastReview(data: Record<string, never>): { review?: Review };
}

const AUDIT_ACCESS: { readonly [K in keyof AuditProtocol]: readonly CallerKind[] } = {
  getLogStatus: ['extension'],
  getUploadStatus: ['extension'],
  noteChainVerified: ['extension'],
  saveSettings: ['extension'],
  setEditorIdentity: ['content'],
  getLastReview: ['content'],
};

// ───────────────────────────────────────────────────────────────────────────────────────────────

export interface Protocol extends AuditProtocol, TabStatusProtocol {
  /** The pack content scripts and pages compile their checker from. */
  getActivePack(data: Record<string, never>): ActivePack;
  /** Stores an attempt as pending and answers its id; the post may go only after this answer. */
  logAttempt(data: AttemptStart): { id: string } & LogAttemptExtras;
  /** Completes a pending attempt with the editor's decision. */
  completeAttempt(data: AttemptCompletion): { ok: true };
  reportAdapterProblem(data: AdapterProblem): { ok: true };
  /**
   * The settings in force, and which of them the admin's policy locks. `policyUnreadable`: the
   * policy could not be read (the browser has not handed it over) and never was, so these fail
   * closed; say so, and ask again before relying on them.
   */
  getSettings(data: Record<string, never>): { settings: Settings; locked: LockedSettings; policyUnreadable?: true };
  /** The active pack, its history and refusals, rollback targets, update schedule, trusted keys. */
  getPackStatus(data: Record<string, never>): PackStatus;
  /** Verifies and activates a signed pack file an admin chose (air-gapped networks). */
  importPack(data: { text: string; name: string }): PackOutcome;
  /** Explicitly returns to an earlier pack (`bundled` or a RollbackTarget's `target`); logged. */
  rollbackPack(data: { target: string }): PackOutcome;
  /** Fetches the policy's pack URL now instead of waiting for the schedule. */
  checkPackUpdate(data: Record<string, never>): { outcome: UpdateOutcome; message?: string };
}

/** Which callers each method accepts; the background rejects everything else. */
export const ACCESS: { readonly [K in keyof Protocol]: readonly CallerKind[] } = {
  getActivePack: ['content', 'extension'],
  logAttempt: ['content'],
  completeAttempt: ['content'],
  reportAdapterProblem: ['content'],
  getSettings: ['content', 'extension'],
  getPackStatus: ['extension'],
  importPack: ['extension'],
  rollbackPack: ['extension'],
  checkPackUpdate: ['extension'],
  // Per-tab guard status (see TabStatusProtocol).
  reportTabStatus: ['content'],
  getTabStatus: ['extension'],
  ...AUDIT_ACCESS,
};

// ---------------------------------------------------------------------------------------------
// Per-tab guard status, for the toolbar popup and badge. A content script reports what it guards
// on its tab; the popup asks for the active tab's status.

/** What the guard on one tab knows: shown in the toolbar popup. */
export interface TabStatus {
  adapter: { id: string; label: string };
  platform: Platform;
  /** The adapter's page kind, or null on a page of the platform the adapter does not guard. */
  page: string | null;
  /** The page kind's Chinese name. */
  pageLabel?: string;
  /** The MAIN-world network gate answered the handshake. */
  networkGate: boolean;
  pack?: { id: string; version: string; name: string };
  /** The last check on this tab (publish attempt or live check). */
  lastCheck?: {
    time: string;
    source: 'publish' | 'live';
    kind: DraftKind;
    verdict: CheckVerdict;
    findings: Finding[];
    decision?: FinalDecision;
  };
  /** Adapter problems still present on the page (what the editor sees in the notice). */
  problems: string[];
}

export interface TabStatusProtocol {
  /** The content script's status for its own tab (the sender's tab). */
  reportTabStatus(data: TabStatus): { ok: true };
  /** A tab's last reported status, or null where no guard runs. */
  getTabStatus(data: { tabId: number }): TabStatus | null;
}

/** The request schema of each method whose callers are less trusted than the background. */
const REQUESTS = {
  logAttempt: AttemptStart,
  completeAttempt: AttemptCompletion,
  reportAdapterProblem: AdapterProblem,
  saveSettings: SettingsChange,
  noteChainVerified: ChainVerified,
  setEditorIdentity: EditorIdentity,
} as const;

export class InvalidRequest extends Error {}

/**
 * A request's data as its method's schema accepts it, or an InvalidRequest naming the method and
 * the first problem with its path: 「logAttempt」参数无效：findings[0].range：起点大于终点.
 */
export function parseRequest<K extends keyof typeof REQUESTS>(
  method: K,
  input: unknown,
): v.InferOutput<(typeof REQUESTS)[K]> {
  const result = v.safeParse(REQUESTS[method], input, { abortPipeEarly: true });
  if (result.success) return result.output;
  const [problem = '格式不对'] = describeIssues(result.issues, { root: '参数' });
  throw new InvalidRequest(`「${method}」参数无效：${problem}`);
}
