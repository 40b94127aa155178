/**
 * Never silent, never dead: every wait of the guard on the background is bounded, and a publish
 * click always ends in the post going or a panel that says why it did not and offers the way on.
 * On the weibo.com replica: a tab switch before every publish, a policy read that never answers,
 * a background that never answers, and the service worker stopped in the middle of an attempt.
 */
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guardPanel, storedAttempts } from './harness';
import { DRAFTS, HOME_INPUT as HOME, openHome, weiboSession } from './weibo-session';

const s = weiboSession({ heartbeatMs: 5000 });

const home = () => openHome(s.page);

/** The extension's service worker now (a stopped one is replaced by a new one). */
async function worker(): Promise<Worker> {
  const live = s.browser.context.serviceWorkers();
  return live.at(-1) ?? (await s.browser.context.waitForEvent('serviceworker', { timeout: 20_000 }));
}

describe('a publish click is never swallowed', () => {
  it('tab switch, then publish: ten times in a row, every post goes', async () => {
    await home();
    for (let i = 1; i <= 10; i++) {
      const other = await s.browser.context.newPage();
      await other.goto('about:blank');
      await other.close();
      await s.page.bringToFront();
      await s.page.locator(HOME).fill(`${DRAFTS.clean}（第${i}次）`);
      await s.page.getByRole('button', { name: '发送' }).click();
      await expect.poll(() => s.replica.published('/ajax/statuses/update').length, { timeout: 10_000 }).toBe(i);
    }
    expect((await storedAttempts(s.browser.worker)).map((a) => a.decision)).toEqual(Array(10).fill('published'));
  });

  it('a policy read that never answers: the background answers anyway, and the post goes', async () => {
    type Managed = { __get?: unknown; chrome: { storage: { managed: { get: unknown } } } };
    await s.browser.worker.evaluate(() => {
      const g = globalThis as unknown as Managed;
      g.__get = g.chrome.storage.managed.get;
      g.chrome.storage.managed.get = () => new Promise(() => undefined);
    });
    try {
      await home();
      await s.page.locator(HOME).fill(DRAFTS.clean);
      await s.page.getByRole('button', { name: '发送' }).click();
      await expect.poll(() => s.replica.published().length, { timeout: 10_000 }).toBe(1);
      await s.page.locator(HOME).fill(DRAFTS.warn);
      await s.page.getByRole('button', { name: '发送' }).click();
      await guardPanel(s.page).waitFor({ timeout: 10_000 });
    } finally {
      await s.browser.worker.evaluate(() => {
        const g = globalThis as unknown as Managed;
        g.chrome.storage.managed.get = g.__get;
      });
    }
  });
});

describe('a background that does not answer', () => {
  const t = s;

  it('holds the post and opens the error panel within seconds, with 重试; retried, the post goes once', async () => {
    await t.page.goto('https://weibo.com/');
    await t.page.locator(HOME).waitFor();
    // The log hashes every entry: a hash that never comes is a background that never answers.
    await t.browser.worker.evaluate(() => {
      const g = globalThis as unknown as { __digest: unknown; crypto: { subtle: { digest: unknown } } };
      g.__digest = g.crypto.subtle.digest;
      g.crypto.subtle.digest = () => new Promise(() => undefined);
    });
    await t.page.locator(HOME).fill(DRAFTS.clean);
    const clicked = Date.now();
    await t.page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(t.page);
    await panel.getByRole('button', { name: '重试' }).waitFor({ timeout: 8000 });
    expect(Date.now() - clicked).toBeLessThan(8000);
    expect(await panel.innerText()).toContain('稿件没有发出');
    expect(t.replica.published()).toHaveLength(0);

    await t.browser.worker.evaluate(() => {
      const g = globalThis as unknown as { __digest: unknown; crypto: { subtle: { digest: unknown } } };
      g.crypto.subtle.digest = g.__digest;
    });
    await panel.getByRole('button', { name: '重试' }).click();
    await expect.poll(() => t.replica.published().length, { timeout: 10_000 }).toBe(1);
    await t.page.waitForTimeout(500);
    expect(t.replica.published()).toHaveLength(1);
  });

  it('the service worker stopped in the middle of an attempt: the editor is told, and 重试 publishes once', async () => {
    await t.page.goto('https://weibo.com/');
    await t.page.locator(HOME).waitFor();
    // Slow the log down so the stop falls inside the attempt.
    await t.browser.worker.evaluate(() => {
      const g = globalThis as unknown as { crypto: { subtle: { digest: (...a: unknown[]) => Promise<unknown> } } };
      const digest = g.crypto.subtle.digest.bind(g.crypto.subtle);
      g.crypto.subtle.digest = (...a: unknown[]) => new Promise((r) => setTimeout(r, 1500)).then(() => digest(...a));
    });
    const cdp = await t.browser.context.newCDPSession(t.page);
    await t.page.locator(HOME).fill(DRAFTS.clean);
    await t.page.getByRole('button', { name: '发送' }).click();
    await t.page.waitForTimeout(300);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const panel = guardPanel(t.page);
    // Either it had already gone (logged), or the editor sees the error panel: never nothing.
    const outcome = await Promise.race([
      panel
        .getByRole('button', { name: '重试' })
        .waitFor({ timeout: 10_000 })
        .then(() => 'panel'),
      expect
        .poll(() => t.replica.published().length, { timeout: 10_000 })
        .toBe(1)
        .then(() => 'sent'),
    ]);
    if (outcome === 'panel') {
      expect(t.replica.published()).toHaveLength(0);
      await panel.getByRole('button', { name: '重试' }).click();
      await expect.poll(() => t.replica.published().length, { timeout: 15_000 }).toBe(1);
    }
    await t.page.waitForTimeout(500);
    expect(t.replica.published()).toHaveLength(1);
    const attempts = await storedAttempts(await worker());
    expect(attempts.some((a) => a.decision === 'published')).toBe(true);
  });
});
