/**
 * The guard on the WeChat Official Accounts Platform in Firefox ESR, end to end: the replica
 * editor served at https://mp.weixin.qq.com/cgi-bin/appmsg… by the same server as in Chromium
 * (tests/replicas/wechat/mp-server.ts), whose mock endpoints record what reaches them. Both body
 * kinds (ProseMirror, and the legacy editor's about:blank iframe), both lines, and autosave.
 */
import type { ElementHandle } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../replicas/lib/endpoints';
import { isPreview, isPublish, isSave, serveWechat, type WechatReplica } from '../replicas/wechat/mp-server';
import { storedAttempts } from '../e2e/harness';
import * as recorded from '../e2e/recorded';
import { count, css, fill } from './dom';
import { answerPanel, guardPanel, panelText, waiter } from './guard-page';
import { firefoxSession } from './session';

const TITLE = '关于做好春节期间安全生产工作的通知';
const CLEAN = '为切实做好春节期间安全生产工作，各县（市、区）要落实属地管理责任。';
const { warn: WARN, block: BLOCK, blockLogged: BLOCK_LOGGED, fixed: FIXED } = recorded.SAMPLES;
const ACCOUNT = { name: '保定发布', id: 'gh_0a1b2c3d4e5f' };

const s = firefoxSession<WechatReplica>(
  (routes) => serveWechat(routes, { autosaveMs: 400 }),
  (mp) => {
    mp.configure({ body: 'prosemirror', titleOverlay: false });
    mp.log.clear();
  },
);

const reachesOnce = (match: (c: RecordedCall) => boolean) => recorded.reachesOnce(waiter, s.replica.log, match);
const neverReaches = (match: (c: RecordedCall) => boolean = (c) => isPublish(c) || isPreview(c)) =>
  recorded.neverReaches(waiter, s.replica.log, match);
const lastAttempt = () => recorded.lastAttempt(s.firefox.extension);

async function body(): Promise<ElementHandle<Element>> {
  const frame = await s.page.$('iframe#ueditor_0');
  if (frame) return css(await frame.contentFrame(), 'body');
  return css(s.page, '#ueditor_0 .ProseMirror, #guide_words_main .ProseMirror');
}

async function writeBody(text: string) {
  const el = await body();
  if (await el.evaluate((b) => b.ownerDocument !== b.ownerDocument.defaultView!.top!.document)) {
    // The legacy editor's body is an about:blank iframe: set its paragraph as UEditor does.
    await el.click();
    await el.evaluate((b, t) => {
      b.innerHTML = `<p>${t}</p>`;
      b.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    return;
  }
  await fill(el, text);
}

async function writeArticle(text: string) {
  await s.page.goto(s.replica.editorUrl('article'));
  await fill(await css(s.page, '#title'), TITLE);
  await writeBody(text);
}

const massSend = () => css(s.page, '.js_mass_send_dialog');

/** 发表 → the settings dialog → its 发表 (where the guard stops the chain). */
async function publish() {
  await (await css(s.page, '#js_send button')).click();
  await (await css(await massSend(), '.mass-send__footer .weui-desktop-btn_primary')).click();
}

/** The rest of the chain once the guard let the post go: 继续发表. */
async function continuePublishing() {
  await (await css(await css(s.page, '.js_publish_confirm'), '.js_continue')).click();
}

describe.each(['prosemirror', 'iframe'] as const)('article editor with a %s body', (kind) => {
  it('a clean article goes through the whole 发表 chain and reaches masssend exactly once', async () => {
    s.replica.configure({ body: kind });
    await writeArticle(CLEAN);
    await publish();
    await continuePublishing();
    expect((await reachesOnce(isPublish)).query.get('is_release_publish_page')).toBe('1');
    expect(await lastAttempt()).toMatchObject({
      platform: 'wechat',
      kind: 'article',
      page: 'article-editor',
      verdict: 'pass',
      decision: 'published',
      title: TITLE,
      text: CLEAN,
      account: ACCOUNT,
    });
    expect(await storedAttempts(s.firefox.extension)).toHaveLength(1);
  });

  it('a blocked article stays on the page; fixed and published again, it goes exactly once', async () => {
    s.replica.configure({ body: kind });
    await writeArticle(BLOCK);
    await publish();
    const panel = await guardPanel(s.page);
    expect(await panelText(s.page)).toContain('11010519491231002X');
    expect(await count(panel, 'button', '仍要发布')).toBe(0);
    await answerPanel(s.page, '返回修改');
    expect(await count(s.page, undefined, undefined, { css: '.js_publish_confirm' })).toBe(0);
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });

    await (await css(await massSend(), '.js_cancel')).click();
    await writeBody(FIXED);
    await publish();
    await continuePublishing();
    await reachesOnce(isPublish);
    expect((await storedAttempts(s.firefox.extension)).map((a) => a.decision)).toEqual(['blocked', 'published']);
  });
});

describe('autosave and the network line', () => {
  it('autosave (operate_appmsg sub=update) is never held, even while the panel holds 发表', async () => {
    await writeArticle(WARN);
    await publish();
    await guardPanel(s.page);
    const before = s.replica.log.count(isSave);
    await expect.poll(() => s.replica.log.count(isSave), { timeout: 5000 }).toBeGreaterThan(before + 2);
    await answerPanel(s.page, '返回修改');
    await neverReaches();
  });

  const MASSSEND = '/cgi-bin/masssend?t=ajax-response&is_release_publish_page=1';
  /**
   * The id of the saved draft the editor's autosave made for `text`: masssend names a saved draft,
   * and the guard checks that draft as the platform stores it (ids of other tests' drafts are other
   * articles).
   */
  async function editorDraftId(text: string): Promise<string> {
    const saved = () => s.replica.draftIds().filter((id) => s.replica.savedDraft(id)?.content0?.includes(text));
    await expect.poll(() => saved().length).toBeGreaterThan(0);
    return saved().at(-1)!;
  }
  const direct = (via: 'fetch' | 'xhr', appmsgid: string) =>
    s.page.evaluate(
      (via, path, appmsgid) => {
        const url = `${path}&token=${new URLSearchParams(location.search).get('token')}&lang=zh_CN`;
        const form = `appmsgid=${appmsgid}&operation_seq=1&send_time=0`;
        const headers = { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' };
        if (via === 'fetch') return fetch(url, { method: 'POST', headers, body: form }).then((r) => r.json());
        return new Promise((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', url);
          xhr.setRequestHeader('Content-Type', headers['Content-Type']);
          xhr.onload = () => resolve(JSON.parse(xhr.responseText));
          xhr.send(form);
        });
      },
      via,
      MASSSEND,
      appmsgid,
    );

  it.each(['xhr', 'fetch'] as const)(
    'a page script calling masssend by %s for a blocked article is held and never arrives',
    async (via) => {
      await writeArticle(BLOCK);
      const answer = direct(via, await editorDraftId(BLOCK));
      await answerPanel(s.page, '返回修改');
      expect(await answer).toMatchObject({ base_resp: { ret: -1 } });
      await neverReaches();
      expect(await lastAttempt()).toMatchObject({ kind: 'article', verdict: 'block', decision: 'blocked' });
    },
  );

  it('a direct masssend for a clean article passes exactly once', async () => {
    await writeArticle(CLEAN);
    expect(await direct('xhr', await editorDraftId(CLEAN))).toMatchObject({ base_resp: { ret: 0 } });
    await reachesOnce(isPublish);
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', text: CLEAN });
  });
});
