/**
 * The one message protocol between the extension's contexts. Each method takes exactly one
 * `data` argument and answers asynchronously; callers and handlers are typed from this
 * interface, so a request and its answer cannot drift apart, and the background's handler table
 * must cover every method (see utils/messaging.ts).
 */
import type { Pack } from '../rules/engine/pack';
import type { PackOutcome, PackStatus, UpdateOutcome } from '../pack-trust/status';
import type { CheckVerdict, DraftKind, Finding, Platform, RuleError } from '../rules/engine/types';
import type { StorageLevel } from '../audit/record';
import type { LockedSettings, Settings } from './settings';

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

/** A publish attempt as a content script reports it, before the post may leave (write-ahead). */
export interface AttemptStart {
  platform: Platform;
  kind: DraftKind;
  /** The adapter's name for the page (home, comment, article-editor, image-post…). */
  page: string;
  account?: { name: string; id?: string };
  url: string;
  title?: string;
  text: string;
  verdict: CheckVerdict;
  findings: Finding[];
  errors: RuleError[];
  pack: { id: string; version: string };
}

export interface AttemptCompletion {
  id: string;
  decision: FinalDecision;
  /** The editor's written reason (发布理由) for justify/warn overrides and check failures. */
  reason?: string;
}

/** An adapter could not find what it guards: the platform changed its page. Never silent. */
export interface AdapterProblem {
  platform: Platform;
  page: string;
  url: string;
  /** What is missing, e.g. 找不到发布按钮. */
  problem: string;
}

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
  /** Uploads to the city's collector, when the policy names one (entrypoints/background/uploader.ts). */
  collector?: UploadStatus;
}

/**
 * Where uploads to the city's collector stand. `needs-consent`: the browser (Firefox's data
 * collection consent) has not allowed the log to leave yet; nothing is sent meanwhile.
 */
export type UploadState =
  'off' | 'idle' | 'sending' | 'retrying' | 'revoked' | 'not-enrolled' | 'misconfigured' | 'needs-consent';

export interface UploadStatus {
  state: UploadState;
  url?: string;
  deviceId?: string;
  unit?: string;
  pending: number;
  lastSuccess?: string;
  lastError?: string;
  nextAttempt?: string;
}

/** Settings an editor or auditor changes on the dashboard; those the policy locks are refused. */
export type SettingsChange = Partial<Omit<Settings, 'liveCheck'>> & { liveCheck?: Partial<Settings['liveCheck']> };

interface AuditProtocol {
  /** The log's head, storage level and last recorded integrity problem. */
  getLogStatus(data: Record<string, never>): LogStatus;
  /** Saves the editor's own settings and answers the settings now in force. */
  saveSettings(data: SettingsChange): { settings: Settings; locked: LockedSettings };
}

const AUDIT_ACCESS: { readonly [K in keyof AuditProtocol]: readonly CallerKind[] } = {
  getLogStatus: ['extension'],
  saveSettings: ['extension'],
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
  /** The settings in force, and which of them the admin's policy locks. */
  getSettings(data: Record<string, never>): { settings: Settings; locked: LockedSettings };
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
