// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { wechatAdapter } from '../../adapters/wechat';
import { WECHAT_ENDPOINTS } from '../../adapters/wechat/endpoints';
import type { HeldRequest } from '../../guard/endpoints';
import { ruleFor } from '../guard/classifier';
import { resolveSelectors } from '../../guard/selectors';
import { draftOf, selectorsOf, snapshotOpener } from './snapshot';

const s = selectorsOf(wechatAdapter);
const snapshot = snapshotOpener();

const ACCOUNT = { name: '保定发布', id: 'gh_0a1b2c3d4e5f' };
const ARTICLE_BODY =
  '为切实做好春节期间安全生产工作，现将有关事项通知如下。\n一、压实责任。各县（市、区）要落实属地管理责任。\n详见往期回顾和市政府网站。';
const ARTICLE_LINKS = [
  { href: 'https://mp.weixin.qq.com/s/AbCdEf123', text: '往期回顾' },
  { href: 'http://www.baoding.gov.cn/', text: '市政府网站' },
];

describe('WeChat article editor snapshots → drafts', () => {
  it('reads the ProseMirror editor with 原创 declared and a 原文链接', () => {
    const { document, entry } = snapshot('wechat-article-modern.html');
    expect(draftOf(wechatAdapter, document)).toEqual({
      platform: 'wechat',
      kind: 'article',
      account: ACCOUNT,
      url: entry.url,
      title: '关于做好春节期间安全生产工作的通知',
      author: '市应急管理局',
      summary: '春节期间安全生产工作部署',
      body: ARTICLE_BODY,
      links: ARTICLE_LINKS,
      source: { url: 'https://www.mem.gov.cn/xw/yjglbgzdt/202601/t20260110_000001.shtml' },
      original: true,
    });
  });

  it('reads the legacy UEditor iframe body', () => {
    const { document, entry } = snapshot('wechat-article-legacy.html');
    expect(draftOf(wechatAdapter, document)).toEqual({
      platform: 'wechat',
      kind: 'article',
      account: ACCOUNT,
      url: entry.url,
      title: '关于做好春节期间安全生产工作的通知',
      author: '市应急管理局',
      summary: '春节期间安全生产工作部署',
      body: ARTICLE_BODY,
      links: ARTICLE_LINKS,
      original: false,
    });
  });

  it('reads the visible title ProseMirror and the reprinted account as the source', () => {
    const { document } = snapshot('wechat-article-reprint.html');
    const draft = draftOf(wechatAdapter, document);
    expect(draft.title).toBe('关于做好春节期间安全生产工作的通知');
    expect(draft.source).toEqual({ name: '人民日报', url: 'https://mp.weixin.qq.com/s/ReprintedArticle' });
    expect(draft.original).toBe(false);
    expect(draft.body).toBe(ARTICLE_BODY);
  });

  it('reads a saved 贴图 as an image post even after the address lost createType', () => {
    const { document, entry } = snapshot('wechat-image-post.html');
    expect(entry.url).not.toContain('createType');
    expect(draftOf(wechatAdapter, document)).toEqual({
      platform: 'wechat',
      kind: 'image-post',
      account: ACCOUNT,
      url: entry.url,
      title: '春日保定',
      body: '古莲花池的春天来了。\n欢迎市民游客前来赏花。',
      original: true,
    });
    expect(wechatAdapter.page(document.location, document, s)?.kind).toBe('image-post-editor');
  });

  it('names the page and finds everything it expects on it', () => {
    const { document } = snapshot('wechat-article-modern.html');
    const page = wechatAdapter.page(document.location, document, s)!;
    expect(page.kind).toBe('article-editor');
    expect(page.expects.filter((e) => !e.found(document, s)).map((e) => e.label)).toEqual([]);
  });

  it('reports what is missing when the page changed', () => {
    const { document } = snapshot('wechat-article-modern.html');
    document.querySelector('#ueditor_0')!.remove();
    document.querySelector('#js_send')!.remove();
    const page = wechatAdapter.page(document.location, document, s)!;
    expect(page.expects.filter((e) => !e.found(document, s)).map((e) => e.label)).toEqual([
      '找不到正文编辑区',
      '找不到“发表”按钮',
    ]);
  });

  it('has nothing to guard on other pages', () => {
    const { window, document } = snapshot('wechat-article-modern.html');
    window.happyDOM.setURL('https://mp.weixin.qq.com/cgi-bin/home?t=home/index&token=1234567890');
    expect(wechatAdapter.page(document.location, document, s)).toBeNull();
  });
});

