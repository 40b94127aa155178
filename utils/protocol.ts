/**
 * The one message protocol between the extension's contexts. Each method takes exactly one
 * `data` argument and answers asynchronously; callers and handlers are typed from this
 * interface, so a request and its answer cannot drift apart, and the background's handler table
 * must cover every method (see utils/messaging.ts).
 */
import type { Pack } from '../rules/engine/pack';
import type { DraftKind, Finding, Platform, RuleError, Verdict } from '../rules/engine/types';
import type { LockedSettings, Settings } from './settings';

/** Who may call a method: content scripts on the guarded sites, or the extension's own pages. */
export type CallerKind = 'content' | 'extension';

export interface ActivePack {
  pack: Pack;
  /** Where the active pack came from. */
  origin: 'bundled' | 'policy' | 'import';
}

/** What the editor finally did with an attempt. `pending` until the attempt is completed. */
export type Decision = 'pending' | 'published' | 'published-with-reason' | 'blocked' | 'cancelled' | 'check-failed';

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
  verdict: Verdict | 'error';
  findings: Finding[];
  errors: RuleError[];
  pack: { id: string; version: string };
}

export interface AttemptCompletion {
  id: string;
  decision: Exclude<Decision, 'pending'>;
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
  storage: { level: 'ok' | 'warning' | 'critical'; usage?: number; quota?: number; message?: string };
  /** The last break the background's daily check found and recorded, if any. */
  lastIntegrityProblem: { time: string; seq: number; reason: string } | null;
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

export interface Protocol extends AuditProtocol {
  /** The pack content scripts and pages compile their checker from. */
  getActivePack(data: Record<string, never>): ActivePack;
  /** Stores an attempt as pending and answers its id; the post may go only after this answer. */
  logAttempt(data: AttemptStart): { id: string } & LogAttemptExtras;
  /** Completes a pending attempt with the editor's decision. */
  completeAttempt(data: AttemptCompletion): { ok: true };
  reportAdapterProblem(data: AdapterProblem): { ok: true };
  /** The settings in force, and which of them the admin's policy locks. */
  getSettings(data: Record<string, never>): { settings: Settings; locked: LockedSettings };
}

/** Which callers each method accepts; the background rejects everything else. */
export const ACCESS: { readonly [K in keyof Protocol]: readonly CallerKind[] } = {
  getActivePack: ['content', 'extension'],
  logAttempt: ['content'],
  completeAttempt: ['content'],
  reportAdapterProblem: ['content'],
  getSettings: ['content', 'extension'],
  ...AUDIT_ACCESS,
};
