/**
 * The guard on weibo.com, end to end: the built extension in Chromium, the replica served at
 * https://weibo.com/, and the mock endpoints recording what reaches them. Both page generations
 * (Vue 2 `#app`, Vue 3 `[data-v-app]`), every composer kind.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guardPanel, storedAttempts } from './harness';
import * as recorded from './recorded';
import { DRAFTS, HOME_INPUT as HOME, weiboSession } from './weibo-session';

const { clean: CLEAN, warn: WARN, block: BLOCK, blockLogged: BLOCK_LOGGED } = DRAFTS;
const s = weiboSession({ heartbeatMs: 300 });

async function open(url: string): Promise<Page> {
  await s.page.goto(url);
  return s.page;
}

/** Waits for exactly one request to `path`, then makes sure no second one follows. */
async function reachesOnce(path: string): Promise<Record<string, string>> {
  await expect.poll(() => s.replica.published(path).length, { timeout: 10_000 }).toBe(1);
  await s.page.waitForTimeout(700);
  expect(s.replica.published(path)).toHaveLength(1);
  return s.replica.published(path)[0]!.fields;
}

async function neverReaches(): Promise<void> {
  await s.page.waitForTimeout(900);
  expect(s.replica.published()).toHaveLength(0);
}

const lastAttempt = () => recorded.lastAttempt(s.browser.worker);

async function card(n = 0): Promise<Locator> {
  const article = s.page.locator('article').nth(n);
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
  const dialog = s.page.locator('[role="dialog"]:visible', {
    has: s.page.locator('textarea[placeholder*="说说分享心得"]'),
  });
  await dialog.waitFor();
  return dialog;
}

/** One composer kind: how to open it, where it sends, what the log calls it. */
interface KindCase {
  name: string;
  open(gen: string): Promise<{ input: Locator; send: Locator }>;
  endpoint: string;
  /** The form field that carries the text. */
  field: 'content' | 'comment';
  logged: { kind: string; page: string };
}

const KINDS: KindCase[] = [
  {
    name: 'home composer (发送)',
    async open(gen) {
      await open(`https://weibo.com/?replica=${gen}`);
      return { input: s.page.locator(HOME), send: s.page.getByRole('button', { name: '发送' }) };
    },
    endpoint: '/ajax/statuses/update',
    field: 'content',
    logged: { kind: 'post', page: 'home' },
  },
  {
    name: 'comment box (评论)',
    async open(gen) {
      await open(`https://weibo.com/?replica=${gen}`);
      const article = await card(0);
      return { input: await openComment(article), send: article.getByRole('button', { name: '评论' }) };
    },
    endpoint: '/ajax/comments/create',
    field: 'comment',
    logged: { kind: 'comment', page: 'home' },
  },
  {
    name: 'reply box (回复)',
    async open(gen) {
      await open(`https://weibo.com/?replica=${gen}`);
      const article = await card(1);
      await openComment(article);
      await article.locator('[role="button"]', { hasText: '回复' }).first().click();
      const input = article.locator('textarea[placeholder="发布你的回复"]');
      await input.waitFor();
      return { input, send: article.locator('button', { hasText: '回复' }) };
    },
    endpoint: '/ajax/comments/reply',
    field: 'comment',
    logged: { kind: 'reply', page: 'home' },
  },
  {
    name: 'repost dialog (转发)',
    async open(gen) {
      await open(`https://weibo.com/?replica=${gen}`);
      // A post by an approved outlet (新华社): the repost of an unlisted account would ask for a reason.
      const dialog = await openRepost(await card(1));
      return { input: dialog.locator('textarea'), send: dialog.getByRole('button', { name: '转发' }) };
    },
    endpoint: '/ajax/statuses/normal_repost',
    field: 'comment',
    logged: { kind: 'repost', page: 'repost' },
  },
];

async function answerPanel(button: '返回修改' | '仍要发布', reason?: string): Promise<void> {
  const panel = guardPanel(s.page);
  await panel.waitFor();
  if (reason) await panel.getByLabel(/^发布理由/).fill(reason);
  await panel.getByRole('button', { name: button }).click();
}

