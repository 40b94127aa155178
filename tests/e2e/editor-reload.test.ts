/**
 * The extension reloaded (or updated) with a guarded tab open: the orphaned guard lets go of the
 * page — it holds no click — and says plainly that the page needs a reload; nothing is published
 * unchecked meanwhile (the network gate refuses). A page opened afterwards has a working guard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { guardPanel, launchGuardedBrowser, reloadExtension, type GuardedBrowser } from './harness';
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

describe('extension reloaded with a guarded tab open', () => {
  it('the old page gets a clear notice and a refused publish, never a swallowed click; a new page is guarded', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://weibo.com/');
    await page.locator(HOME).waitFor();
    await page.locator(HOME).fill(DRAFTS.warn);
    await page.waitForTimeout(500);

    await reloadExtension(browser);
    const notice = page.locator('govpost-guard-reload').getByRole('alert');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toContain('刷新本页');

    // The click reaches the page (the orphan holds nothing); the request is refused, not sent.
    const handled = await page.evaluate(
      () => (window as unknown as { __replica: { handled: unknown[] } }).__replica.handled.length,
    );
    await page.getByRole('button', { name: '发送' }).click();
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __replica: { handled: unknown[] } }).__replica.handled.length),
      )
      .toBeGreaterThan(handled);
    await page.waitForTimeout(800);
    expect(replica.published()).toHaveLength(0);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // A page loaded after the reload is guarded by the new extension.
    const fresh = await browser.context.newPage();
    // The new worker runs; its content scripts may take a moment more: load until the guard is there.
    await expect
      .poll(
        async () => {
          await fresh.goto('https://weibo.com/');
          await fresh.locator(HOME).waitFor();
          return fresh.locator('govpost-guard').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await fresh.locator(HOME).fill(DRAFTS.warn);
    await fresh.getByRole('button', { name: '发送' }).click();
    await guardPanel(fresh).waitFor({ timeout: 10_000 });
    expect(replica.published()).toHaveLength(0);
  });
});
