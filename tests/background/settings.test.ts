/**
 * The policy in force in the background (entrypoints/background/settings.ts): read from
 * storage.managed, and followed through the browser's change announcements when a read answered
 * before the policy arrived and later reads hang.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;
interface Fake {
  managed: (() => Promise<Record<string, unknown>>)[];
  /** storage.local: kept across service-worker and browser restarts. */
  local: Record<string, unknown>;
  listeners: Listener[];
}
const fake = vi.hoisted((): Fake => ({ managed: [], local: {}, listeners: [] }));

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      managed: { get: () => (fake.managed.shift() ?? (() => new Promise(() => undefined)))() },
      local: {
        get: async (key: string) => (key in fake.local ? { [key]: fake.local[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(fake.local, items),
      },
      onChanged: { addListener: (l: Listener) => fake.listeners.push(l) },
    },
  },
}));

const COLLECTOR = { collectorUrl: 'https://log.example.gov.cn', collectorEnrollmentCode: 'GPG-AAAA-BBBB' };
const announce = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area = 'managed') =>
  fake.listeners.forEach((l) => l(changes, area));
/** storage.managed.get() answering this once. */
const answers = (policy: Record<string, unknown>) => fake.managed.push(async () => policy);

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers();
  fake.managed = [];
  fake.local = {};
  fake.listeners = [];
});
afterEach(() => vi.useRealTimers());

/** readPolicy with its bounded wait run out on fake timers. */
async function read(settings: typeof import('../../entrypoints/background/settings')) {
  const pending = settings.readPolicy();
  await vi.advanceTimersByTimeAsync(5_000);
  return pending;
}

describe('the policy in force', () => {
  it('is the one last known when storage.managed hangs after a browser restart', async () => {
    const first = await import('../../entrypoints/background/settings');
    answers(COLLECTOR);
    await read(first);
    vi.resetModules(); // a new service worker in a restarted browser: storage.local is all it shares
    const restarted = await import('../../entrypoints/background/settings');
    expect(await read(restarted)).toEqual(COLLECTOR);
  });

  it('is what storage.managed answers, and undefined when it is empty', async () => {
    const settings = await import('../../entrypoints/background/settings');
    answers(COLLECTOR);
    expect(await read(settings)).toEqual(COLLECTOR);
    answers({});
    expect(await read(settings)).toBeUndefined();
  });

  it('fails closed when never read and storage.managed hangs', async () => {
    const settings = await import('../../entrypoints/background/settings');
    expect(await read(settings)).toEqual({ allowOverride: false });
  });

  it('says the settings fail closed because the policy is unreadable, not because it forbids', async () => {
    const settings = await import('../../entrypoints/background/settings');
    const pending = settings.readSettings();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await pending).toMatchObject({ settings: { allowOverride: false }, policyUnreadable: true });
    // Once the browser announces the policy, it is known (and allows what it allows).
    settings.followPolicy(() => undefined);
    announce({ packUpdateMinutes: { newValue: 30 } });
    await vi.advanceTimersByTimeAsync(0);
    const later = settings.readSettings();
    await vi.advanceTimersByTimeAsync(5_000);
    const known = await later;
    expect(known.policyUnreadable).toBeUndefined();
    expect(known.settings.allowOverride).toBe(true);
  });

  it('is not unreadable where a copy was kept, or the policy answered empty', async () => {
    fake.local = { policyCache: { policy: { allowOverride: false } } };
    const kept = await import('../../entrypoints/background/settings');
    const pending = kept.readPolicyState();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await pending).toEqual({ policy: { allowOverride: false }, unreadable: false });
    vi.resetModules();
    fake.local = {};
    const fresh = await import('../../entrypoints/background/settings');
    answers({});
    expect(await fresh.readPolicyState()).toEqual({ policy: undefined, unreadable: false });
  });

  it('follows a policy announced after an empty first read, though storage.managed then hangs', async () => {
    const settings = await import('../../entrypoints/background/settings');
    const seen: unknown[] = [];
    settings.followPolicy((policy) => seen.push(policy));
    answers({}); // read before Chromium handed the extension its policy
    expect(await read(settings)).toBeUndefined();
    announce({
      collectorUrl: { newValue: COLLECTOR.collectorUrl },
      collectorEnrollmentCode: { newValue: COLLECTOR.collectorEnrollmentCode },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([COLLECTOR]);
    expect(await read(settings)).toEqual(COLLECTOR); // storage.managed hangs: the announced policy
    announce({ collectorEnrollmentCode: { oldValue: COLLECTOR.collectorEnrollmentCode } }, 'managed');
    announce({ settings: { newValue: { enabled: false } } }, 'local'); // not the policy
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([COLLECTOR, { collectorUrl: COLLECTOR.collectorUrl }]);
    expect(await read(settings)).toEqual({ collectorUrl: COLLECTOR.collectorUrl });
  });

  it('keeps a change announced while a read was under way over what that read answered', async () => {
    const settings = await import('../../entrypoints/background/settings');
    settings.followPolicy(() => undefined);
    answers(COLLECTOR);
    await read(settings);
    let answer!: (v: Record<string, unknown>) => void;
    fake.managed.push(() => new Promise((resolve) => (answer = resolve)));
    const reading = settings.readPolicy();
    announce({ allowOverride: { newValue: false } });
    await vi.advanceTimersByTimeAsync(0);
    answer(COLLECTOR); // the value from before the change
    expect(await reading).toEqual({ ...COLLECTOR, allowOverride: false });
  });

  it('builds on the copy a previous service worker kept when a change comes before any read', async () => {
    fake.local = { policyCache: { policy: COLLECTOR } };
    const settings = await import('../../entrypoints/background/settings');
    const seen: unknown[] = [];
    settings.followPolicy((policy) => seen.push(policy));
    announce({ collectorText: { newValue: 'full' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([{ ...COLLECTOR, collectorText: 'full' }]);
  });
});
