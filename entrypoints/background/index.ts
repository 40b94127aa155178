/** The background: wiring only. Each concern lives in its own module beside this file. */
import { defineBackground } from 'wxt/utils/define-background';
import { serveProtocol } from '../../utils/messaging';
import { completeAttempt, logAttempt, reportAdapterProblem } from './attempts';
import { packs, startPackUpdates } from './packs';
import { readSettings } from './settings';

export default defineBackground(() => {
  serveProtocol({
    getActivePack: () => packs.active(),
    logAttempt: async (data) => {
      await packs.assertActive(data.pack);
      return logAttempt(data);
    },
    completeAttempt: (data) => completeAttempt(data),
    reportAdapterProblem: (data) => reportAdapterProblem(data),
    getSettings: () => readSettings(),
    getPackStatus: () => packs.status(),
    importPack: (data) => packs.importFile(data.text, data.name),
    rollbackPack: (data) => packs.rollback(data.target),
    checkPackUpdate: () => packs.checkForUpdate(),
  });
  startPackUpdates();
});