describe('account', () => {
  it('falls back to the header nickname when no script names the account', () => {
    const { document } = snapshot('wechat-article-modern.html');
    for (const script of [...document.scripts]) script.remove();
    expect(wechatAdapter.account(document)).toEqual({ name: '保定发布' });
  });
});

describe('publish controls through the dialog chain', () => {
  const showDialog = (doc: Document, cls: string) =>
    ((doc.querySelector(`.weui-desktop-dialog__wrp.${cls}`) as HTMLElement).style.display = '');
  const button = (doc: Document, sel: string) => doc.querySelector(sel)!;

  it('does not gate #js_send, which only opens the settings dialog', () => {
    const { document } = snapshot('wechat-article-modern.html');
    expect(wechatAdapter.controlAt(button(document, '#js_send button'), s)).toBeNull();
  });

  it('gates the open settings dialog’s 发表, not its hidden template', () => {
    const { document } = snapshot('wechat-article-modern.html');
    const live = button(document, '.js_mass_send_dialog .mass-send__footer .weui-desktop-btn_primary');
    const template = button(document, '.mass-send-dialog_tpl .mass-send__footer .weui-desktop-btn_primary');
    expect(wechatAdapter.controlAt(live, s)).toBeNull();
    showDialog(document, 'js_mass_send_dialog');
    const hit = wechatAdapter.controlAt(live, s)!;
    expect(hit.control).toBe(live);
    expect(hit.composer.page).toBe('article-editor');
    expect(hit.composer.surfaces.body.text()).toBe(ARTICLE_BODY);
    expect(wechatAdapter.controlAt(template, s)).toBeNull();
    expect(
      wechatAdapter.controlAt(button(document, '.js_mass_send_dialog .mass-send__footer .js_cancel'), s),
    ).toBeNull();
  });

  it('records a scheduled publish as such', () => {
    const { document } = snapshot('wechat-article-modern.html');
    showDialog(document, 'js_mass_send_dialog');
    (document.querySelector('.js_mass_send_dialog .js_timer_switch') as HTMLInputElement).checked = true;
    const hit = wechatAdapter.controlAt(button(document, '.js_mass_send_dialog .js_mass_send_confirm'), s)!;
    expect(hit.composer.page).toBe('article-scheduled');
  });

  it('leaves the second confirm to the settings dialog, and gates it when the flow has no settings dialog', () => {
    const { document } = snapshot('wechat-article-modern.html');
    showDialog(document, 'js_publish_confirm');
    const continueButton = button(document, '.js_publish_confirm .js_continue');
    expect(wechatAdapter.controlAt(continueButton, s)).toBeNull();
    for (const m of [...document.querySelectorAll('.mass-send')]) m.remove();
    expect(wechatAdapter.controlAt(continueButton, s)?.composer.page).toBe('article-editor');
    expect(wechatAdapter.controlAt(button(document, '.js_publish_confirm .js_cancel'), s)).toBeNull();
    expect(
      wechatAdapter.controlAt(button(document, '.js_publish_confirm_tpl .weui-desktop-btn_primary'), s),
    ).toBeNull();
  });

  it('gates 预览’s 确定, which sends the article to a phone', () => {
    const { document } = snapshot('wechat-image-post.html');
    const confirm = button(document, '.js_preview_dialog .js_preview_confirm');
    expect(wechatAdapter.controlAt(confirm, s)).toBeNull();
    showDialog(document, 'js_preview_dialog');
    const hit = wechatAdapter.controlAt(confirm, s)!;
    expect(hit.composer.kind).toBe('image-post');
    expect(hit.composer.page).toBe('image-post-preview');
  });

  it('finds the composer from a keystroke target in any of its fields', () => {
    const { document } = snapshot('wechat-article-modern.html');
    expect(wechatAdapter.composerAt(document.querySelector('#ueditor_0 .ProseMirror p')!, s)?.kind).toBe('article');
    expect(wechatAdapter.composerAt(document.querySelector('#js_description')!, s)?.kind).toBe('article');
    expect(wechatAdapter.composerAt(document.querySelector('#js_send button')!, s)).toBeNull();
  });
});

