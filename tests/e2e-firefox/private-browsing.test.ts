/**
 * Permanent private browsing in Firefox ("never remember history"), with the add-on allowed in
 * private windows by policy (ExtensionSettings.private_browsing). The extension's own pages are
 * private then, and Firefox refuses them IndexedDB writes: the audit log cannot be written. The
 * guard logs before anything leaves, so it fails closed — the post is held, the panel says the log
 * was not written, and nothing is sent — and docs/firefox.md tells admins to keep this mode off editors' machines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { DRAFTS, HOME_INPUT } from '../e2e/weibo-session';
import { count, css, fill, find, sleep } from './dom';
import { guardPanel, panelText } from './guard-page';
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
  it('the log cannot be written, so even a clean post is held, the panel says why, and it is never sent', async () => {
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
    // The panel says why and offers only to try again or go back: no 仍要发布 without a log entry.
    const panel = await guardPanel(page);
    expect(await panelText(page)).toMatch(/发布日志没有写成（.+），稿件没有发出/);
    expect(await count(panel, 'button', '仍要发布')).toBe(0);
    await sleep(900);
    expect(replica.published()).toEqual([]);
  });
});