describe.each(['vue2', 'vue3'] as const)('weibo.com, %s page generation', (gen) => {
  describe.each(KINDS)('$name', (k) => {
    it('a clean draft reaches its endpoint exactly once, logged as published with the account', async () => {
      const { input, send } = await k.open(gen);
      await input.fill(CLEAN);
      await send.click();
      expect((await reachesOnce(k.endpoint))[k.field]).toBe(CLEAN);
      const attempt = await lastAttempt();
      expect(attempt).toMatchObject({
        platform: 'weibo',
        ...k.logged,
        verdict: 'pass',
        decision: 'published',
        text: CLEAN,
        url: `https://weibo.com/?replica=${gen}`,
      });
      expect(attempt.account).toEqual({ name: '保定发布', id: '1234567890' });
      expect(await guardPanel(s.page).count()).toBe(0);
    });

    it('a blocked draft never reaches it (no 仍要发布); edited and sent again, it goes exactly once', async () => {
      const { input, send } = await k.open(gen);
      await input.fill(BLOCK);
      await send.click();
      const panel = guardPanel(s.page);
      await panel.waitFor();
      expect(await panel.innerText()).toContain('拦截');
      expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
      await answerPanel('返回修改');
      await neverReaches();
      expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked' });

      await input.fill('失主请携带本人身份证件到保定市公安局领取。');
      await send.click();
      expect((await reachesOnce(k.endpoint))[k.field]).toBe('失主请携带本人身份证件到保定市公安局领取。');
      expect((await storedAttempts(s.browser.worker)).map((a) => a.decision)).toEqual(['blocked', 'published']);
    });

    it('a warned draft goes after 仍要发布 with a 发布理由, and the log holds the reason', async () => {
      const { input, send } = await k.open(gen);
      await input.fill(WARN);
      await send.click();
      await guardPanel(s.page).waitFor();
      await s.page.waitForTimeout(400);
      expect(s.replica.published()).toHaveLength(0);
      await answerPanel('仍要发布', '引用原话，保持原文');
      expect((await reachesOnce(k.endpoint))[k.field]).toBe(WARN);
      const attempt = await lastAttempt();
      expect(attempt).toMatchObject({
        verdict: 'warn',
        decision: 'published-with-reason',
        reason: '引用原话，保持原文',
      });
      expect(attempt.findings.map((f) => f.excerpt)).toEqual(['做为', '再接再励']);
    });

    it('Ctrl+Enter is guarded like the button', async () => {
      const { input } = await k.open(gen);
      await input.fill(WARN);
      await input.press('Control+Enter');
      await answerPanel('返回修改');
      await neverReaches();
      expect(await input.inputValue()).toBe(WARN); // no newline slipped in, the draft is intact
      await input.fill(CLEAN);
      await input.press('Control+Enter');
      expect((await reachesOnce(k.endpoint))[k.field]).toBe(CLEAN);
    });
  });

  it('a comment with 同时转发 is logged as a repost of the post', async () => {
    await open(`https://weibo.com/?replica=${gen}`);
    const article = await card(0);
    const input = await openComment(article);
    await input.fill(CLEAN);
    await article.locator('label', { hasText: '同时转发' }).locator('input').check();
    await article.getByRole('button', { name: '评论' }).click();
    expect(await reachesOnce('/ajax/comments/create')).toMatchObject({ comment: CLEAN, is_repost: '1' });
    expect(await lastAttempt()).toMatchObject({ kind: 'repost', page: 'home', decision: 'published' });
  });
});

