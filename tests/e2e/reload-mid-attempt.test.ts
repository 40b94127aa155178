/**
 * The extension reloaded in the middle of an attempt: the editor clicked 发送 on a blocked post and
 * the panel is open when the extension reloads, so the old page can no longer write the decision
 * and the attempt would stay undecided in the log for good. The orphaned guard seals what is left
 * to write into the page's storage; once the editor reloads the page (as the notice asks) the new
 * guard writes it: blocked — and nothing was published. (An attempt whose entry never reached the
 * background is sealed whole the same way: tests/guard/handover.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { HANDOVER_KEY } from '../../guard/handover';
import { guardPanel, launchGuardedBrowser, reloadExtension, storedAttempts, type GuardedBrowser } from './harness';
import { DRAFTS, HOME_INPUT as HOME } from './weibo-session';

let browser: GuardedBrowser;
let replica: WeiboReplica;

beforeAll(async () => {
  browser = await launchGuardedBrowser();
  replica = await serveWeiboReplica(browser.context, { heartbeatMs: 5000 });
});
afterAll(async () => {
  await browser?.close();
});

describe('extension reloaded in the middle of an attempt', () => {
  it('the blocked attempt is written to the log by the next guard on the site', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://weibo.com/');
    await page.locator(HOME).waitFor();
    await page.locator(HOME).fill(DRAFTS.block);
    await page.getByRole('button', { name: '发送' }).click();
    await guardPanel(page).waitFor();
    // The attempt is in the log, undecided: the editor is reading the panel when the extension reloads.
    await expect.poll(async () => (await storedAttempts(browser.worker)).map((a) => a.decision)).toEqual(['pending']);
    await reloadExtension(browser);

    const notice = page.locator('govpost-guard-reload').getByRole('alert');
    await notice.waitFor({ timeout: 20_000 });
    // Kept in the page's storage, sealed: the page sees neither the text nor the decision.
    const kept = () => page.evaluate((key) => localStorage.getItem(key), HANDOVER_KEY);
    await expect.poll(kept).not.toBeNull();
    expect(await kept()).not.toContain(DRAFTS.block.slice(0, 8));
    expect(await kept()).not.toContain('blocked');

    // The editor reloads the page, as the notice asks; the new guard writes what the old one kept.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.locator(HOME).waitFor();
          return page.locator('govpost-guard').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    const blocked = async () => (await storedAttempts(browser.worker)).filter((a) => a.text === DRAFTS.blockLogged);
    await expect.poll(async () => (await blocked()).map((a) => a.decision), { timeout: 20_000 }).toEqual(['blocked']);
    expect((await blocked())[0]).toMatchObject({ platform: 'weibo', verdict: 'block', url: 'https://weibo.com/' });
    // Written once, and gone from the page's storage.
    await expect.poll(kept).toBeNull();
    expect(await storedAttempts(browser.worker)).toHaveLength(1);
    expect(replica.published()).toHaveLength(0);
  });
});
