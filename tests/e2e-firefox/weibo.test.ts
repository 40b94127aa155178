/**
 * The guard on weibo.com in Firefox ESR, end to end: the replica served at https://weibo.com/ by
 * the same server as in Chromium (tests/replicas/weibo/server.ts), its mock endpoints recording
 * what reaches them. Both lines: the publish button, and the MAIN-world gate on fetch, XHR and
 * sendBeacon.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { storedAttempts } from '../e2e/harness';
import * as recorded from '../e2e/recorded';
import { DRAFTS, HOME_INPUT } from '../e2e/weibo-session';
import { click, count, css, fill, find, sleep } from './dom';
import { answerPanel, guardPanel, panelCount, panelText, waiter } from './guard-page';
import { firefoxSession } from './session';

const { clean: CLEAN, block: BLOCK, blockLogged: BLOCK_LOGGED, warn: WARN } = DRAFTS;
const FIXED = recorded.SAMPLES.fixed;
/** no-ad-absolute-term and no-ad-promotion, both justify in the default pack. */
const JUSTIFY = '本店极品红茶，国家级品质，全网最低价，欢迎选购！';

const s = firefoxSession<WeiboReplica>(
  (routes) => serveWeiboReplica(routes, { heartbeatMs: 300 }),
  (replica) => {
    replica.requests.length = 0;
  },
);

const lastAttempt = () => recorded.lastAttempt(s.firefox.extension);

async function reachesOnce(path: string): Promise<Record<string, string>> {
  await expect.poll(() => s.replica.published(path).length, { timeout: 10_000 }).toBe(1);
  await waiter.waitForTimeout(700);
  expect(s.replica.published(path)).toHaveLength(1);
  return s.replica.published(path)[0]!.fields;
}

async function neverReaches(): Promise<void> {
  await waiter.waitForTimeout(900);
  expect(s.replica.published()).toHaveLength(0);
}

async function home(gen: 'vue2' | 'vue3' = 'vue2') {
  await s.page.goto(`https://weibo.com/?replica=${gen}`);
  return { input: await css(s.page, HOME_INPUT), send: () => find(s.page, 'button', '发送') };
}

describe.each(['vue2', 'vue3'] as const)('the button line, %s page generation', (gen) => {
  it('a clean post reaches its endpoint exactly once, logged as published with the account', async () => {
    const { input, send } = await home(gen);
    await fill(input, CLEAN);
    await (await send()).click();
    expect((await reachesOnce('/ajax/statuses/update')).content).toBe(CLEAN);
    expect(await lastAttempt()).toMatchObject({
      platform: 'weibo',
      kind: 'post',
      page: 'home',
      verdict: 'pass',
      decision: 'published',
      text: CLEAN,
      account: { name: '保定发布', id: '1234567890' },
    });
    expect(await panelCount(s.page)).toBe(0);
  });

  it('a blocked post stays on the page (no 仍要发布); fixed and sent again, it goes exactly once', async () => {
    const { input, send } = await home(gen);
    await fill(input, BLOCK);
    await (await send()).click();
    const panel = await guardPanel(s.page);
    expect(await panelText(s.page)).toContain('拦截');
    expect(await count(panel, 'button', '仍要发布')).toBe(0);
    if (gen === 'vue2') {
      mkdirSync('test-results/screenshots', { recursive: true });
      await s.page.screenshot({ path: 'test-results/screenshots/firefox-weibo-panel-blocked.png' });
    }
    await answerPanel(s.page, '返回修改');
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });

    await fill(input, FIXED);
    await (await send()).click();
    expect((await reachesOnce('/ajax/statuses/update')).content).toBe(FIXED);
    expect((await storedAttempts(s.firefox.extension)).map((a) => a.decision)).toEqual(['blocked', 'published']);
  });
});

describe('the live check', () => {
  it('underlines what it finds while the editor types, before any click, with the count on the badge', async () => {
    const { input } = await home();
    await fill(input, `${BLOCK}做为基层干部`);
    // The guard draws in its own open shadow root, over the page.
    const marks = () =>
      s.page.evaluate(() =>
        [...(document.querySelector('govpost-guard')?.shadowRoot?.querySelectorAll('.mark') ?? [])].map(
          (m) => m.className,
        ),
      );
    await expect.poll(marks, { timeout: 10_000 }).toEqual(['mark sev-block', 'mark sev-warn']);
    const badge = await find(s.page, 'button', /^发布前检查：2 处问题/);
    expect(await badge.evaluate((b) => b.textContent)).toBe('2');
    mkdirSync('test-results/screenshots', { recursive: true });
    await s.page.screenshot({ path: 'test-results/screenshots/firefox-weibo-live.png' });
    expect(s.replica.published()).toHaveLength(0);
  });
});

