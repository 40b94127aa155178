// @vitest-environment happy-dom
/**
 * The weibo.com adapter against saved editor snapshots (tests/adapters/snapshots): composers found,
 * drafts extracted, publish controls told apart from look-alikes, requests read, pages named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { weiboAdapter } from '../../adapters/weibo';
import { accountFromConfigScript } from '../../adapters/weibo/account';
import type { Account } from '../../guard/adapter';
import { buildDraft } from '../../guard/draft';
import type { HeldRequest } from '../../guard/endpoints';
import { resolveSelectors } from '../../guard/selectors';

const s = resolveSelectors(weiboAdapter.selectors, undefined, 'weibo').selectors;
const URL_HOME = 'https://weibo.com/';

function load(name: string): void {
  const html = readFileSync(join(import.meta.dirname, 'snapshots', name), 'utf8');
  document.open();
  document.write(html);
  document.close();
}

function drafts(account?: Account) {
  return weiboAdapter.composers(document, s).map((c) => buildDraft(weiboAdapter, c, account, URL_HOME));
}

function button(label: string, within: ParentNode = document): Element {
  const span = [...within.querySelectorAll('.woo-button-content')].find((e) => e.textContent === label);
  if (!span) throw new Error(`no ${label}`);
  return span;
}

describe('weibo.com, Vue 2 "V7" snapshot', () => {
  beforeEach(() => load('weibo-v7-home.html'));

  it('extracts every composer as a draft, with the post or comment it answers', () => {
    const account = weiboAdapter.account(document);
    expect(account).toEqual({ name: '保定发布', id: '1234567890' });
    expect(drafts(account)).toEqual([
      {
        platform: 'weibo',
        kind: 'repost', // a comment with 同时转发 checked is also published as a repost
        account,
        url: URL_HOME,
        quoted: { author: '人民日报', text: '国务院常务会议研究部署进一步稳就业举措。' },
        body: '点赞，稳就业就是稳民生。',
      },
      {
        platform: 'weibo',
        kind: 'reply',
        account,
        url: URL_HOME,
        quoted: { author: '网友甲', text: '什么时候开始实施？' },
        body: '下月起实施，详见政府网站。',
      },
      { platform: 'weibo', kind: 'repost', account, url: URL_HOME, body: '' }, // the hidden template
      {
        platform: 'weibo',
        kind: 'repost',
        account,
        url: URL_HOME,
        quoted: { author: '新华社', text: '我省新增3条高速公路建成通车。' },
        body: '好消息！',
      },
      { platform: 'weibo', kind: 'post', account, url: URL_HOME, body: '保定市今冬明春森林防火工作部署会召开。' },
    ]);
  });

  it('knows the publish buttons by their text, from any element inside them', () => {
    const send = weiboAdapter.controlAt(button('发送'), s);
    expect(send?.composer.kind).toBe('post');
    expect(send?.control.tagName).toBe('BUTTON');
    expect(weiboAdapter.controlAt(button('评论'), s)?.composer.surfaces.body.text()).toBe('点赞，稳就业就是稳民生。');
    expect(weiboAdapter.controlAt(button('回复'), s)?.composer.kind).toBe('reply');
    const repost = weiboAdapter.controlAt(button('转发', document.getElementById('open-repost')!), s);
    expect(repost?.composer.page).toBe('repost');
    expect(repost?.composer.surfaces.body.text()).toBe('好消息！');
  });

  it('does not mistake look-alikes for publish controls', () => {
    const toolbarComment = document.querySelector('i[title="评论"]')!.parentElement!;
    const toolbarRepost = document.querySelector('i[title="转发"]')!.parentElement!;
    const replyOpener = document.querySelector('[role="button"]')!;
    const like = document.querySelector('button[title="赞"]')!;
    for (const el of [toolbarComment, toolbarRepost, replyOpener, like, document.querySelector('textarea')!])
      expect(weiboAdapter.controlAt(el, s)).toBeNull();
  });

  it('finds the composer of a text box for Ctrl+Enter, and nothing for other fields', () => {
    const reply = document.querySelector('textarea[placeholder="发布你的回复"]')!;
    expect(weiboAdapter.composerAt(reply, s)?.kind).toBe('reply');
    expect(weiboAdapter.composerAt(document.querySelector('input[type=checkbox]')!, s)).toBeNull();
  });

  it('finds what the home page must have', () => {
    const page = weiboAdapter.page(new URL('https://weibo.com/') as unknown as Location, document, s)!;
    expect(page.kind).toBe('home');
    expect(page.expects.every((e) => e.found(document, s))).toBe(true);
    document.querySelector('#homeWrap .Composer_mar1_ujs0j button')!.remove();
    expect(page.expects.filter((e) => !e.found(document, s)).map((e) => e.label)).toEqual(['找不到首页“发送”按钮']);
  });
});

describe('weibo.com, Vue 3 (2026) snapshot', () => {
  beforeEach(() => load('weibo-2026-home.html'));

  it('extracts both composers; the account is not in the DOM here (the MAIN world supplies it)', () => {
    expect(weiboAdapter.account(document)).toBeUndefined();
    expect(drafts().map((d) => [d.kind, d.body, d.quoted?.author])).toEqual([
      ['comment', '措施很实在。', '河北发布'],
      ['post', '全市秋粮收购工作有序推进。', undefined],
    ]);
  });

  it('matches the new hashed names only by substring, and still by button text', () => {
    const send = weiboAdapter.controlAt(button('发送'), s);
    expect(send?.composer.root.className).toBe('_mar1_1n75r_2');
    expect(weiboAdapter.controlAt(button('评论'), s)?.composer.kind).toBe('comment');
  });

  it('falls back to the hashed-class hook when the placeholder changes', () => {
    document.querySelectorAll('textarea').forEach((t) => t.removeAttribute('placeholder'));
    const kinds = weiboAdapter.composers(document, s).map((c) => c.kind);
    // Found, though no longer told apart by kind; their requests are still read by endpoint.
    expect(kinds).toEqual(['post', 'post']);
  });
});

describe('weibo.com requests and pages', () => {
  const request = (endpoint: string, fields: Record<string, string>): HeldRequest => ({
    id: 'r1',
    endpoint,
    method: 'POST',
    url: 'https://weibo.com/',
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])),
    via: 'xhr',
  });

  it('reads every publish request into a draft', () => {
    expect(weiboAdapter.network.toDraft(request('statuses/update', { content: '正文', visible: '0' }))).toEqual({
      kind: 'post',
      draft: { body: '正文' },
    });
    expect(
      weiboAdapter.network.toDraft(request('statuses/schedule', { content: '定时', schedule_timestamp: '1' }))?.draft
        ?.body,
    ).toBe('定时');
    expect(
      weiboAdapter.network.toDraft(request('statuses/normal_repost', { id: '1', comment: '转发理由' })),
    ).toMatchObject({ kind: 'repost', draft: { body: '转发理由' } });
    expect(weiboAdapter.network.toDraft(request('statuses/repost', { id: '1', is_fast: '1' }))).toMatchObject({
      kind: 'repost',
      draft: { body: '' },
    });
    expect(
      weiboAdapter.network.toDraft(request('comments/create', { id: '1', comment: '评论', is_repost: '0' }))?.kind,
    ).toBe('comment');
    expect(
      weiboAdapter.network.toDraft(request('comments/create', { id: '1', comment: '评论', is_repost: '1' }))?.kind,
    ).toBe('repost');
    expect(weiboAdapter.network.toDraft(request('comments/reply', { id: '1', cid: '2', comment: '回复' }))).toEqual({
      kind: 'reply',
      draft: { body: '回复' },
    });
    expect(() => weiboAdapter.network.toDraft(request('statuses/unknown', {}))).toThrow();
  });

  it('names the page kinds', () => {
    const kind = (url: string) => weiboAdapter.page(new URL(url) as unknown as Location, document, s)?.kind;
    expect(kind('https://weibo.com/')).toBe('home');
    expect(kind('https://weibo.com/mygroups?gid=110001234567890')).toBe('home');
    expect(kind('https://weibo.com/2803301701/Nq0Xa')).toBe('detail');
    expect(kind('https://weibo.com/u/2803301701')).toBe('profile');
    expect(kind('https://weibo.com/hot/search')).toBe('other');
  });

  it('reads the account from the $CONFIG script text, escapes included', () => {
    expect(
      accountFromConfigScript(
        'try{window.$CONFIG = {"user":{"id":7,"screen_name":"\\u4fdd\\u5b9a\\u53d1\\u5e03"}};}catch(e){}',
      ),
    ).toEqual({ name: '保定发布', id: '7' });
    expect(accountFromConfigScript('var x = {"screen_name":"别人"}')).toBeUndefined();
  });
});
