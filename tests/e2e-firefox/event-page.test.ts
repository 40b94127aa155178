/**
 * Firefox runs the background as an event page (background.scripts), not a service worker: it is
 * unloaded when idle and started again by the next event. Here it idles out after one second, and
 * a post made afterwards is still stopped or let through exactly once, and logged — the guard
 * keeps nothing it needs in the background's memory.
 */
import { describe, expect, it } from 'vitest';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { storedAttempts } from '../e2e/harness';
import { DRAFTS, HOME_INPUT } from '../e2e/weibo-session';
import { css, fill, find, sleep } from './dom';
import { answerPanel, guardPanel } from './guard-page';
import { firefoxSession } from './session';

const s = firefoxSession<WeiboReplica>(
  (routes) => serveWeiboReplica(routes, { heartbeatMs: 60_000 }),
  (replica) => {
    replica.requests.length = 0;
  },
  { prefs: { 'extensions.background.idle.timeout': 1000 } },
);

/** When the running background page started (its document's time origin). */
const backgroundStarted = () =>
  s.firefox.extension.evaluate(async () => {
    type Runtime = { runtime: { getBackgroundPage(): Promise<Window> } };
    const page = await (globalThis as unknown as { browser: Runtime }).browser.runtime.getBackgroundPage();
    return page.performance.timeOrigin;
  });

describe('the background as an event page', () => {
  it('is unloaded when idle, and a post made after it still goes through the whole guard', async () => {
    const first = await backgroundStarted();
    await sleep(4000); // idle past the timeout: Firefox unloads the event page

    await s.page.goto('https://weibo.com/');
    const input = await css(s.page, HOME_INPUT);
    await fill(input, DRAFTS.block);
    await (await find(s.page, 'button', '发送')).click();
    await guardPanel(s.page);
    await answerPanel(s.page, '返回修改');
    await fill(input, DRAFTS.clean);
    await (await find(s.page, 'button', '发送')).click();
    await expect.poll(() => s.replica.published().length, { timeout: 10_000 }).toBe(1);
    await sleep(700);
    expect(s.replica.published().map((r) => r.fields.content)).toEqual([DRAFTS.clean]);
    expect((await storedAttempts(s.firefox.extension)).map((a) => [a.verdict, a.decision])).toEqual([
      ['block', 'blocked'],
      ['pass', 'published'],
    ]);
    // The page that answered is a new one: the first was unloaded while idle.
    expect(await backgroundStarted()).toBeGreaterThan(first);
  });
});