describe('the justify flow', () => {
  it('a post that needs a reason goes only with one, exactly once, and the log holds the reason', async () => {
    const { input, send } = await home();
    await fill(input, JUSTIFY);
    await (await send()).click();
    const panel = await guardPanel(s.page);
    expect(await panelText(s.page)).toContain('需说明理由');
    // Without a reason the panel asks for one and nothing leaves.
    await (await find(panel, 'button', '仍要发布')).click();
    await expect.poll(() => panelText(s.page)).toContain('请填写发布理由');
    await neverReaches();
    await answerPanel(s.page, '仍要发布', '经分管领导审核同意，转发商户公益让利信息');
    expect((await reachesOnce('/ajax/statuses/update')).content).toBe(JUSTIFY);
    expect(await lastAttempt()).toMatchObject({
      verdict: 'justify',
      decision: 'published-with-reason',
      reason: '经分管领导审核同意，转发商户公益让利信息',
    });
  });

  it('a warned comment goes after 仍要发布, and Ctrl+Enter is guarded like the button', async () => {
    // The home composer mounts 400 ms after the feed and pushes it down: a click aimed at a card
    // before then lands on whatever moved under it, so wait for the page to settle first.
    await home();
    const article = await css(s.page, 'article');
    await click(await css(article, ':has(> i[title="评论"])'));
    const input = await css(article, 'textarea[placeholder="发布你的评论"]');
    await fill(input, WARN);
    await input.focus();
    await s.page.keyboard.down('Control');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.up('Control');
    await guardPanel(s.page);
    await sleep(400);
    expect(s.replica.published()).toHaveLength(0);
    await answerPanel(s.page, '仍要发布');
    expect((await reachesOnce('/ajax/comments/create')).comment).toBe(WARN);
    expect(await lastAttempt()).toMatchObject({ kind: 'comment', verdict: 'warn', decision: 'published' });
  });
});

describe('the network line (MAIN-world gate)', () => {
  const direct = (via: 'fetch' | 'xhr' | 'beacon', path: string, fields: Record<string, string>) =>
    s.page.evaluate(
      (via, path, fields) => {
        const body = new URLSearchParams(fields);
        if (via === 'beacon') return navigator.sendBeacon(path, body);
        if (via === 'fetch')
          return fetch(path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: body.toString(),
          }).then((r) => r.json());
        return new Promise((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', path);
          xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
          xhr.onload = () => resolve(JSON.parse(xhr.responseText));
          xhr.send(body.toString());
        });
      },
      via,
      path,
      fields,
    );

  it.each(['fetch', 'xhr'] as const)(
    'a page script posting blocked text by %s is held and never arrives; the page gets Weibo’s error shape',
    async (via) => {
      await home();
      const answer = direct(via, '/ajax/statuses/update', { content: BLOCK });
      await guardPanel(s.page);
      expect(await panelText(s.page)).toContain('页面直接发出了发布请求');
      await answerPanel(s.page, '返回修改');
      expect(await answer).toMatchObject({ ok: 0 });
      await neverReaches();
      expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });
    },
  );

  it('a blocked sendBeacon is held and never arrives', async () => {
    await home();
    expect(await direct('beacon', '/ajax/statuses/update', { content: BLOCK })).toBe(true);
    await answerPanel(s.page, '返回修改');
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });
  });

  it.each(['fetch', 'xhr', 'beacon'] as const)('a clean direct %s request passes exactly once, logged', async (via) => {
    await home();
    const answer = await direct(via, '/ajax/statuses/update', { content: CLEAN });
    expect(answer).toEqual(via === 'beacon' ? true : expect.objectContaining({ ok: 1 }));
    expect((await reachesOnce('/ajax/statuses/update')).content).toBe(CLEAN);
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', text: CLEAN });
  });

  it('ordinary traffic (the heartbeat) is never held, even while the panel is open', async () => {
    const { input, send } = await home();
    await fill(input, WARN);
    await (await send()).click();
    await guardPanel(s.page);
    const beats = () => s.replica.requests.filter((r) => r.path === '/ajax/log/action').length;
    const before = beats();
    await expect.poll(beats, { timeout: 5000 }).toBeGreaterThan(before + 2);
    await answerPanel(s.page, '返回修改');
    await neverReaches();
  });
});
