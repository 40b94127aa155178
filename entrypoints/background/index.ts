/** The background: wiring only. Each concern lives in its own module beside this file. */
import { defineBackground } from 'wxt/utils/define-background';
import { serveProtocol } from '../../utils/messaging';
import { completeAttempt, logAttempt, reportAdapterProblem } from './attempts';
import { packs, startPackUpdates } from './packs';
import { readSettings } from './settings';
import { badgeAdapterProblem, forgetClosedTabs, getTabStatus, reportTabStatus } from './tab-status';

export default defineBackground(() => {
  serveProtocol({
    getActivePack: () => packs.active(),
    logAttempt: async (data) => {
      await packs.assertActive(data.pack);
      return logAttempt(data);
    },
    completeAttempt: (data) => completeAttempt(data),
    reportAdapterProblem: async (data, { sender }) => {
      await badgeAdapterProblem(data, sender);
      return reportAdapterProblem(data);
    },
    getSettings: () => readSettings(),
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
