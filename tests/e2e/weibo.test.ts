/**
 * The guard on weibo.com, end to end: the built extension in Chromium, the replica served at
 * https://weibo.com/, and the mock endpoints recording what reaches them. Both page generations
 * (Vue 2 `#app`, Vue 3 `[data-v-app]`), every composer kind.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { clearStore, guardPanel, launchGuardedBrowser, storedAttempts, type GuardedBrowser } from './harness';

// Drafts that trigger rules that ship now: no-typo (warn) and no-id-number (block).
const CLEAN = '保定市今冬明春森林防火工作部署会召开，各县（市、区）要压实责任。';
const WARN = '做为基层干部，我们要再接再励，把惠民实事办好。';
const BLOCK = '失主身份证号11010519491231002X，请联系保定市公安局。';

const HOME = 'textarea[placeholder="有什么新鲜事想分享给大家？"]';

let browser: GuardedBrowser;
let replica: WeiboReplica;
let page: Page;

beforeAll(async () => {
  browser = await launchGuardedBrowser();
  replica = await serveWeiboReplica(browser.context, { heartbeatMs: 300 });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await clearStore(browser.worker);
  replica.requests.length = 0;
  await page?.close();
  page = await browser.context.newPage();
});

async function open(url: string): Promise<Page> {
  await page.goto(url);
  return page;
}

/** Waits for exactly one request to `path`, then makes sure no second one follows. */
async function reachesOnce(path: string): Promise<Record<string, string>> {
  await expect.poll(() => replica.published(path).length, { timeout: 10_000 }).toBe(1);
  await page.waitForTimeout(700);
  expect(replica.published(path)).toHaveLength(1);
  return replica.published(path)[0].fields;
}

async function neverReaches(): Promise<void> {
  await page.waitForTimeout(900);
  expect(replica.published()).toHaveLength(0);
}

async function lastAttempt() {
  await expect.poll(async () => (await storedAttempts(browser.worker)).at(-1)?.decision, { timeout: 5000 }).not.toBe('pending');
  return (await storedAttempts(browser.worker)).at(-1)!;
}

async function card(n = 0): Promise<Locator> {
  const article = page.locator('article').nth(n);
  await article.waitFor();
  return article;
}

async function openComment(article: Locator): Promise<Locator> {
  await article.locator('i[title="评论"]').locator('..').click();
  const input = article.locator('textarea[placeholder="发布你的评论"]');
  await input.waitFor();
  return input;
}

async function openRepost(article: Locator): Promise<Locator> {
  await article.locator('i[title="转发"]').locator('..').click();
  const dialog = page.locator('[role="dialog"]:visible', { has: page.locator('textarea[placeholder*="说说分享心得"]') });
  await dialog.waitFor();
  return dialog;
}

