/** The settings in force for the guard, kept current when the editor or the admin's policy changes them. */
import browser from 'webextension-polyfill';
import { forget } from './lifetime';
import type { OverridePermission } from './flow';
import { sendMessage } from '../utils/messaging';
import type { EditorIdentity } from '../utils/protocol';
import { DEFAULT_SETTINGS, type LockedSettings, type Settings } from '../utils/settings';

/**
 * When to ask again while the policy is not known (no answer, or the background could not read
 * the policy yet): the browser may hand it over seconds later, with or without a change event.
 * Bounded: after the last, only a storage change or an override decision asks again.
 */
export const REASK_AFTER_MS = [2000, 5000, 10_000, 30_000, 60_000] as const;

export class SettingsHost {
  private value: Settings = DEFAULT_SETTINGS;
  private locked: LockedSettings = {};
  private listeners = new Set<(s: Settings) => void>();
  private markReady!: () => void;
  /** Settles once the first answer (or failure) is in: decisions that policy governs wait for it. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private loaded = false;
  private answered = false;
  private policyUnreadable = false;
  private reasks = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private signal?: AbortSignal;

  constructor(private readonly reaskAfter: readonly number[] = REASK_AFTER_MS) {}

  /**
   * Whether the settings are known with the admin's policy in them: policy-governed choices fail
   * closed until they are (the background never answered, or could not read the policy yet).
   */
  get known(): boolean {
    return this.answered && !this.policyUnreadable;
  }

  /** False until the first answer is in. */
  get isReady(): boolean {
    return this.loaded;
  }

  start(signal?: AbortSignal): void {
    this.signal = signal;
    void this.load();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || (area === 'local' && 'settings' in changes)) void this.load();
    };
    browser.storage.onChanged.addListener(listener);
    signal?.addEventListener('abort', () => {
      clearTimeout(this.timer);
      forget(() => browser.storage.onChanged.removeListener(listener));
    });
  }

  get current(): Settings {
    return this.value;
  }

  onChange(listener: (s: Settings) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Whether the editor may publish over findings now. Settings not known are asked for once more
   * first (bounded by the message's own limit): a policy the browser handed over since is used,
   * and one still unread is said to be unread, not taken for the admin's refusal.
   */
  async overridePermission(): Promise<OverridePermission> {
    await this.ready;
    if (!this.known) await this.load();
    if (!this.known) return 'policy-unknown';
    return this.value.allowOverride ? 'allowed' : 'forbidden';
  }

  /**
   * The editor's name and unit the panel should ask for: those neither the policy sets (it locks
   * them) nor the editor gave before. Nothing while the settings are unknown.
   */
  identityToAsk(): { name: boolean; unit: boolean } | undefined {
    if (!this.known) return undefined;
    const name = !this.locked.editorName && !this.value.editorName.trim();
    const unit = !this.locked.editorUnit && !this.value.editorUnit.trim();
    return name || unit ? { name, unit } : undefined;
  }

  /** Keeps the name and unit the editor gave (the background refuses what policy sets). */
  async saveIdentity(identity: EditorIdentity): Promise<void> {
    const answer = await sendMessage('setEditorIdentity', identity);
    this.value = answer.settings;
    this.locked = answer.locked;
  }

  private async load(): Promise<void> {
    try {
      const answer = await sendMessage('getSettings', {});
      this.value = answer.settings;
      this.locked = answer.locked;
      this.answered = true;
      this.policyUnreadable = answer.policyUnreadable === true;
    } catch {
      // Keep the last known settings; the publish check itself does not depend on them.
    } finally {
      // Ready before the listeners run (they read `isReady`: live checking starts on it), and
      // they run even when the answer did not come, so nothing waits on a second try.
      this.loaded = true;
      this.markReady();
      this.scheduleReask();
      for (const l of this.listeners) l(this.value);
    }
  }

  private scheduleReask(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.known) this.reasks = 0;
    if (this.known || this.signal?.aborted) return;
    const delay = this.reaskAfter[this.reasks];
    if (delay === undefined) return;
    this.reasks++;
    this.timer = setTimeout(() => void this.load(), delay);
  }
}
