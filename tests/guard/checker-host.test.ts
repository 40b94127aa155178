import { describe, expect, it, vi } from 'vitest';
import defaultPack from 'virtual:default-pack';
import type { Pack } from '../../rules/engine/pack';

const background = vi.hoisted(() => ({ pack: undefined as unknown as Pack, asked: 0 }));
vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../../utils/messaging', () => ({
  sendMessage: async (method: string) => {
    if (method !== 'getActivePack') throw new Error(`unexpected ${method}`);
    background.asked++;
    return { pack: background.pack };
  },
}));

const { CheckerHost } = await import('../../guard/checker-host');

const draft = { platform: 'weibo', kind: 'post', body: '本周通报中出现了新禁词，请注意。' } as const;

describe('the content script’s checker after the background refused a stale entry', () => {
  it('loads the pack now in force when it differs from the one checked with, and checks with it', async () => {
    background.pack = defaultPack;
    const host = new CheckerHost();
    expect((await host.check(draft)).report?.findings).toEqual([]);
    const checkedWith = (await host.check(draft)).report!.pack;

    const newer: Pack = structuredClone(defaultPack);
    newer.version = '9.0.0';
    newer.dictionaries.typos!.entries.push({
      term: '新禁词',
      suggestion: '规范用语',
      basis: '测试',
      severity: 'block',
    });
    background.pack = newer;

    expect(await host.refreshIfStale(checkedWith)).toBe(true);
    const report = (await host.check(draft)).report!;
    expect(report.pack).toEqual({ id: defaultPack.id, version: '9.0.0' });
    expect(report.verdict).toBe('block');
  });

  it('answers false, and loads nothing, when the pack checked with is still in force', async () => {
    background.pack = defaultPack;
    const host = new CheckerHost();
    const checkedWith = (await host.check(draft)).report!.pack;
    const asked = background.asked;
    expect(await host.refreshIfStale(checkedWith)).toBe(false);
    expect(background.asked).toBe(asked + 1);
    expect(host.pack).toBe(defaultPack);
  });
});

describe('the live check', () => {
  it('answers the same draft from the last check, and checks again when the text or the pack changes', async () => {
    background.pack = defaultPack;
    const host = new CheckerHost();
    expect(host.checkNow(draft)).toBeNull(); // no pack compiled yet: never waits
    await host.check(draft); // compiles the pack
    const first = host.checkNow(draft);
    expect(first?.verdict).toBe('pass');
    expect(host.checkNow({ ...draft })).toBe(first);
    const edited = host.checkNow({ ...draft, body: `${draft.body}做为基层干部` });
    expect(edited).not.toBe(first);
    expect(edited?.findings.map((f) => f.ruleId)).toContain('no-typo');

    const newer: Pack = structuredClone(defaultPack);
    newer.version = '9.1.0';
    background.pack = newer;
    await host.refreshIfStale(first!.pack);
    expect(host.checkNow(draft)?.pack.version).toBe('9.1.0');
  });
});
