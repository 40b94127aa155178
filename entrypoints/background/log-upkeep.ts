/**
 * Keeping the log healthy without anyone asking: a daily check (verify the chain, apply the
 * retention policy, re-estimate storage) on an alarm and shortly after each start, and the
 * toolbar badge that tells the editor when storage runs low.
 */
import browser from 'webextension-polyfill';
import type { StorageLevel } from '../../audit/record';

const ALARM = 'govpost-audit-maintenance';
const DAY_MINUTES = 24 * 60;

export function scheduleLogMaintenance(maintain: () => Promise<unknown>): void {
  const run = () => maintain().catch((e: unknown) => console.error('审计日志日常检查失败', e));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void run();
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
  });
  browser.runtime.onStartup.addListener(() => void run());
}

const BADGE: Record<StorageLevel, { text: string; color: string }> = {
  ok: { text: '', color: '#00000000' },
  warning: { text: '!', color: '#d97706' },
  critical: { text: '!', color: '#dc2626' },
};

export function showStorageLevel(level: StorageLevel, message: string | undefined): void {
  const action = browser.action ?? browser.browserAction;
  void action.setBadgeText({ text: BADGE[level].text });
  if (level !== 'ok') void action.setBadgeBackgroundColor({ color: BADGE[level].color });
  const name = browser.i18n.getMessage('extName');
  void action.setTitle({ title: message ? `${name}\n${message}` : name });
}
