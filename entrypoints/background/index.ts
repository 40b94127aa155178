/** The background: wiring only. Each concern lives in its own module beside this file. */
import { defineBackground } from 'wxt/utils/define-background';
import defaultPack from 'virtual:default-pack';
import { serveProtocol } from '../../utils/messaging';
import { completeAttempt, logAttempt, reportAdapterProblem } from './attempts';
import { readSettings } from './settings';
import { badgeAdapterProblem, forgetClosedTabs, getTabStatus, reportTabStatus } from './tab-status';

export default defineBackground(() => {
  serveProtocol({
    getActivePack: () => ({ pack: defaultPack, origin: 'bundled' }),
    logAttempt: (data) => logAttempt(data),
    completeAttempt: (data) => completeAttempt(data),
    reportAdapterProblem: async (data, { sender }) => {
      await badgeAdapterProblem(data, sender);
      return reportAdapterProblem(data);
    },
    getSettings: () => readSettings(),
    reportTabStatus: (data, { sender }) => reportTabStatus(data, sender),
    getTabStatus: (data) => getTabStatus(data),
  });
  forgetClosedTabs();
});
