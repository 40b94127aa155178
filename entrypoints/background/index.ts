/** The background: wiring only. Each concern lives in its own module beside this file. */
import { defineBackground } from 'wxt/utils/define-background';
import browser from 'webextension-polyfill';
import defaultPack from 'virtual:default-pack';
import { serveProtocol } from '../../utils/messaging';
import { openLogDb } from '../../utils/db';
import { createAuditLog } from './audit-log';
import { readSettings } from './settings';

export default defineBackground(() => {
  const auditLog = createAuditLog({
    db: openLogDb(),
    settings: async () => (await readSettings()).settings,
    extensionVersion: browser.runtime.getManifest().version,
  });

  serveProtocol({
    getActivePack: () => ({ pack: defaultPack, origin: 'bundled' }),
    logAttempt: (data, { sender }) => auditLog.logAttempt(data, { url: sender.url }),
    completeAttempt: (data, { sender }) => auditLog.completeAttempt(data, { url: sender.url }),
    reportAdapterProblem: (data, { sender }) => auditLog.reportAdapterProblem(data, { url: sender.url }),
    getSettings: () => readSettings(),
  });
});
