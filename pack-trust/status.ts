/**
 * What the background tells extension pages about rule packs: the active pack, its update
 * history and refusals, the packs an admin can roll back to, and the update schedule. Stored in
 * `storage.local` (keys in PACK_STORAGE_KEYS) so the audit log can mirror the history.
 */
import type { Refusal, RefusalReason } from './admit';
import type { KeySource } from './keys';
import type { ActivePack } from '../utils/protocol';

export const PACK_STORAGE_KEYS = {
  /** ActivePack: the single source of truth content scripts compile their checker from. */
  active: 'activePack',
  /** PackEvent[], oldest first. */
  history: 'packHistory',
  /** ArchivedPack[]: signed files of packs that were active, for explicit rollback. */
  archive: 'packArchive',
  /** Record<pack id, highest version ever activated>: the rollback-attack floor. */
  highWater: 'packHighWater',
  /** UpdateState of the policy URL. */
  update: 'packUpdate',
} as const;

export type PackOrigin = ActivePack['origin'];

export interface PackRef {
  id: string;
  version: string;
}

export type PackEventKind = 'activated' | 'refused' | 'rolled-back' | 'fetch-failed';

export interface PackEvent {
  time: string;
  kind: PackEventKind;
  origin: PackOrigin;
  /** The URL or file name the pack came from. */
  source?: string;
  pack?: PackRef;
  /** The pack that was active before (activated, rolled-back). */
  previous?: PackRef;
  keyIds?: string[];
  reason?: RefusalReason;
  message?: string;
  details?: string[];
  /** The same refusal or failure seen again: how often, and when last. */
  count?: number;
  lastTime?: string;
}

export interface ActivePackSummary extends PackRef {
  name: string;
  issuer: string;
  date: string;
  description?: string;
  /** Rules the pack switches on (severity other than off). */
  ruleCount: number;
  testCount: number;
  origin: PackOrigin;
  activatedAt?: string;
  keyIds?: string[];
  source?: string;
  rollback?: boolean;
}

export interface RollbackTarget extends PackRef {
  /** `bundled`, or `<id>@<version>` of an archived signed pack. */
  target: string;
  name: string;
  date: string;
  origin: PackOrigin;
  source?: string;
  activatedAt?: string;
}

export type UpdateOutcome = 'no-url' | 'not-modified' | 'unchanged' | 'current' | 'activated' | 'refused' | 'failed';

export interface UpdateState {
  url?: string;
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the last body evaluated, so a server without validators is not re-judged each time. */
  bodyHash?: string;
  lastCheck?: string;
  lastOutcome?: UpdateOutcome;
  lastMessage?: string;
}

export interface PackStatus {
  active: ActivePackSummary;
  history: PackEvent[];
  rollbackTargets: RollbackTarget[];
  update: UpdateState & { minutes: number };
  keys: { id: string; name?: string; source: KeySource }[];
  /** Trusted-key entries from policy that were ignored, and why. */
  keyProblems: string[];
}

export type PackOutcome = { ok: true; active: ActivePackSummary } | { ok: false; refusal: Refusal };
