/** The background: wiring only. Each concern lives in its own module beside this file. */
import { defineBackground } from 'wxt/utils/define-background';
import defaultPack from 'virtual:default-pack';
import { serveProtocol } from '../../utils/messaging';
import { completeAttempt, logAttempt, reportAdapterProblem } from './attempts';
import { readSettings } from './settings';

export default defineBackground(() => {
  serveProtocol({
    getActivePack: () => ({ pack: defaultPack, origin: 'bundled' }),
    logAttempt: (data) => logAttempt(data),
    completeAttempt: (data) => completeAttempt(data),
    reportAdapterProblem: (data) => reportAdapterProblem(data),
    getSettings: () => readSettings(),
  });
});