describe('network', () => {
  const rule = ruleFor(WECHAT_ENDPOINTS);
  const mp = 'https://mp.weixin.qq.com/cgi-bin/';

  it('holds 发表, scheduled 发表 and 预览', () => {
    expect(rule(`${mp}masssend?t=ajax-response&is_release_publish_page=1&token=1`)?.role).toBe('publish');
    expect(rule(`${mp}masssend?t=ajax-response&is_release_publish_page=0&token=1`)?.id).toBe('masssend');
    expect(rule(`${mp}masssend?action=time_send&t=ajax-response&token=1`)?.id).toBe('masssend/time_send');
    expect(rule(`${mp}operate_appmsg?t=ajax-appmsg-preview&sub=preview&type=77&token=1`)?.id).toBe(
      'operate_appmsg/preview',
    );
  });

  it('never holds autosave or the pre-checks', () => {
    expect(rule(`${mp}operate_appmsg?t=ajax-response&sub=update&type=77&token=1`)?.role).toBe('autosave');
    expect(rule(`${mp}operate_appmsg?t=ajax-response&sub=create&type=77&token=1`)?.role).toBe('autosave');
    expect(rule(`${mp}masssend?t=ajax-response&for_check=1&is_release_publish_page=1&token=1`)?.role).toBe('check');
    for (const action of ['check_same_material', 'get_appmsg_copyright_stat', 'check_ad', 'check_music']) {
      expect(rule(`${mp}masssend?action=${action}&token=1`)?.role).toBe('check');
    }
    expect(rule(`${mp}masssendpage?f=json&preview_appmsgid=1`)).toBeUndefined();
  });

  const held = (endpoint: string, fields: Record<string, string>): HeldRequest => ({
    id: 'r1',
    endpoint,
    method: 'POST',
    url: `${mp}operate_appmsg?t=ajax-appmsg-preview&sub=preview&type=77&token=1`,
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])),
    via: 'xhr',
  });

  it('reads a preview request as the article it sends', () => {
    const request = held('operate_appmsg/preview', {
      title0: '标题',
      author0: '市应急管理局',
      digest0: '摘要',
      content0: '<p>第一段<a href="https://mp.weixin.qq.com/s/x">链接</a></p><p>第二段</p>',
      sourceurl0: 'https://www.gov.cn/a.html',
      copyright_type0: '1',
      share_page_type0: '0',
      preusername: 'wxid_abc',
    });
    expect(wechatAdapter.network.toDraft(request)).toEqual({
      kind: 'article',
      page: 'article-preview',
      draft: {
        title: '标题',
        author: '市应急管理局',
        summary: '摘要',
        body: '第一段链接\n第二段',
        links: [{ href: 'https://mp.weixin.qq.com/s/x', text: '链接' }],
        source: { url: 'https://www.gov.cn/a.html' },
        original: true,
      },
    });
  });

  it('reads a 贴图 preview as an image post', () => {
    const draft = wechatAdapter.network.toDraft(
      held('operate_appmsg/preview', {
        title0: '春日',
        content0: '<p>描述</p>',
        share_page_type0: '8',
        copyright_type0: '0',
      }),
    );
    expect(draft).toMatchObject({
      kind: 'image-post',
      page: 'image-post-preview',
      draft: { body: '描述', original: false },
    });
  });

  it('names the saved draft masssend publishes, since it carries only the draft id', () => {
    expect(wechatAdapter.network.toDraft(held('masssend', { appmsgid: '2247483650', operation_seq: '1' }))).toEqual({
      kind: 'article',
      saved: { id: '2247483650' },
    });
    expect(
      wechatAdapter.network.toDraft(held('masssend/time_send', { appmsgid: '1', send_time: '1767200000' })),
    ).toEqual({ kind: 'article', saved: { id: '1' } });
    expect(() => wechatAdapter.network.toDraft(held('masssend', { operation_seq: '1' }))).toThrow(/appmsgid/);
  });
});

