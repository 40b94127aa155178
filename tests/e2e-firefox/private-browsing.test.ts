/**
 * Permanent private browsing in Firefox ("never remember history"), with the add-on allowed in
 * private windows by policy (ExtensionSettings.private_browsing). The extension's own pages are
 * private then, and Firefox refuses them IndexedDB writes: the audit log cannot be written. The
 * guard logs before anything leaves, so it fails closed — the post is stopped with a notice, never
 * sent — and docs/firefox.md tells admins to keep this mode off editors' machines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { DRAFTS, HOME_INPUT } from '../e2e/weibo-session';
import { css, fill, find, innerText, sleep } from './dom';
import { geckoId, launchFirefox, type FirefoxGuard } from './firefox';
import { FirefoxRoutes } from './routes';

let firefox: FirefoxGuard;
let replica: WeiboReplica;

// Not firefoxSession: its clearStore reads the log through IndexedDB, which Firefox refuses here.
beforeAll(async () => {
  const routes = new FirefoxRoutes();
  replica = await serveWeiboReplica(routes, { heartbeatMs: 60_000 });
  firefox = await launchFirefox({
    routes,
    prefs: { 'browser.privatebrowsing.autostart': true },
    policies: { ExtensionSettings: { [geckoId()]: { private_browsing: true } } },
  });
});

afterAll(async () => {
  await firefox?.close();
});

describe('permanent private browsing', () => {
  it('the log cannot be written, so even a clean post is stopped with a notice and never sent', async () => {
    expect(
      await firefox.extension.evaluate(
        () =>
          (globalThis as unknown as { browser: { extension: { inIncognitoContext: boolean } } }).browser.extension
            .inIncognitoContext,
      ),
    ).toBe(true);
    const page = await firefox.newPage();
    await page.goto('https://weibo.com/');
    await fill(await css(page, HOME_INPUT), DRAFTS.clean);
    await (await find(page, 'button', '发送')).click();
    const notice = await find(page, undefined, undefined, {
      css: '[role="alert"], [role="status"]',
      text: '无法写入发布日志',
    });
    expect(await innerText(notice)).toContain('本次发布已拦截');
    await sleep(900);
    expect(replica.published()).toEqual([]);
  });
});
