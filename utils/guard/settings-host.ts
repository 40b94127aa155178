/** The settings in force for the guard, kept current when the editor or the admin's policy changes them. */
import browser from 'webextension-polyfill';
import { sendMessage } from '../messaging';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

export class SettingsHost {
  private value: Settings = DEFAULT_SETTINGS;
  private listeners = new Set<(s: Settings) => void>();

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
    }
  }
}
