/** The settings in force for the guard, kept current when the editor or the admin's policy changes them. */
import browser from 'webextension-polyfill';
import { sendMessage } from '../utils/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../utils/settings';

export class SettingsHost {
  private value: Settings = DEFAULT_SETTINGS;
  private listeners = new Set<(s: Settings) => void>();
  private markReady!: () => void;
  /** Settles once the first answer (or failure) is in: decisions that policy governs wait for it. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private loaded = false;

  /** False until the first answer is in. */
  get isReady(): boolean {
    return this.loaded;
  }

  start(): void {
    void this.load();
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed' || (area === 'local' && 'settings' in changes)) void this.load();
    });
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
      for (const l of this.listeners) l(this.value);
    } catch {
      // Keep the last known settings; the publish check itself does not depend on them.
    } finally {
      this.loaded = true;
      this.markReady();
    }
  }
}