describe('the second line (MAIN-world network gate)', () => {
  const direct = (via: 'fetch' | 'xhr', path: string, fields: Record<string, string>) =>
    s.page.evaluate(
      ([via, path, fields]) => {
        const body = new URLSearchParams(fields).toString();
        if (via === 'fetch')
          return fetch(path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body,
          }).then((r) => r.json());
        return new Promise((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', path);
          xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
          xhr.onload = () => resolve(JSON.parse(xhr.responseText));
          xhr.send(body);
        });
      },
      [via, path, fields] as const,
    );

  describe.each(KINDS)('$endpoint', (k) => {
    it.each(['fetch', 'xhr'] as const)(
      'a page script posting blocked text by %s is held and never arrives; the page gets Weibo’s error shape',
      async (via) => {
        await open('https://weibo.com/');
        await s.page.locator(HOME).waitFor();
        const answer = direct(via, k.endpoint, { id: '5000000000000000', [k.field]: BLOCK });
        const panel = guardPanel(s.page);
        await panel.waitFor();
        expect(await panel.innerText()).toContain('页面直接发出了发布请求');
        await answerPanel('返回修改');
        expect(await answer).toMatchObject({ ok: 0 });
        await neverReaches();
        expect(await lastAttempt()).toMatchObject({
          kind: k.logged.kind,
          verdict: 'block',
          decision: 'blocked',
          text: BLOCK_LOGGED,
        });
      },
    );
  });

  it.each(['fetch', 'xhr'] as const)('a clean direct %s request passes exactly once, logged', async (via) => {
    await open('https://weibo.com/');
    await s.page.locator(HOME).waitFor();
    expect(await direct(via, '/ajax/statuses/update', { content: CLEAN })).toMatchObject({ ok: 1 });
    await reachesOnce('/ajax/statuses/update');
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', text: CLEAN });
  });

  it.each(['blank', 'loaded'] as const)(
    'a script in a %s frame cannot publish around the guard: refused, never arrives',
    async (kind) => {
      await open('https://weibo.com/');
      await s.page.locator(HOME).waitFor();
      const answer = await s.page.evaluate(async (kind) => {
        const frame = document.createElement('iframe');
        if (kind === 'loaded') frame.src = '/frame';
        const loaded = new Promise((resolve) => (frame.onload = resolve));
        document.body.append(frame);
        if (kind === 'loaded') await loaded;
        const w = frame.contentWindow as Window & typeof globalThis;
        // The frame's gate has no guard to talk to; its port is not offered to a page script either.
        let grabbed = false;
        w.addEventListener('govpost-guard:port', () => (grabbed = true), true);
        w.dispatchEvent(new Event('govpost-guard:ready'));
        const json = await w
          .fetch('/ajax/statuses/update', { method: 'POST', body: new URLSearchParams({ content: '今天天气很好' }) })
          .then((r) => r.json());
        return { json, grabbed };
      }, kind);
      expect(answer).toEqual({ json: expect.objectContaining({ ok: 0 }), grabbed: false });
      await neverReaches();
    },
  );

  it('a post approved at the button is not asked about twice at the network', async () => {
    await open('https://weibo.com/');
    await s.page.locator(HOME).fill(WARN);
    await s.page.getByRole('button', { name: '发送' }).click();
    await guardPanel(s.page).getByRole('button', { name: '仍要发布' }).click();
    await reachesOnce('/ajax/statuses/update');
    expect(await guardPanel(s.page).count()).toBe(0);
    expect(await storedAttempts(s.browser.worker)).toHaveLength(1);
  });

  it('ordinary traffic (the heartbeat) is never held, even while the panel is open', async () => {
    await open('https://weibo.com/');
    await s.page.locator(HOME).fill(WARN);
    await s.page.getByRole('button', { name: '发送' }).click();
    await guardPanel(s.page).waitFor();
    const before = s.replica.requests.filter((r) => r.path === '/ajax/log/action').length;
    await expect
      .poll(() => s.replica.requests.filter((r) => r.path === '/ajax/log/action').length, { timeout: 5000 })
      .toBeGreaterThan(before + 2);
    await guardPanel(s.page).getByRole('button', { name: '返回修改' }).click();
    await neverReaches();
  });
});

describe('a single-page app that recycles and mounts late', () => {
  it('a composer in a recycled feed card is guarded for the post it now shows', async () => {
    await open('https://weibo.com/');
    const first = await card(0);
    await openComment(first);
    // Every card element there is now; the feed shows later posts in these same elements.
    await s.page.locator('article').evaluateAll((cards) => cards.forEach((c) => c.setAttribute('data-seen', '')));
    await s.page.evaluate(() =>
      (window as unknown as { __replica: { scrollToPost(i: number): void } }).__replica.scrollToPost(12),
    );
    // Found by the post it shows, not by place: the recycler may rebind the cards again when the
    // page scrolls by a pixel, and the post then moves to a neighbouring element.
    const recycled = s.page.locator('article', { hasText: '（第13条）' });
    await recycled.waitFor();
    expect(await recycled.getAttribute('data-seen')).toBe('');
    const input = await openComment(recycled);
    await input.fill(BLOCK);
    await recycled.getByRole('button', { name: '评论' }).click();
    await guardPanel(s.page).waitFor();
    await guardPanel(s.page).getByRole('button', { name: '返回修改' }).click();
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
    await guardPanel(s.page).waitFor();
    await guardPanel(s.page).getByRole('button', { name: '仍要发布' }).click();
    await reachesOnce('/ajax/comments/create');
    expect(await lastAttempt()).toMatchObject({ kind: 'comment', page: 'detail', decision: 'published' });
  });
});
