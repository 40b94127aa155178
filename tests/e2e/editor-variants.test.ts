/**
 * Pages the adapters were not written against: an independent Vue 3 weibo.com (a contenteditable
 * composer with another placeholder, a restored draft already in it, a comment textarea with
 * another placeholder) and a WeChat editor whose publish dialogs are native modal <dialog>s of
 * another kit (no weui classes, no `.mass-send`, buttons named by aria-label). The first line
 * recognises the composers and publish controls by what they are; live checking starts from the
 * first character; the editor's own publish is never worded as a request "behind their back";
 * and focus handling is the same on both (定位 keeps focus in the panel, Esc goes back).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPublish, serveWechat, type WechatReplica } from '../replicas/wechat/mp-server';
import { serveWeiboVueReplica, type WeiboVueReplica } from '../replicas/weibo-vue/server';
import {
  clearStore,
  guardPanel,
  latestAttempt,
  launchGuardedBrowser,
  storedAttempts,
  type GuardedBrowser,
} from './harness';
import { DRAFTS } from './weibo-session';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const BOX = '[role="textbox"][aria-label="微博正文"]';

let browser: GuardedBrowser;
let weibo: WeiboVueReplica;
let wechat: WechatReplica;
let page: Page;

beforeAll(async () => {
  browser = await launchGuardedBrowser();
  weibo = await serveWeiboVueReplica(browser.context);
  wechat = await serveWechat(browser.context, { autosaveMs: 60_000, dialogs: 'native' });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await clearStore(browser.worker);
  weibo.requests.length = 0;
  wechat.log.clear();
  await page?.close();
  page = await browser.context.newPage();
});

const badge = () => page.locator('govpost-guard').getByRole('button', { name: /发布前检查：\d+ 处问题/ });

/** Focus inside the guard's shadow root, or null when focus is elsewhere. */
const guardFocus = () =>
  page.evaluate(() => {
    const host = document.querySelector('govpost-guard');
    if (!host || (!host.contains(document.activeElement) && document.activeElement !== host)) return null;
    const el = host.shadowRoot!.activeElement as HTMLElement | null;
    return el ? (el.getAttribute('aria-label') ?? el.textContent) : null;
  });

describe('an independent Vue 3 weibo.com', () => {
  it('a draft restored into the contenteditable composer is underlined at once, before any typing', async () => {
    await page.goto(`https://weibo.com/?draft=${encodeURIComponent(DRAFTS.warn)}`);
    await page.locator(BOX).waitFor();
    await expect.poll(() => badge().innerText(), { timeout: 3000 }).toBe('2');
    expect(await page.locator('govpost-guard .mark').count()).toBeGreaterThanOrEqual(2);
  });

  it('typing from the first character is checked, and 发送 is held by the first line with the ordinary wording', async () => {
    await page.goto('https://weibo.com/');
    await page.locator(BOX).click();
    await page.keyboard.type(DRAFTS.warn, { delay: 5 });
    await expect.poll(() => badge().innerText()).toBe('2');
    await page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(page);
    await panel.waitFor();
    expect(await panel.innerText()).not.toContain('页面直接发出了发布请求');
    await panel.getByRole('button', { name: '返回修改' }).click();
    await page.waitForTimeout(500);
    expect(weibo.published()).toHaveLength(0);
    // The attempt is written while the panel opens; its outcome follows the click.
    await expect
      .poll(
        async () =>
          (await storedAttempts(browser.worker)).map(({ kind, page, decision }) => ({ kind, page, decision })),
        {
          timeout: 10_000,
        },
      )
      .toEqual([{ kind: 'post', page: 'home', decision: 'cancelled' }]);
  });

  it('a clean post goes once; the comment textarea with another placeholder is guarded too', async () => {
    await page.goto('https://weibo.com/');
    await page.locator(BOX).click();
    await page.keyboard.type(DRAFTS.clean);
    await page.getByRole('button', { name: '发送' }).click();
    await expect.poll(() => weibo.published('/ajax/statuses/update').length, { timeout: 10_000 }).toBe(1);
    expect(weibo.published()[0]!.fields.content).toBe(DRAFTS.clean);

    await page.locator('textarea[placeholder="写下你的评论…"]').fill(DRAFTS.block);
    await page.getByRole('button', { name: '评论' }).click();
    await guardPanel(page).waitFor();
    expect(await guardPanel(page).getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await page.waitForTimeout(500);
    expect(weibo.published('/ajax/comments/create')).toHaveLength(0);
  });
});

describe('a WeChat editor with native modal dialogs of another kit', () => {
  async function write(body: string) {
    await page.goto(wechat.editorUrl());
    await page.locator('#title').fill('关于做好春节期间安全生产工作的通知');
    await page.locator('#ueditor_0 .ProseMirror').fill(body);
  }
  const settings = () => page.locator('dialog.js_mass_send_dialog');

  it('the dialog’s 发表 (named by aria-label) is recognised by the first line; the panel is usable over the modal dialog', async () => {
    await write(DRAFTS.warn);
    await page.locator('#js_send button').click();
    await settings().waitFor({ state: 'visible' });
    await settings().getByRole('button', { name: '发表' }).click();
    const panel = guardPanel(page);
    await panel.waitFor();
    await page.screenshot({ path: `${SHOTS}/wechat-native-dialog-panel.png` });
    expect(await panel.innerText()).not.toContain('页面直接发出了发布请求');
    expect(await latestAttempt(browser.worker)).toMatchObject({ platform: 'wechat', verdict: 'warn' });

    // 定位 shows the word and keeps focus in the panel; Esc still works; typing does not replace text.
    await panel.getByRole('button', { name: /定位 「做为」/ }).click();
    expect(await guardFocus()).toMatch(/^定位 「做为」/);
    const before = await page.locator('#ueditor_0 .ProseMirror').innerText();
    await page.keyboard.type('x');
    expect(await page.locator('#ueditor_0 .ProseMirror').innerText()).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await expect
      .poll(async () => (await storedAttempts(browser.worker)).map((a) => a.decision), { timeout: 10_000 })
      .toEqual(['cancelled']);
    expect(wechat.log.calls.filter(isPublish)).toHaveLength(0);
  });

  it('a clean article goes through the whole chain once, checked once (继续发表 does not ask again)', async () => {
    await write('为切实做好春节期间安全生产工作，各县（市、区）要落实属地管理责任。');
    await page.locator('#js_send button').click();
    await settings().waitFor({ state: 'visible' });
    await settings().getByRole('button', { name: '发表' }).click();
    const confirm = page.locator('dialog.js_publish_confirm');
    await confirm.waitFor({ state: 'visible' });
    await confirm.getByRole('button', { name: '继续发表' }).click();
    await expect.poll(() => wechat.log.calls.filter(isPublish).length, { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(wechat.log.calls.filter(isPublish)).toHaveLength(1);
    await expect
      .poll(async () => (await storedAttempts(browser.worker)).map((a) => a.decision), { timeout: 10_000 })
      .toEqual(['published']);
  });
});
