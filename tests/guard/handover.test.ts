import { describe, expect, it } from 'vitest';
import { Handover, HANDOVER_KEY, loadKey, seal, unseal, type ExtensionStore } from '../../guard/handover';
import type { AttemptCompletion, AttemptStart } from '../../utils/protocol';

const START: AttemptStart = {
  platform: 'weibo',
  kind: 'post',
  page: 'home',
  url: 'https://weibo.com/',
  text: '失主身份证号1101**********002X',
  verdict: 'block',
  findings: [],
  errors: [],
  pack: { id: 'baoding-default', version: '1.0.0' },
};
const ID = '0b5e2a4c-1f3d-4e6a-8b7c-9d0e1f2a3b4c';

function setup() {
  const pageData = new Map<string, string>();
  const localData = new Map<string, unknown>();
  const local: ExtensionStore = {
    get: async (k) => localData.get(k),
    set: async (k, v) => void localData.set(k, v),
  };
  let orphaned = false;
  let n = 0;
  const make = () =>
    new Handover({
      page: {
        read: () => pageData.get(HANDOVER_KEY) ?? null,
        write: (v) => (v === null ? pageData.delete(HANDOVER_KEY) : pageData.set(HANDOVER_KEY, v)),
      },
      local,
      key: loadKey(local),
      orphaned: () => orphaned,
      now: () => new Date('2026-12-02T10:00:00Z'),
      uuid: () => `h${++n}`,
    });
  const written: { starts: AttemptStart[]; completions: AttemptCompletion[] } = { starts: [], completions: [] };
  const background = {
    start: async (a: AttemptStart) => (written.starts.push(a), { id: ID }),
    complete: async (d: AttemptCompletion) => (written.completions.push(d), { ok: true }),
  };
  const gone = () => Promise.reject(new Error('Extension context invalidated.'));
  /** An orphaned guard that could not write an attempt's entry, once it has sealed it. */
  const entryLeftUnwritten = async () => {
    const old = make();
    orphaned = true;
    await expect(old.follow({ start: gone, complete: gone }).start(START)).rejects.toThrow();
    await old.orphaned();
  };
  return {
    entryLeftUnwritten,
    pageData,
    local,
    make,
    written,
    background,
    gone,
    orphan: () => (orphaned = true),
    sealed: () => JSON.parse(pageData.get(HANDOVER_KEY) ?? '[]') as string[],
  };
}

