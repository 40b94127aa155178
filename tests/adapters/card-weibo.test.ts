// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cardWeiboAdapter } from '../../adapters/card-weibo';
import { CARD_WEIBO_ENDPOINTS } from '../../adapters/card-weibo/endpoints';
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

  it('ignores a 发布 button that is not on screen', () => {
    const { document } = snapshot('card-weibo-v5.html');
    const [, publish] = openPublishStep(document);
    (publish!.closest('.n-modal-container') as HTMLElement).style.display = 'none';
    expect(cardWeiboAdapter.controlAt(publish!, s)).toBeNull();
  });
});

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

  it('takes what draft/publish publishes from the editor', () => {
    const draft = cardWeiboAdapter.network.toDraft({
      id: 'r1',
      endpoint: 'draft/publish',
      method: 'POST',
      url: 'https://card.weibo.com/article/v5/aj/editor/draft/publish?uid=1&id=2',
      fields: { uid: ['1'], id: ['2'], text: ['发布了头条文章：《标题》'] },
      via: 'fetch',
    });
    expect(draft).toEqual({ kind: 'article' });
  });
});
