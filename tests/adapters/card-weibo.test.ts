// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cardWeiboAdapter } from '../../adapters/card-weibo';
import { CARD_WEIBO_ENDPOINTS } from '../../adapters/card-weibo/endpoints';
import type { HeldRequest } from '../../guard/endpoints';
import { nButton } from '../replicas/card-weibo/editor-page';
import { ruleFor } from '../guard/classifier';
import { draftOf, selectorsOf, snapshotOpener } from './snapshot';

const s = selectorsOf(cardWeiboAdapter);
const snapshot = snapshotOpener();

const expected = (url: string) => ({
  platform: 'weibo',
  kind: 'article',
  account: { name: '保定发布', id: '5123456789' },
  url,
  title: '保定市2026年重点民生实事',
  summary: '十件实事，件件关乎百姓生活',
  body: '市政府确定了2026年十件民生实事。\n新建的社区食堂\n全文见保定市人民政府网。',
  links: [{ href: 'https://www.baoding.gov.cn/', text: '保定市人民政府网' }],
});

/** The publish-settings step the editor opens after 下一步 (mounted at body level). */
function openPublishStep(doc: Document) {
  const modal = doc.createElement('div');
  modal.className = 'n-modal-container';
  modal.innerHTML = `<div class="n-modal-mask"></div><div class="n-card n-modal publish-setting" role="dialog">
    <div class="n-card__footer">${nButton('上一步')}${nButton('发布', 'primary')}</div></div>`;
  doc.body.append(modal);
  return [...modal.querySelectorAll('button')];
}

describe('card.weibo.com headline-article snapshots → drafts', () => {
  it('reads the v5 editor, its escaped account script and the Tiptap body', () => {
    const { document, entry } = snapshot('card-weibo-v5.html');
    expect(draftOf(cardWeiboAdapter, document)).toEqual(expected(entry.url));
  });

  it('reads the v3 editor and its $CONFIG account', () => {
    const { document, entry } = snapshot('card-weibo-v3.html');
    expect(draftOf(cardWeiboAdapter, document)).toEqual(expected(entry.url));
  });

  it('leaves the Tiptap invisible-character decorations out of the text', () => {
    const { document } = snapshot('card-weibo-v5.html');
    expect(document.querySelectorAll('.ProseMirror .Tiptap-invisible-character').length).toBeGreaterThan(0);
    expect(draftOf(cardWeiboAdapter, document).body).not.toMatch(/¶/);
  });

  it('names the editor route, and the draft list has nothing to expect', () => {
    const { window, document } = snapshot('card-weibo-v5.html');
    const page = cardWeiboAdapter.page(document.location, document, s)!;
    expect(page.kind).toBe('article-editor');
    expect(page.expects.filter((e) => !e.found(document, s))).toEqual([]);
    window.happyDOM.setURL('https://card.weibo.com/article/v5/editor#/');
    expect(cardWeiboAdapter.page(document.location, document, s)).toEqual({ kind: 'article-list', expects: [] });
    window.happyDOM.setURL('https://weibo.com/ttarticle/p/show?id=2309404960000000000000');
    expect(cardWeiboAdapter.page(document.location, document, s)).toBeNull();
  });

  it('reports a missing body editor', () => {
    const { document } = snapshot('card-weibo-v5.html');
    document.querySelector('.ProseMirror')!.remove();
    const page = cardWeiboAdapter.page(document.location, document, s)!;
    expect(page.expects.filter((e) => !e.found(document, s)).map((e) => e.label)).toEqual(['找不到正文编辑区']);
  });
});

describe('publish controls', () => {
  it('gates 发布 (also through its inner span) and nothing else', () => {
    const { document } = snapshot('card-weibo-v5.html');
    const [back, publish] = openPublishStep(document);
    const hit = cardWeiboAdapter.controlAt(publish!.querySelector('.n-button__content')!, s)!;
    expect(hit.control).toBe(publish);
    expect(hit.composer.surfaces.title?.text()).toBe('保定市2026年重点民生实事');
    expect(cardWeiboAdapter.controlAt(back!, s)).toBeNull();
    for (const label of ['保存草稿', '预览', '下一步']) {
      const footer = [...document.querySelectorAll('footer .n-button')].find((b) => b.textContent === label)!;
      expect(cardWeiboAdapter.controlAt(footer, s)).toBeNull();
    }
  });

  it('reads 声明原创 from the publish step, a native or a Naive UI checkbox, and nothing without the step', () => {
    const { document } = snapshot('card-weibo-v5.html');
    expect(cardWeiboAdapter.composers(document, s)[0]!.extra?.()).not.toHaveProperty('original');
    const [, publish] = openPublishStep(document);
    const card = publish!.closest('.n-card')!;
    card.insertAdjacentHTML('afterbegin', '<label class="n-checkbox"><input type="checkbox"> 声明原创</label>');
    const original = () => cardWeiboAdapter.controlAt(publish!, s)!.composer.extra?.().original;
    expect(original()).toBe(false);
    card.querySelector('input')!.checked = true;
    expect(original()).toBe(true);
    card.querySelector('label')!.outerHTML =
      '<div class="n-checkbox n-checkbox--checked" role="checkbox" aria-checked="true"><span class="n-checkbox__label">声明原创</span></div>';
    expect(original()).toBe(true);
    card.querySelector('[role="checkbox"]')!.setAttribute('aria-checked', 'false');
    card.querySelector('[role="checkbox"]')!.classList.remove('n-checkbox--checked');
    expect(original()).toBe(false);
  });

  it('ignores a 发布 button that is not on screen', () => {
    const { document } = snapshot('card-weibo-v5.html');
    const [, publish] = openPublishStep(document);
    (publish!.closest('.n-modal-container') as HTMLElement).style.display = 'none';
    expect(cardWeiboAdapter.controlAt(publish!, s)).toBeNull();
  });
});

