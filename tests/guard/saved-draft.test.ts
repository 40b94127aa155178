import { describe, expect, it } from 'vitest';
import type { SavedDraftReader } from '../../guard/adapter';
import type { HeldRequest } from '../../guard/endpoints';
import { loadSavedDraft, SAVED_UNREADABLE, SavedDraftUnreadable } from '../../guard/saved-draft';

const REQUEST: HeldRequest = {
  id: 'r1',
  endpoint: 'masssend',
  method: 'POST',
  url: 'https://mp.weixin.qq.com/cgi-bin/masssend?token=1',
  fields: { appmsgid: ['7'] },
  via: 'xhr',
};
const reader: SavedDraftReader = {
  url: (id) => `https://mp.weixin.qq.com/draft/${id}`,
  parse: (answer) => {
    const a = answer as { body?: string };
    if (typeof a.body !== 'string') throw new Error('答复中没有正文');
    return { body: a.body };
  },
};
const PAGE = 'https://mp.weixin.qq.com/';

describe('loadSavedDraft', () => {
  it('reads the draft the platform answers at the reader’s address', async () => {
    const asked: string[] = [];
    const draft = await loadSavedDraft(reader, '7', REQUEST, PAGE, async (url) => (asked.push(url), { body: '正文' }));
    expect(draft).toEqual({ body: '正文' });
    expect(asked).toEqual(['https://mp.weixin.qq.com/draft/7']);
  });

  it('is unreadable, saying why, when the platform fails, answers no draft, or has no reader', async () => {
    const fails = (e: Error) => () => Promise.reject(e);
    await expect(loadSavedDraft(reader, '7', REQUEST, PAGE, fails(new Error('HTTP 500')))).rejects.toThrow(
      `${SAVED_UNREADABLE}：HTTP 500`,
    );
    await expect(loadSavedDraft(reader, '7', REQUEST, PAGE, async () => ({}))).rejects.toThrow('答复中没有正文');
    await expect(loadSavedDraft(undefined, '7', REQUEST, PAGE, async () => ({ body: 'x' }))).rejects.toBeInstanceOf(
      SavedDraftUnreadable,
    );
  });

  it('gives up when the platform does not answer in time, and aborts the read', async () => {
    let aborted = false;
    const started = Date.now();
    await expect(
      loadSavedDraft(
        reader,
        '7',
        REQUEST,
        PAGE,
        (_, signal) => {
          signal.addEventListener('abort', () => (aborted = true));
          return new Promise(() => undefined);
        },
        50,
      ),
    ).rejects.toThrow(/50 ms 内未应答/);
    expect(aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
