/**
 * When the outbox is sent besides right after a commit: shortly after every start, and on an
 * alarm every minute (timers do not outlive a service worker that the browser stopped; alarms do).
 */
import browser from 'webextension-polyfill';

const ALARM = 'govpost-collector-upload';

export function scheduleUploads(flush: () => Promise<unknown>): void {
  const run = () => void flush().catch((e: unknown) => console.error('上传审计日志失败', e));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) run();
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
  });
  setTimeout(run, 3_000);
}