describe.each(['vue2', 'vue3'] as const)('weibo.com, %s page generation', (gen) => {
  const home = () => open(`https://weibo.com/?replica=${gen}`);

  it('home composer: a clean post reaches statuses/update exactly once, logged as published with the account', async () => {
    await home();
    await page.locator(HOME).fill(CLEAN);
    await page.getByRole('button', { name: '发送' }).click();
    expect((await reachesOnce('/ajax/statuses/update')).content).toBe(CLEAN);
    const attempt = await lastAttempt();
    expect(attempt).toMatchObject({ platform: 'weibo', kind: 'post', page: 'home', verdict: 'pass', decision: 'published', text: CLEAN, url: `https://weibo.com/?replica=${gen}` });
    expect(attempt.account).toEqual({ name: '保定发布', id: '1234567890' });
    await expect.poll(() => guardPanel(page).count()).toBe(0);
  });

  it('home composer: a blocked post never reaches the endpoint; fixed and sent again, it goes exactly once', async () => {
    await home();
    await page.locator(HOME).fill(BLOCK);
    await page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(page);
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.innerText()).toContain('拦截');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await panel.getByRole('button', { name: '返回修改' }).click();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked' });

    await page.locator(HOME).fill('失主请携带本人身份证件到保定市公安局领取。');
    await page.getByRole('button', { name: '发送' }).click();
    expect((await reachesOnce('/ajax/statuses/update')).content).toBe('失主请携带本人身份证件到保定市公安局领取。');
    expect((await storedAttempts(browser.worker)).map((a) => a.decision)).toEqual(['blocked', 'published']);
  });

  it('home composer: a warned post goes after 仍要发布 with a reason, and the log holds the reason', async () => {
    await home();
    await page.locator(HOME).fill(WARN);
    await page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(page);
    await panel.waitFor();
    await page.waitForTimeout(500);
    expect(replica.published()).toHaveLength(0);
    await panel.getByLabel('发布理由（选填）').fill('引用原话，保持原文');
    await panel.getByRole('button', { name: '仍要发布' }).click();
    expect((await reachesOnce('/ajax/statuses/update')).content).toBe(WARN);
    const attempt = await lastAttempt();
    expect(attempt).toMatchObject({ verdict: 'warn', decision: 'published-with-reason', reason: '引用原话，保持原文' });
    expect(attempt.findings.map((f) => f.excerpt)).toEqual(['做为', '再接再励']);
  });

  it('home composer: Ctrl+Enter is guarded like the 发送 button', async () => {
    await home();
    const input = page.locator(HOME);
    await input.fill(WARN);
    await input.press('Control+Enter');
    await guardPanel(page).waitFor();
    await guardPanel(page).getByRole('button', { name: '返回修改' }).click();
    await neverReaches();
    expect(await input.inputValue()).toBe(WARN); // no newline slipped in, the draft is intact

    await input.fill(CLEAN);
    await input.press('Control+Enter');
    expect((await reachesOnce('/ajax/statuses/update')).content).toBe(CLEAN);
  });

  it('comment box: clean goes once, blocked never; with 同时转发 it is logged as a repost of the post', async () => {
    await open(`https://weibo.com/?replica=${gen}`);
    const article = await card(0);
    const input = await openComment(article);
    await input.fill(BLOCK);
    await article.getByRole('button', { name: '评论' }).click();
    await guardPanel(page).waitFor();
    await guardPanel(page).getByRole('button', { name: '返回修改' }).click();
    await neverReaches();

    await input.fill(CLEAN);
    await article.locator('label', { hasText: '同时转发' }).locator('input').check();
    await article.getByRole('button', { name: '评论' }).click();
    const fields = await reachesOnce('/ajax/comments/create');
    expect(fields).toMatchObject({ comment: CLEAN, is_repost: '1' });
    expect(await lastAttempt()).toMatchObject({ kind: 'repost', page: 'home', decision: 'published' });
  });

  it('reply box: a warned reply goes after 仍要发布, Ctrl+Enter included', async () => {
    await open(`https://weibo.com/?replica=${gen}`);
    const article = await card(1);
    await openComment(article);
    await article.locator('[role="button"]', { hasText: '回复' }).first().click();
    const input = article.locator('textarea[placeholder="发布你的回复"]');
    await input.waitFor();
    await input.fill(WARN);
    await input.press('Control+Enter');
    await guardPanel(page).waitFor();
    await guardPanel(page).getByRole('button', { name: '仍要发布' }).click();
    expect((await reachesOnce('/ajax/comments/reply')).comment).toBe(WARN);
    expect(await lastAttempt()).toMatchObject({ kind: 'reply', verdict: 'warn', decision: 'published' });
  });

  it('repost dialog: blocked never goes; the hidden template is not mistaken for it; clean goes once', async () => {
    await open(`https://weibo.com/?replica=${gen}`);
    const article = await card(2);
    let dialog = await openRepost(article);
    await dialog.locator('textarea').fill(BLOCK);
    await dialog.getByRole('button', { name: '转发' }).click();
    await guardPanel(page).waitFor();
    await guardPanel(page).getByRole('button', { name: '返回修改' }).click();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ kind: 'repost', page: 'repost', decision: 'blocked' });

    await dialog.locator('textarea').fill('转发：' + CLEAN);
    await dialog.getByRole('button', { name: '转发' }).click();
    expect((await reachesOnce('/ajax/statuses/normal_repost')).comment).toBe('转发：' + CLEAN);
    dialog = page.locator('[role="dialog"]:visible');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

describe('the second line (MAIN-world network gate)', () => {
  const direct = (via: 'fetch' | 'xhr', content: string) =>
    page.evaluate(
      ([via, content]) => {
        const body = new URLSearchParams({ content, visible: '0' }).toString();
        if (via === 'fetch') return fetch('/ajax/statuses/update', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body }).then((r) => r.json());
        return new Promise((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', '/ajax/statuses/update');
          xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
          xhr.onload = () => resolve(JSON.parse(xhr.responseText));
          xhr.send(body);
        });
      },
      [via, content] as const,
    );

  it.each(['fetch', 'xhr'] as const)('a page script posting to statuses/update by %s is held: blocked text never arrives, the page gets Weibo’s error shape', async (via) => {
    await open('https://weibo.com/');
    await page.locator(HOME).waitFor();
    const answer = direct(via, BLOCK);
    const panel = guardPanel(page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('页面直接发出了发布请求');
    await panel.getByRole('button', { name: '返回修改' }).click();
    expect(await answer).toMatchObject({ ok: 0 });
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ kind: 'post', verdict: 'block', decision: 'blocked', text: BLOCK });
  });

  it.each(['fetch', 'xhr'] as const)('a clean direct %s request passes exactly once, logged', async (via) => {
    await open('https://weibo.com/');
    await page.locator(HOME).waitFor();
    expect(await direct(via, CLEAN)).toMatchObject({ ok: 1 });
    await reachesOnce('/ajax/statuses/update');
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', text: CLEAN });
  });

  it('a post approved at the button is not asked about twice at the network', async () => {
    await open('https://weibo.com/');
    await page.locator(HOME).fill(WARN);
    await page.getByRole('button', { name: '发送' }).click();
    await guardPanel(page).getByRole('button', { name: '仍要发布' }).click();
    await reachesOnce('/ajax/statuses/update');
    expect(await guardPanel(page).count()).toBe(0);
    expect(await storedAttempts(browser.worker)).toHaveLength(1);
  });

  it('ordinary traffic (the heartbeat) is never held, even while the panel is open', async () => {
    await open('https://weibo.com/');
    await page.locator(HOME).fill(WARN);
    await page.getByRole('button', { name: '发送' }).click();
    await guardPanel(page).waitFor();
    const before = replica.requests.filter((r) => r.path === '/ajax/log/action').length;
    await expect.poll(() => replica.requests.filter((r) => r.path === '/ajax/log/action').length, { timeout: 5000 }).toBeGreaterThan(before + 2);
    await guardPanel(page).getByRole('button', { name: '返回修改' }).click();
    await neverReaches();
  });
});

