import { describe, expect, it } from 'vitest';
import type { Draft } from '../../rules/engine/types';
import type { Composer, RequestDraft } from '../../guard/adapter';
import type { HeldRequest } from '../../guard/endpoints';
import { heldDraft, readHeldDraft, readHeldRequest, UNREADABLE, type HeldDraftContext } from '../../guard/held-draft';
import { SAVED_UNREADABLE } from '../../guard/saved-draft';
import type { TextSurface } from '../../guard/surface';

const REQUEST: HeldRequest = {
  id: 'r1',
  endpoint: 'statuses/update',
  method: 'POST',
  url: 'https://weibo.com/ajax/statuses/update',
  fields: { content: ['保定发布：今日天气晴'] },
  via: 'fetch',
};

function composer(text: string, kind: Composer['kind'] = 'post', page?: string): Composer {
  const surface = { text: () => text } as unknown as TextSurface;
  return {
    root: {} as Element,
    kind,
    ...(page ? { page } : {}),
    surfaces: { body: surface },
    control: null,
  };
}

const network = (answer: RequestDraft | null | Error) => ({
  toDraft: () => {
    if (answer instanceof Error) throw answer;
    return answer;
  },
});

const context: HeldDraftContext = {
  platform: 'weibo',
  url: 'https://weibo.com/',
  account: { name: '保定发布', id: '1' },
  extract: (c: Composer): Draft => ({
    platform: 'weibo',
    kind: c.kind,
    body: c.surfaces.body.text(),
    title: '编辑器里的标题',
    url: 'https://weibo.com/',
    account: { name: '保定发布', id: '1' },
  }),
};

describe('readHeldDraft', () => {
  it('takes the body the request carries and the editor that holds the same text', () => {
    const editor = composer(' 保定发布：今日天气晴 ');
    const held = readHeldDraft(REQUEST, network({ kind: 'post', draft: { body: '保定发布：今日天气晴' } }), [
      composer('别的'),
      editor,
    ]);
    expect(held).toMatchObject({ body: '保定发布：今日天气晴', saved: false, unknownEditor: false });
    expect(held.composer).toBe(editor);
    expect(held.unreadable).toBeUndefined();
  });

  it('reports a body no editor on the page holds', () => {
    const held = readHeldDraft(REQUEST, network({ kind: 'post', draft: { body: '页面上没有的正文' } }), [
      composer('别的'),
    ]);
    expect(held).toMatchObject({ body: '页面上没有的正文', unknownEditor: true });
    expect(held.composer).toBeUndefined();
  });

  it('checks the editor of the kind a request naming a saved draft publishes', () => {
    const article = composer('文章正文', 'article');
    const held = readHeldDraft(REQUEST, network({ kind: 'article' }), [composer('微博', 'post'), article]);
    expect(held).toMatchObject({ body: '文章正文', saved: true, unknownEditor: false });
    expect(held.composer).toBe(article);
  });

  it('fails closed when a request names a saved draft and no editor is open', () => {
    const held = readHeldDraft(REQUEST, network({ kind: 'article' }), []);
    expect(held.unreadable).toBe(UNREADABLE);
    expect(held.body).toBe('');
  });

  it('says why a body could not be read: by the gate, by the adapter, or not at all', () => {
    expect(readHeldDraft({ ...REQUEST, unreadable: '未知字符集' }, network({ kind: 'post' }), []).unreadable).toBe(
      `${UNREADABLE}：未知字符集`,
    );
    expect(readHeldDraft(REQUEST, network(new Error('缺少 content')), []).unreadable).toBe(
      `${UNREADABLE}：缺少 content`,
    );
    const none = readHeldDraft(REQUEST, network(null), [composer('保定发布：今日天气晴')]);
    expect(none).toMatchObject({ read: null, unreadable: UNREADABLE });
  });
});

