/** Reads the settings in force: the editor's choices from storage.local under the admin's policy. */
import browser from 'webextension-polyfill';
import { TimeoutError, within } from '../../utils/bounded';
import { effectiveSettings, type ManagedPolicy, type Settings } from '../../utils/settings';

/**
 * How long the policy may take. `storage.managed.get()` has been seen never to answer (after a
 * tab switch): the settings then come from the policy last read, which is kept in
 * storage.session so a restarted service worker still has it.
 */
export const POLICY_TIMEOUT_MS = 2000;
const CACHE_KEY = 'policyCache';

let lastPolicy: { policy: ManagedPolicy | undefined } | null = null;

async function cachedPolicy(): Promise<{ policy: ManagedPolicy | undefined } | null> {
  if (lastPolicy) return lastPolicy;
  try {
    const stored = (await within(browser.storage.session.get(CACHE_KEY), POLICY_TIMEOUT_MS, 'storage.session'))[
      CACHE_KEY
    ] as { policy?: ManagedPolicy } | undefined;
    return stored ? { policy: stored.policy } : null;
  } catch {
    return null;
  }
}

/**
 * The admin's policy, or undefined where none is set. When it cannot be read in time and was
 * never read before, the answer fails closed: overrides are not allowed until it is known.
 */
export async function readPolicy(): Promise<ManagedPolicy | undefined> {
  let policy: ManagedPolicy | undefined;
  try {
    policy = await within(browser.storage.managed.get(), POLICY_TIMEOUT_MS, 'storage.managed');
  } catch (e) {
    if (!(e instanceof TimeoutError)) {
      // No policy set, or the browser has no managed storage (Firefox without policies.json).
      policy = undefined;
    } else {
      const cached = await cachedPolicy();
      if (cached) return cached.policy;
      return { allowOverride: false };
    }
  }
  if (policy && Object.keys(policy).length === 0) policy = undefined;
  lastPolicy = { policy };
  void browser.storage.session.set({ [CACHE_KEY]: { policy } }).catch(() => undefined);
  return policy;
}

export async function readSettings() {
  const local = await within(browser.storage.local.get('settings'), 2000, 'storage.local');
  const { settings } = local as { settings?: Partial<Settings> };
  return effectiveSettings(settings, await readPolicy());
}
