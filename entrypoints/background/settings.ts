/** Reads the settings in force: the editor's choices from storage.local under the admin's policy. */
import browser from 'webextension-polyfill';
import { effectiveSettings, type ManagedPolicy, type Settings } from '../../utils/settings';

export async function readPolicy(): Promise<ManagedPolicy | undefined> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // No policy set, or the browser has no managed storage (Firefox without policies.json).
    return undefined;
  }
}

export async function readSettings() {
  const { settings } = (await browser.storage.local.get('settings')) as { settings?: Partial<Settings> };
  return effectiveSettings(settings, await readPolicy());
}