describe('heldDraft', () => {
  it('overlays the request on the editor’s draft; the body is always the request’s', () => {
    const editor = composer('保定发布：今日天气晴', 'post', 'detail');
    const held = readHeldDraft(
      REQUEST,
      network({ kind: 'repost', draft: { body: '保定发布：今日天气晴', title: '请求里的标题' } }),
      [editor],
    );
    const { draft, page, composer: locatable } = heldDraft(held, context);
    expect(draft).toMatchObject({ kind: 'repost', title: '请求里的标题', body: '保定发布：今日天气晴' });
    expect(page).toBe('detail');
    expect(locatable).toBe(editor);
  });

  it('locates in the editor only when it holds exactly the text being sent', () => {
    const editor = composer('保定发布： 今日天气晴');
    const held = readHeldDraft(REQUEST, network({ kind: 'post', draft: { body: '保定发布：今日天气晴' } }), [editor]);
    const out = heldDraft(held, context);
    expect(held.composer).toBe(editor);
    expect(out.composer).toBeUndefined();
    expect(out.draft.body).toBe('保定发布：今日天气晴');
  });

  it('builds a draft from the page alone when no editor holds the post', () => {
    const held = readHeldDraft(REQUEST, network({ kind: 'comment', draft: { body: '评论' }, page: 'detail' }), []);
    expect(heldDraft(held, context)).toEqual({
      draft: { platform: 'weibo', kind: 'comment', body: '评论', url: 'https://weibo.com/', account: context.account },
      page: 'detail',
    });
  });

  it('keeps the saved editor’s kind and its whole draft for a request naming a saved draft', () => {
    const article = composer('文章正文', 'article');
    const held = readHeldDraft(REQUEST, network({ kind: 'post' }), [article]);
    const { draft } = heldDraft(held, context);
    expect(draft).toMatchObject({ kind: 'article', body: '文章正文', title: '编辑器里的标题' });
  });
});

describe('a request naming a saved draft', () => {
  const SAVED = { kind: 'article' as const, saved: { id: '2247483650' } };
  const server = { title: '保存的标题', author: '应急局', body: '平台上保存的正文' };

  it('checks the draft read back from the platform, not what an editor shows', async () => {
    const editor = composer('编辑器里的正文', 'article');
    const held = await readHeldRequest(REQUEST, network(SAVED), [editor], async (id) => {
      expect(id).toBe('2247483650');
      return server;
    });
    expect(held).toMatchObject({ body: '平台上保存的正文', fromServer: true, unknownEditor: false });
    expect(held.unreadable).toBeUndefined();
    const { draft } = heldDraft(held, context);
    expect(draft).toMatchObject({ kind: 'article', title: '保存的标题', author: '应急局', body: '平台上保存的正文' });
  });

  it('takes no field from an editor that holds the same body', async () => {
    const editor = composer('平台上保存的正文', 'article');
    const held = await readHeldRequest(REQUEST, network(SAVED), [editor], async () => ({ body: '平台上保存的正文' }));
    const out = heldDraft(held, context);
    expect(out.draft.title).toBeUndefined();
    expect(out.composer).toBe(editor);
  });

  it('is unreadable, saying why, when the platform does not answer the draft — with or without an editor', async () => {
    for (const editors of [[], [composer('编辑器里的正文', 'article')]]) {
      const held = await readHeldRequest(REQUEST, network(SAVED), editors, () =>
        Promise.reject(new Error('无法从平台读取要发表的稿件：平台答复 HTTP 500')),
      );
      expect(held.unreadable).toBe('无法从平台读取要发表的稿件：平台答复 HTTP 500');
      expect(held.body).toBe('');
    }
  });

  it('lays what the request itself sets over the draft as read back', async () => {
    const read = { ...SAVED, saved: { ...SAVED.saved, fields: { original: true } } };
    const held = await readHeldRequest(REQUEST, network(read), [], async () => ({ ...server, original: false }));
    expect(heldDraft(held, context).draft).toMatchObject({ title: '保存的标题', original: true });
  });

  it('checks what the request publishes beside the draft, unless it repeats the title', async () => {
    const read = (also: string) => ({ ...SAVED, saved: { ...SAVED.saved, also } });
    const feed = await readHeldRequest(REQUEST, network(read('加微信领红包')), [], async () => server);
    expect(feed.body).toBe('平台上保存的正文\n\n加微信领红包');
    const title = await readHeldRequest(REQUEST, network(read(' 保存的 标题 ')), [], async () => server);
    expect(title.body).toBe('平台上保存的正文');
  });

  it('is unreadable when read without the platform’s answer', () => {
    expect(readHeldDraft(REQUEST, network(SAVED), [composer('正文', 'article')]).unreadable).toBe(SAVED_UNREADABLE);
  });
});
