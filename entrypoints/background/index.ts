/** The background: wiring only. Each concern lives in its own module beside this file. */
import { defineBackground } from 'wxt/utils/define-background';
import browser from 'webextension-polyfill';
import defaultPack from 'virtual:default-pack';
import { serveProtocol } from '../../utils/messaging';
import { openLogDb } from '../../utils/db';
import type { Settings } from '../../utils/settings';
import { createAuditLog } from './audit-log';
import { scheduleLogMaintenance, showStorageLevel } from './log-upkeep';
import { saveSettings } from './save-settings';
import { readPolicy, readSettings } from './settings';

export default defineBackground(() => {
  const auditLog = createAuditLog({
    db: openLogDb(),
    settings: async () => (await readSettings()).settings,
    extensionVersion: browser.runtime.getManifest().version,
    estimate: async () => {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      return { usage, quota };
    },
    onStorageLevel: showStorageLevel,
  });
  scheduleLogMaintenance(async () => auditLog.maintain((await readPolicy())?.retentionDays));

  serveProtocol({
    getActivePack: () => ({ pack: defaultPack, origin: 'bundled' }),
    logAttempt: (data, { sender }) => auditLog.logAttempt(data, { url: sender.url }),
    completeAttempt: (data, { sender }) => auditLog.completeAttempt(data, { url: sender.url }),
    reportAdapterProblem: (data, { sender }) => auditLog.reportAdapterProblem(data, { url: sender.url }),
    getSettings: () => readSettings(),
    getLogStatus: () => auditLog.status(),
    saveSettings: (data) =>
      saveSettings(data, {
        readLocal: async () => ((await browser.storage.local.get('settings')) as { settings?: Partial<Settings> }).settings,
        writeLocal: (settings) => browser.storage.local.set({ settings }),
        effective: readSettings,
      }),
  });
});
