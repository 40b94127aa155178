/** Reads the settings in force: the editor's choices from storage.local under the admin's policy. */
import browser from 'webextension-polyfill';
import { TimeoutError, within } from '../../utils/bounded';
import { effectiveSettings, type ManagedPolicy, type PolicyRead, type Settings } from '../../utils/settings';

/**
 * How long the policy (and the editor's settings) may take to read. `storage.managed.get()` has
 * been seen never to answer (after a tab switch, and for a whole browser session when Chromium
 * started its policy service late): the settings then come from the policy last known, which is
 * kept in storage.local so a restarted service worker, and a restarted browser, still have it.
 */
const POLICY_TIMEOUT_MS = 2000;
const CACHE_KEY = 'policyCache';

let lastPolicy: { policy: ManagedPolicy | undefined } | null = null;
/** Policy changes the browser announced (followPolicy): a read begun before one must not undo it. */
let announced = 0;
/** The policy last handed to storage.local, as JSON: it is read on every publish, and rarely changes. */
let keptJson: string | undefined;

async function cachedPolicy(): Promise<{ policy: ManagedPolicy | undefined } | null> {
  if (lastPolicy) return lastPolicy;
  try {
    const stored = (await within(browser.storage.local.get(CACHE_KEY), POLICY_TIMEOUT_MS, 'storage.local'))[
      CACHE_KEY
    ] as { policy?: ManagedPolicy } | undefined;
    return stored ? { policy: stored.policy } : null;
  } catch {
    return null;
  }
}

/** What a policy never read stands for: the strictest answer, until the browser hands it over. */
const FAIL_CLOSED: ManagedPolicy = { allowOverride: false };

/**
 * The admin's policy as far as it is known (see PolicyRead): when it cannot be read in time and
 * was never read before (no copy kept, no change announced), the answer fails closed — no
 * 仍要发布, no collector — and says that it does.
 */
export async function readPolicyState(): Promise<PolicyRead> {
  const before = announced;
  let policy: ManagedPolicy | undefined;
  try {
    policy = await within(browser.storage.managed.get(), POLICY_TIMEOUT_MS, 'storage.managed');
  } catch (e) {
    if (!(e instanceof TimeoutError)) {
      // No policy set, or the browser has no managed storage (Firefox without policies.json).
      policy = undefined;
    } else {
      const cached = await cachedPolicy();
      if (cached) return { policy: cached.policy, unreadable: false };
      return { policy: { ...FAIL_CLOSED }, unreadable: true };
    }
  }
  if (policy && Object.keys(policy).length === 0) policy = undefined;
  // A change announced while this read was under way is newer than what the read answered.
  if (announced !== before && lastPolicy) return { policy: lastPolicy.policy, unreadable: false };
  remember(policy);
  return { policy, unreadable: false };
}

/** The admin's policy, or undefined where none is set; fails closed as readPolicyState says. */
export async function readPolicy(): Promise<ManagedPolicy | undefined> {
  return (await readPolicyState()).policy;
}

function remember(policy: ManagedPolicy | undefined): void {
  lastPolicy = { policy };
  keepPolicy(policy);
}

/**
 * Follows the policy as the browser announces its changes (storage.onChanged, area "managed":
 * each changed key with its new value), and calls `onChange` after each. In a fresh profile
 * Chromium hands the extension its policy a moment after the service worker started: a read
 * before that answers "no policy", and when `storage.managed.get()` then hangs, that stale answer
 * would stay in force from the cache, no collector and no pack URL, until the worker restarts.
 * Call once when the background starts.
 */
export function followPolicy(onChange: (policy: ManagedPolicy | undefined) => void): void {
  browser.storage.onChanged.addListener((changed, area) => {
    if (area !== 'managed') return;
    announced++;
    void (async () => {
      // The keys not in this change are as last known (before any read: the copy a previous
      // service worker kept; in a fresh profile the first announcement holds every key).
      const next: Record<string, unknown> = { ...(lastPolicy ?? (await cachedPolicy()))?.policy };
      for (const [key, { newValue }] of Object.entries(changed)) {
        if (newValue === undefined) delete next[key];
        else next[key] = newValue;
      }
      const policy = Object.keys(next).length ? (next as ManagedPolicy) : undefined;
      remember(policy);
      onChange(policy);
    })();
  });
}

/**
 * Keeps the policy in storage.local when it differs from the one kept last. Plain JSON: a
 * policy that only lists its keys in another order costs one more write, never a missed one.
 */
function keepPolicy(policy: ManagedPolicy | undefined): void {
  const json = JSON.stringify({ policy });
  if (json === keptJson) return;
  keptJson = json;
  void browser.storage.local.set({ [CACHE_KEY]: { policy } }).catch(() => {
    // Not kept: the next read tries again.
    if (keptJson === json) keptJson = undefined;
  });
}

/** The settings in force; `policyUnreadable` when they fail closed on a policy never read (above). */
export async function readSettings(): Promise<ReturnType<typeof effectiveSettings> & { policyUnreadable?: true }> {
  const local = await within(browser.storage.local.get('settings'), POLICY_TIMEOUT_MS, 'storage.local');
  const { settings } = local as { settings?: Partial<Settings> };
  const { policy, unreadable } = await readPolicyState();
  return { ...effectiveSettings(settings, policy), ...(unreadable ? { policyUnreadable: true as const } : {}) };
}
