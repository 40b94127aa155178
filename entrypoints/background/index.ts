/** The background: wiring only. Each concern lives in its own module beside this file. */
import { defineBackground } from 'wxt/utils/define-background';
import browser from 'webextension-polyfill';
import { serveProtocol } from '../../utils/messaging';
import { openLogDb, recordsAfter } from '../../audit/db';
import type { Settings } from '../../utils/settings';
import { createAuditLog } from './audit-log';
import { browserAnchorStore } from './log-anchor-storage';
import { openOutboxDb } from './outbox';
import { browserDataConsent } from './data-consent';
import { createUploader } from './uploader';
import { scheduleUploads } from './upload-schedule';
import { scheduleLogMaintenance, showStorageLevel } from './log-upkeep';
import { lastReview, rememberReview } from './last-review';
import { installNetworkFloor } from './network-floor';
import { packPolicyChanged, packs, startPackUpdates } from './packs';
import { saveSettings, type SettingsStore } from './save-settings';
import { followPolicy, readPolicy, readPolicyState, readSettings } from './settings';
import { badgeAdapterProblem, forgetClosedTabs, getTabStatus, reportTabStatus } from './tab-status';

export default defineBackground(() => {
  // First: publish requests from workers, other sites and forms are refused from the start.
  void installNetworkFloor();
  const logDb = openLogDb();
  const extensionVersion = browser.runtime.getManifest().version;
  const uploader = createUploader({
    db: openOutboxDb(),
    policy: readPolicyState,
    log: { recordsAfter: (seq, limit) => recordsAfter(logDb, seq, limit), recordAt: (seq) => logDb.records.get(seq) },
    acknowledge: (ack) => auditLog.acknowledge(ack),
    extensionVersion,
    consent: browserDataConsent(),
  });
  const auditLog = createAuditLog({
    db: logDb,
    settings: async () => (await readSettings()).settings,
    extensionVersion,
    estimate: async () => {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      return { usage, quota };
    },
    onStorageLevel: showStorageLevel,
    anchors: browserAnchorStore(),
    // Never awaited: a publish does not wait for the outbox, let alone the collector.
    onCommit: (record) => void uploader.enqueue(record),
  });
  scheduleUploads(() => uploader.flush());
  // One listener for policy changes; each part that depends on the policy reacts to it here.
  followPolicy(() => {
    void uploader.policyChanged().catch((e: unknown) => console.error('上传审计日志失败', e));
    void packPolicyChanged().catch((e: unknown) => console.error('规则包更新检查失败', e));
  });
  // Check the log against its anchors on start, not only at the first append.
  void auditLog.head().catch((e: unknown) => console.error('审计日志启动检查失败', e));
  scheduleLogMaintenance(async () => auditLog.maintain((await readPolicy())?.retentionDays));

  const settingsStore: SettingsStore = {
    readLocal: async () => ((await browser.storage.local.get('settings')) as { settings?: Partial<Settings> }).settings,
    writeLocal: (settings) => browser.storage.local.set({ settings }),
    effective: readSettings,
  };
  serveProtocol({
    getActivePack: () => packs.active(),
    logAttempt: async (data, { sender }) => {
      await packs.assertActive(data.pack);
      return auditLog.logAttempt(data, { url: sender.url });
    },
    completeAttempt: async (data, { sender }) => {
      const done = await auditLog.completeAttempt(data, { url: sender.url });
      // Logged, so the request was well-formed: its 三审 record fills the next form in.
      if (data.review) void rememberReview(data.review).catch(() => undefined);
      return done;
    },
    reportAdapterProblem: async (data, { sender }) => {
      await badgeAdapterProblem(data, sender);
      return auditLog.reportAdapterProblem(data, { url: sender.url });
    },
    getSettings: () => readSettings(),
    getLogStatus: async () => ({ ...(await auditLog.status()), collector: await uploader.status() }),
    getUploadStatus: () => uploader.status(),
    noteChainVerified: (data) => auditLog.noteChainVerified(data),
    saveSettings: (data) => saveSettings(data, settingsStore),
    setEditorIdentity: (data) => saveSettings(data, settingsStore, 'setEditorIdentity'),
    getLastReview: () => lastReview(),
    getPackStatus: () => packs.status(),
    importPack: (data) => packs.importFile(data.text, data.name),
    rollbackPack: (data) => packs.rollback(data.target),
    checkPackUpdate: () => packs.checkForUpdate(),
    reportTabStatus: (data, { sender }) => reportTabStatus(data, sender),
    getTabStatus: (data) => getTabStatus(data),
  });
  startPackUpdates();
  forgetClosedTabs();
});