describe('reading back the saved draft masssend names', () => {
  const reader = wechatAdapter.network.savedDraft!;
  const request: HeldRequest = {
    id: 'r2',
    endpoint: 'masssend',
    method: 'POST',
    url: 'https://mp.weixin.qq.com/cgi-bin/masssend?t=ajax-response&is_release_publish_page=1&token=1234567890',
    fields: { appmsgid: ['2247483650'] },
    via: 'xhr',
  };
  const page = 'https://mp.weixin.qq.com/cgi-bin/appmsg?action=list_card&type=77&token=1234567890&lang=zh_CN';

  it('asks the saved-draft address for JSON with the session token', () => {
    const url = new URL(reader.url('2247483650', request, page));
    expect(url.origin + url.pathname).toBe('https://mp.weixin.qq.com/cgi-bin/appmsg');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      t: 'media/appmsg_edit',
      action: 'edit',
      appmsgid: '2247483650',
      token: '1234567890',
      f: 'json',
    });
    expect(() => reader.url('1\n2', request, page)).toThrow(/编号/);
    expect(() =>
      reader.url('1', { ...request, url: 'https://mp.weixin.qq.com/cgi-bin/masssend' }, 'https://mp.weixin.qq.com/'),
    ).toThrow(/token/);
  });

  it('reads every published field of every article', () => {
    const answer = {
      base_resp: { ret: 0 },
      app_msg_info: {
        item: [
          {
            multi_item: [
              {
                title: '防汛通知',
                author: '应急局',
                digest: '摘要',
                content: '<p>第一段<a href="https://www.gov.cn/x">链接</a></p>',
                source_url: 'https://www.gov.cn/a.html',
                copyright_type: 1,
              },
              { title: '第二篇', digest: '', content: '<p>第二篇正文</p>' },
            ],
          },
        ],
      },
    };
    expect(reader.parse(answer, page)).toEqual({
      title: '防汛通知',
      author: '应急局',
      summary: '摘要',
      body: '第一段链接\n\n第二篇\n第二篇正文',
      links: [{ href: 'https://www.gov.cn/x', text: '链接' }],
      source: { url: 'https://www.gov.cn/a.html' },
      original: true,
    });
  });

  it('says why an answer holds no draft', () => {
    expect(() => reader.parse({ base_resp: { ret: 200003 } }, page)).toThrow(/ret=200003/);
    expect(() => reader.parse({ base_resp: { ret: 0 }, app_msg_info: { item: [] } }, page)).toThrow(/没有稿件/);
    expect(() => reader.parse('<html>', page)).toThrow(/ret/);
  });
});

describe('selector overrides from a rule pack', () => {
  it('are checked against the WeChat and headline-article tables', async () => {
    const { checkSites } = await import('../../pack-trust/sites');
    const { SITE_SCHEMA } = await import('../../adapters/site-schema');
    expect(
      checkSites(
        { wechat: { send: ['#js_send_v2 button'] }, 'card-weibo': { body: ['.editor-v6 [contenteditable]'] } },
        SITE_SCHEMA,
      ),
    ).toEqual([]);
    expect(checkSites({ wechat: { sendButton: ['#x'] } }, SITE_SCHEMA)).toEqual([
      expect.stringContaining('sites.wechat.sendButton'),
    ]);
  });

  it('move the adapter to a renamed 发表 button', () => {
    const { document } = snapshot('wechat-article-modern.html');
    document.getElementById('js_send')!.id = 'js_send_v2';
    const page = wechatAdapter.page(document.location, document, s)!;
    expect(page.expects.filter((e) => !e.found(document, s)).map((e) => e.label)).toEqual(['找不到“发表”按钮']);
    const { selectors } = resolveSelectors(
      wechatAdapter.selectors,
      { send: ['#js_send_v2 button'] },
      'wechat',
      () => true,
    );
    expect(page.expects.filter((e) => !e.found(document, selectors)).map((e) => e.label)).toEqual([]);
  });
});

describe('the legacy iframe body', () => {
  it('is found as the composer from a keystroke inside the frame', () => {
    const { document } = snapshot('wechat-article-legacy.html');
    const frameBody = (document.getElementById('ueditor_0') as HTMLIFrameElement).contentDocument!.body;
    const composer = wechatAdapter.composerAt(frameBody.querySelector('p')!, s);
    expect(composer?.surfaces.body.element).toBe(frameBody);
  });
});