describe('an attempt the extension’s reload left unwritten', () => {
  it('is sealed when its entry could not be written, and the next guard writes it with its refusal', async () => {
    const t = setup();
    const old = t.make();
    const log = old.follow({ start: t.gone, complete: t.gone });
    t.orphan();
    await expect(log.start(START)).rejects.toThrow('invalidated');
    await old.orphaned();
    expect(t.sealed()).toHaveLength(1);
    // The page cannot read what it holds.
    expect(t.pageData.get(HANDOVER_KEY)).not.toContain('1101');

    expect(await t.make().deliver(t.background)).toBe(1);
    expect(t.written.starts).toEqual([START]);
    expect(t.written.completions).toEqual([{ id: ID, decision: 'blocked' }]);
    expect(t.pageData.has(HANDOVER_KEY)).toBe(false);
  });

  it('keeps only the decision when the entry was committed and the editor had not decided yet', async () => {
    const t = setup();
    const old = t.make();
    const log = old.follow({ start: async () => ({ id: ID }), complete: t.gone });
    await log.start({ ...START, verdict: 'justify' });
    t.orphan();
    await old.orphaned();
    expect(await t.make().deliver(t.background)).toBe(1);
    expect(t.written.starts).toEqual([]);
    expect(t.written.completions).toEqual([{ id: ID, decision: 'cancelled' }]);
  });

  it('keeps the decision and reason a completion could not write', async () => {
    const t = setup();
    const old = t.make();
    const log = old.follow({ start: async () => ({ id: ID }), complete: t.gone });
    await log.start({ ...START, verdict: 'warn' });
    t.orphan();
    await expect(log.complete({ id: ID, decision: 'published-with-reason', reason: '引用原文' })).rejects.toThrow();
    await old.orphaned();
    await t.make().deliver(t.background);
    expect(t.written.completions).toEqual([{ id: ID, decision: 'published-with-reason', reason: '引用原文' }]);
  });

  it('keeps the 三审 record and the editor a completion carried', async () => {
    const t = setup();
    const old = t.make();
    const log = old.follow({ start: async () => ({ id: ID }), complete: t.gone });
    await log.start({ ...START, verdict: 'justify' });
    t.orphan();
    const review = { political: '王审核', legal: '刘法务', policy: '陈主任', secrecy: '周保密', wording: '吴校对' };
    const done = {
      id: ID,
      decision: 'published-with-reason',
      reason: '经三审同意发布',
      review,
      editor: { name: '赵编辑', unit: '保定市林业局' },
    } as const;
    await expect(log.complete(done)).rejects.toThrow();
    await old.orphaned();
    await t.make().deliver(t.background);
    expect(t.written.completions).toEqual([done]);
  });

  it('seals nothing for attempts written in full, or refused while the extension is there', async () => {
    const t = setup();
    const old = t.make();
    const log = old.follow({ start: async () => ({ id: ID }), complete: async () => ({ ok: true }) });
    await log.start(START);
    await log.complete({ id: ID, decision: 'blocked' });
    const failing = old.follow({ start: () => Promise.reject(new Error('后台没有响应')), complete: t.gone });
    await expect(failing.start(START)).rejects.toThrow();
    t.orphan();
    await old.orphaned();
    expect(t.sealed()).toEqual([]);
  });

  it('drops what the page altered or sealed with another key, and writes a copy put back only once', async () => {
    const t = setup();
    await t.entryLeftUnwritten();
    const [copy] = t.sealed();
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const forged = await seal(other, { handover: 'x', time: '', start: START, decision: 'published' });
    const altered = `${copy!.slice(0, -6)}AAAAA=`;
    // Sealed with the right key but not in the shape a guard seals: not written either.
    const misshapen = await seal(await loadKey(t.local), {
      handover: 'y',
      time: '',
      id: ID,
      decision: 'sent',
    } as never);
    t.pageData.set(HANDOVER_KEY, JSON.stringify([copy, forged, altered, misshapen, 'junk']));
    expect(await t.make().deliver(t.background)).toBe(1);
    t.pageData.set(HANDOVER_KEY, JSON.stringify([copy]));
    expect(await t.make().deliver(t.background)).toBe(0);
    expect(t.written.starts).toHaveLength(1);
    expect(await unseal(await loadKey(t.local), forged)).toBeNull();
    expect(await unseal(await loadKey(t.local), misshapen)).toBeNull();
    expect(t.written.completions).toEqual([{ id: ID, decision: 'blocked' }]);
  });

  it('stays sealed while no background answers, and is written on a later try', async () => {
    const t = setup();
    await t.entryLeftUnwritten();
    const next = t.make();
    expect(await next.deliver({ start: t.gone, complete: t.gone })).toBe(0);
    expect(t.sealed()).toHaveLength(1);
    // The entry is written, its decision not yet: only the decision is left to write.
    expect(await next.deliver({ start: t.background.start, complete: t.gone })).toBe(0);
    expect(await next.deliver(t.background)).toBe(1);
    expect(t.written.starts).toHaveLength(1);
    expect(t.written.completions).toEqual([{ id: ID, decision: 'blocked' }]);
  });

  it('stays in the page’s storage while it is being written, so a reload then does not lose it', async () => {
    const t = setup();
    await t.entryLeftUnwritten();
    // The page is reloaded once the entry is written and before its decision is: that guard never
    // finishes.
    void t.make().deliver({ start: t.background.start, complete: () => new Promise(() => undefined) });
    await expect.poll(() => t.written.starts.length).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(t.sealed()).toHaveLength(1);
    expect(await t.make().deliver(t.background)).toBe(1);
    expect(t.written.starts).toHaveLength(1);
    expect(t.written.completions).toEqual([{ id: ID, decision: 'blocked' }]);
    expect(t.sealed()).toEqual([]);
  });
});