const V5 = 'https://card.weibo.com/article/v5/aj/editor/draft/publish?uid=1&id=2&_rid=x';

describe('network', () => {
  const match = ruleFor(CARD_WEIBO_ENDPOINTS);
  const rule = (path: string) => match(`https://card.weibo.com${path}`);

  it('holds publish (v3 and v5, immediate and scheduled) and never autosave', () => {
    expect(rule('/article/v5/aj/editor/draft/publish?uid=1&id=2&_rid=x')?.role).toBe('publish');
    expect(rule('/article/v3/aj/editor/draft/publish?uid=1&id=2')?.role).toBe('publish');
    expect(rule('/article/v5/aj/editor/draft/publishtiming?uid=1&id=2')?.id).toBe('draft/publishtiming');
    expect(rule('/article/v5/aj/editor/draft/save?uid=1&id=2')?.role).toBe('autosave');
    expect(rule('/article/v5/aj/editor/draft/create?uid=1')).toBeUndefined();
    expect(match('https://weibo.com/article/v5/aj/editor/draft/publish')).toBeUndefined();
  });

  const publish = (url: string, fields: Record<string, string[]>): HeldRequest => ({
    id: 'r1',
    endpoint: 'draft/publish',
    method: 'POST',
    url,
    fields,
    via: 'fetch',
  });
  it('names the saved draft draft/publish publishes, with the 声明原创 the request sets', () => {
    const read = (fields: Record<string, string[]>) => cardWeiboAdapter.network.toDraft(publish(V5, fields));
    expect(read({ uid: ['1'], id: ['2', '2'] })).toEqual({ kind: 'article', saved: { id: '2' } });
    expect(read({ id: ['2'], is_original: ['1'] })).toEqual({
      kind: 'article',
      saved: { id: '2', fields: { original: true } },
    });
    expect(read({ id: ['2'], is_original: ['0'] })).toMatchObject({ saved: { fields: { original: false } } });
    // Query and form naming two drafts: which one a server publishes is not known.
    expect(() => read({ id: ['2', '3'] })).toThrow(/不唯一/);
    expect(() => read({ uid: ['1'] })).toThrow(/没有文章编号/);
  });

  it('keeps what the feed line publishes beside the article: the title it names, or anything else', () => {
    const also = (text: string[]) => cardWeiboAdapter.network.toDraft(publish(V5, { id: ['2'], text }))?.saved?.also;
    expect(also(['发布了头条文章：《保定市重点民生实事》 '])).toBe('保定市重点民生实事');
    expect(also(['发布了头条文章：《标题》', '加微信领红包'])).toBe('标题\n加微信领红包');
    expect(also(['限时抢购，加微信'])).toBe('限时抢购，加微信');
    expect(also([''])).toBeUndefined();
  });
});

describe('reading back the saved article draft/publish names', () => {
  const reader = cardWeiboAdapter.network.savedDraft!;
  const page = 'https://card.weibo.com/article/v5/editor#/';
  const request = (url: string): HeldRequest => ({
    id: 'r2',
    endpoint: 'draft/publish',
    method: 'POST',
    url,
    fields: { id: ['2'] },
    via: 'xhr',
  });

  it("asks the editor's own draft/load, on the publish request's editor version", () => {
    expect(reader.url('4960000000000001', request(V5), page)).toBe(
      'https://card.weibo.com/article/v5/aj/editor/draft/load?uid=1&id=4960000000000001',
    );
    expect(reader.url('7', request('https://card.weibo.com/article/v3/aj/editor/draft/publish?id=7'), page)).toBe(
      'https://card.weibo.com/article/v3/aj/editor/draft/load?id=7',
    );
    expect(() => reader.url('1\n2', request(V5), page)).toThrow(/编号/);
    expect(() => reader.url('1', request('https://card.weibo.com/aj/draft/publish?id=1'), page)).toThrow(/发布地址/);
  });

  it('reads the title, 导语, byline and HTML body as saved', () => {
    const answer = {
      code: 100000,
      msg: '',
      data: {
        id: '4960000000000001',
        title: '保定市重点民生实事',
        summary: '十件实事',
        writer: '保定发布',
        content: '<p>第一段<a href="https://www.baoding.gov.cn/">保定市人民政府网</a></p><p>第二段</p>',
        is_aigc_used: '0',
      },
    };
    expect(reader.parse(answer, page)).toEqual({
      title: '保定市重点民生实事',
      summary: '十件实事',
      author: '保定发布',
      body: '第一段保定市人民政府网\n第二段',
      links: [{ href: 'https://www.baoding.gov.cn/', text: '保定市人民政府网' }],
    });
    expect(reader.parse({ code: '100000', data: { title: '', content: '' } }, page)).toEqual({ title: '', body: '' });
  });

  it('says why an answer holds no article', () => {
    expect(() => reader.parse({ code: 100002, msg: '登录已过期' }, page)).toThrow(/code=100002，登录已过期/);
    expect(() => reader.parse({ code: 100000, data: {} }, page)).toThrow(/没有文章内容/);
    expect(() => reader.parse('<html>', page)).toThrow(/code=无/);
  });
});
