/**
 * The guard's settings (guard/settings-host.ts) while the background cannot read the admin's policy:
 * asked again on a bounded schedule and before every override, and told apart from a refusal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';

/** What the background answers to getSettings, one answer per call (the last repeats). */
const background = vi.hoisted(() => ({ answers: [] as unknown[], asked: 0, saved: [] as unknown[] }));
vi.mock('webextension-polyfill', () => ({
  default: { storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } } },
}));
vi.mock('../../utils/messaging', () => ({
  sendMessage: async (method: string, data: unknown) => {
    if (method === 'setEditorIdentity') {
      background.saved.push(data);
      return { settings: { ...DEFAULT_SETTINGS, editorName: '赵编辑', editorUnit: '保定市政府办公室' }, locked: {} };
    }
    if (method !== 'getSettings') throw new Error(`unexpected ${method}`);
    const answer = background.answers[Math.min(background.asked, background.answers.length - 1)];
    background.asked++;
    if (answer instanceof Error) throw answer;
    return answer;
  },
}));

const { SettingsHost } = await import('../../guard/settings-host');

const failClosed = {
  settings: { ...DEFAULT_SETTINGS, allowOverride: false },
  locked: { allowOverride: true },
  policyUnreadable: true,
};
const allowed = { settings: DEFAULT_SETTINGS, locked: {} };

beforeEach(() => {
  background.asked = 0;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('settings answered while the policy could not be read', () => {
  it('asks again before an override decision, and allows what the policy allows', async () => {
    background.answers = [failClosed, allowed];
    const host = new SettingsHost([60_000]);
    host.start();
    await host.ready;
    expect(host.known).toBe(false);
    expect(await host.overridePermission()).toBe('allowed');
    expect(background.asked).toBe(2);
    expect(host.known).toBe(true);
  });

  it('asks again by itself after a delay, a bounded number of times', async () => {
    background.answers = [failClosed];
    const seen: boolean[] = [];
    const host = new SettingsHost([100, 200]);
    host.onChange((s) => seen.push(s.allowOverride));
    host.start();
    await host.ready;
    expect(background.asked).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(background.asked).toBe(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(background.asked).toBe(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(background.asked).toBe(3);
    expect(seen).toEqual([false, false, false]);
    // Still unread: an override decision asks once more, and says the policy is unknown.
    expect(await host.overridePermission()).toBe('policy-unknown');
    expect(background.asked).toBe(4);
  });

  it('stops asking once the policy is known, and tells its listeners', async () => {
    background.answers = [failClosed, allowed];
    const seen: boolean[] = [];
    const host = new SettingsHost([100, 100, 100]);
    host.onChange((s) => seen.push(s.allowOverride));
    host.start();
    await host.ready;
    await vi.advanceTimersByTimeAsync(1000);
    expect(background.asked).toBe(2);
    expect(seen).toEqual([false, true]);
    expect(await host.overridePermission()).toBe('allowed');
    expect(background.asked).toBe(2);
  });

  it('a known answer that forbids overrides is kept, not asked again', async () => {
    background.answers = [{ settings: { ...DEFAULT_SETTINGS, allowOverride: false }, locked: { allowOverride: true } }];
    const host = new SettingsHost([100]);
    host.start();
    expect(await host.overridePermission()).toBe('forbidden');
    await vi.advanceTimersByTimeAsync(1000);
    expect(background.asked).toBe(1);
  });

  it('stops asking when the page’s guard is torn down', async () => {
    background.answers = [new Error('后台没有响应')];
    const stop = new AbortController();
    const host = new SettingsHost([100, 100]);
    host.start(stop.signal);
    await host.ready;
    stop.abort();
    await vi.advanceTimersByTimeAsync(1000);
    expect(background.asked).toBe(1);
  });
});

describe('the editor’s name and unit', () => {
  it('asks for what neither the policy nor the editor set, and not again once given', async () => {
    background.answers = [allowed];
    const host = new SettingsHost([]);
    host.start();
    await host.ready;
    expect(host.identityToAsk()).toEqual({ name: true, unit: true });
    await host.saveIdentity({ editorName: '赵编辑', editorUnit: '保定市政府办公室' });
    expect(background.saved).toEqual([{ editorName: '赵编辑', editorUnit: '保定市政府办公室' }]);
    expect(host.identityToAsk()).toBeUndefined();
  });

  it('never asks for what the policy sets', async () => {
    background.answers = [
      {
        settings: { ...DEFAULT_SETTINGS, editorUnit: '保定市委网信办' },
        locked: { editorUnit: true },
      },
    ];
    const host = new SettingsHost([]);
    host.start();
    await host.ready;
    expect(host.identityToAsk()).toEqual({ name: true, unit: false });
  });

  it('asks nothing while the settings are unknown', async () => {
    background.answers = [failClosed];
    const host = new SettingsHost([]);
    host.start();
    await host.ready;
    expect(host.identityToAsk()).toBeUndefined();
  });
});
