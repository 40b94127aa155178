/**
 * Wires the pack manager to the extension: storage.local, the admin's policy, a schedule
 * (`alarms`) for the policy URL, and a fresh check whenever the policy changes.
 */
import browser from 'webextension-polyfill';
import defaultPack from 'virtual:default-pack';
import { RULES } from '../../rules/index';
import { BUILTIN_TRUSTED_KEYS } from '../../pack-trust/builtin-keys';
import { SITE_SCHEMA } from '../../adapters/site-schema';
import { PackManager, updateMinutes } from './pack-manager';
import { readPolicy } from './settings';

const ALARM = 'govpost-pack-update';

export const packs = new PackManager({
  store: {
    get: (keys) => browser.storage.local.get(keys),
    set: (items) => browser.storage.local.set(items),
  },
  bundled: defaultPack,
  builtinKeys: BUILTIN_TRUSTED_KEYS,
  readPolicy,
  fetch: (input, init) => fetch(input, init),
  now: () => new Date(),
  rules: RULES,
  sites: SITE_SCHEMA,
});

async function schedule(): Promise<void> {
  const policy = await readPolicy();
  if (!policy?.packUrl) {
    await browser.alarms.clear(ALARM);
    return;
  }
  const periodInMinutes = updateMinutes(policy);
  const existing = await browser.alarms.get(ALARM);
  if (existing?.periodInMinutes !== periodInMinutes)
    await browser.alarms.create(ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

async function checkNow(): Promise<void> {
  await schedule();
  await packs.checkForUpdate();
}

/**
 * The policy changed (followPolicy): a new URL or new keys, so the pack at the URL is judged
 * anew, now, and the schedule follows the new interval.
 */
export function packPolicyChanged(): Promise<void> {
  return packs.resetUpdateState().then(checkNow);
}

/** Call once when the background starts. */
export function startPackUpdates(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void packs.checkForUpdate();
  });
  // Every start of the service worker: bundled pack in place, then the policy URL if a check is due.
  void packs.init().then(async () => {
    await schedule();
    await packs.checkIfDue();
  });
}
