/**
 * Settings shared by the guard, the log and the dashboard, and the enterprise policy that may
 * set and lock them. The editor's own choices live in `storage.local` (key `settings`); an admin's
 * policy arrives in `storage.managed` (schema: public/managed-schema.json) and always wins.
 */

/** Keep the full text of each attempt in the log, or only its SHA-256. */
export const LOG_TEXTS = ['full', 'hash'] as const;

export interface Settings {
  /** The editor's name and unit, recorded with every attempt. */
  editorName: string;
  editorUnit: string;
  logText: (typeof LOG_TEXTS)[number];
  /**
   * ID, mobile and bank card numbers in logged text, excerpts and exports: masked (default), or
   * in full when the admin's policy asks for it. Policy only: the editor cannot unmask.
   */
  logPersonalData: 'mask' | 'full';
  /** Live checking while typing, per platform (the publish check always runs). */
  liveCheck: { weibo: boolean; wechat: boolean };
  /** Whether editors may publish over justify/warn findings (with a reason). Block never can. */
  allowOverride: boolean;
  /**
   * Whether a written reason may publish a post whose content the guard could not read (a saved
   * draft the platform did not answer, a request body it cannot parse). Off: such a post is
   * refused. Policy only: the editor cannot turn it on.
   */
  reasonWhenUnreadable: boolean;
}

/** What an admin can set by policy (Windows GPO/registry, Linux JSON, Firefox policies.json). */
export interface ManagedPolicy {
  /** HTTPS URL of the signed pack to fetch on a schedule. */
  packUrl?: string;
  /** Extra trusted pack-signing keys (added to the ones the extension ships with). */
  trustedKeys?: { id: string; publicKey: string }[];
  /** Minutes between pack update checks. */
  packUpdateMinutes?: number;
  logText?: Settings['logText'];
  logPersonalData?: Settings['logPersonalData'];
  allowOverride?: boolean;
  /** Lets a written reason publish content the guard could not read (default off: refused). */
  reasonWhenUnreadable?: boolean;
  editorUnit?: string;
  editorName?: string;
  liveCheck?: Partial<Settings['liveCheck']>;
  /** Delete log entries older than this many days (a retention marker keeps the chain verifiable). */
  retentionDays?: number;
  /** The city's audit collector (https; http only on loopback): every log entry is uploaded there. */
  collectorUrl?: string;
  /** The unit's enrollment code from `govpost-guard collector enroll --unit …`. */
  collectorEnrollmentCode?: string;
  /** Whether draft text and excerpts travel to the collector, or only hashes and finding metadata (default). */
  collectorText?: 'none' | 'full';
}

/**
 * The policy as far as the browser lets it be known. `unreadable`: `storage.managed` did not
 * answer and the policy was never read before; `policy` then holds the strictest answer (no
 * 仍要发布), which must be shown as "could not be read", never as the admin's choice.
 */
export interface PolicyRead {
  policy: ManagedPolicy | undefined;
  unreadable: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  editorName: '',
  editorUnit: '',
  logText: 'full',
  logPersonalData: 'mask',
  liveCheck: { weibo: true, wechat: true },
  allowOverride: true,
  reasonWhenUnreadable: false,
};

export type LockedSettings = { [K in keyof Settings]?: true };

/** The settings in force: defaults, then the editor's choices, then the policy (which locks what it sets). */
export function effectiveSettings(
  local: Partial<Settings> | undefined,
  policy: ManagedPolicy | undefined,
): { settings: Settings; locked: LockedSettings } {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    ...local,
    liveCheck: { ...DEFAULT_SETTINGS.liveCheck, ...local?.liveCheck },
  };
  // Set by policy alone: whatever storage.local says, the editor's side cannot unmask.
  settings.logPersonalData = DEFAULT_SETTINGS.logPersonalData;
  settings.reasonWhenUnreadable = DEFAULT_SETTINGS.reasonWhenUnreadable;
  const locked: LockedSettings = {};
  if (!policy) return { settings, locked };
  for (const key of [
    'editorName',
    'editorUnit',
    'logText',
    'logPersonalData',
    'allowOverride',
    'reasonWhenUnreadable',
  ] as const) {
    if (policy[key] !== undefined) {
      (settings as unknown as Record<string, unknown>)[key] = policy[key];
      locked[key] = true;
    }
  }
  if (policy.liveCheck) {
    settings.liveCheck = { ...settings.liveCheck, ...policy.liveCheck };
    locked.liveCheck = true;
  }
  return { settings, locked };
}
