/** The settings in force for the guard, kept current when the editor or the admin's policy changes them. */
import browser from 'webextension-polyfill';
import { forget } from './lifetime';
import { sendMessage } from '../utils/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../utils/settings';

export class SettingsHost {
  private value: Settings = DEFAULT_SETTINGS;
  private listeners = new Set<(s: Settings) => void>();
  private markReady!: () => void;
  /** Settles once the first answer (or failure) is in: decisions that policy governs wait for it. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private loaded = false;
  private answered = false;

  /** Whether the background ever answered: policy-governed choices fail closed until it has. */
  get known(): boolean {
    return this.answered;
  }

  /** False until the first answer is in. */
  get isReady(): boolean {
    return this.loaded;
  }

  start(signal?: AbortSignal): void {
    void this.load();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || (area === 'local' && 'settings' in changes)) void this.load();
    };
    browser.storage.onChanged.addListener(listener);
    signal?.addEventListener('abort', () => forget(() => browser.storage.onChanged.removeListener(listener)));
  }

  get current(): Settings {
    return this.value;
  }

  onChange(listener: (s: Settings) => void): void {
    this.listeners.add(listener);
  }

  private async load(): Promise<void> {
    try {
      this.value = (await sendMessage('getSettings', {})).settings;
      this.answered = true;
    } catch {
      // Keep the last known settings; the publish check itself does not depend on them.
    } finally {
      // Ready before the listeners run (they read `isReady`: live checking starts on it), and
      // they run even when the answer did not come, so nothing waits on a second try.
      this.loaded = true;
      this.markReady();
      for (const l of this.listeners) l(this.value);
    }
  }
}