describe('a single-page app that recycles and mounts late', () => {
  it('a composer in a recycled feed card is guarded for the post it now shows', async () => {
    await open('https://weibo.com/');
    const first = await card(0);
    await openComment(first);
    await page.evaluate(() => (window as unknown as { __replica: { scrollToPost(i: number): void } }).__replica.scrollToPost(12));
    // The same <article> elements now show other posts.
    await expect.poll(() => page.locator('article').first().innerText()).toContain('第13条');
    const recycled = await card(0);
    const input = await openComment(recycled);
    await input.fill(BLOCK);
    await recycled.getByRole('button', { name: '评论' }).click();
    await guardPanel(page).waitFor();
    await guardPanel(page).getByRole('button', { name: '返回修改' }).click();
    await neverReaches();
    await input.fill(CLEAN);
    await recycled.getByRole('button', { name: '评论' }).click();
    const fields = await reachesOnce('/ajax/comments/create');
    expect(fields.id).toBe(String(5000000000000000 + 12));
  });

  it('the post detail page: its comment box is guarded', async () => {
    await open('https://weibo.com/2803301701/Nq0Xa');
    const article = await card(0);
    const input = article.locator('textarea[placeholder="发布你的评论"]');
    await input.fill(WARN);
    await article.getByRole('button', { name: '评论' }).click();
    await guardPanel(page).waitFor();
    await guardPanel(page).getByRole('button', { name: '仍要发布' }).click();
    await reachesOnce('/ajax/comments/create');
    expect(await lastAttempt()).toMatchObject({ kind: 'comment', page: 'detail', decision: 'published' });
  });
});
