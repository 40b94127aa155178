/**
 * Proof that the network gate calls no built-in a page can replace: on a bare weibo.com page
 * (no page script but the test's), every replaceable built-in is wrapped by a recorder
 * (attacks/poison.ts) after the gate was installed; then a publish request goes through the whole
 * gate — held, answered by the guard (返回修改, or let through when clean), refused or sent — and
 * the recorder must have seen nothing while it was recording. Any built-in the gate looked up at
 * call time would show here by name, and a page could have replaced it to read or forge.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guardPanel, latestAttempt } from './harness';
import { poisonEverything } from './attacks/poison';
import { DRAFTS, weiboSession } from './weibo-session';

const s = weiboSession({});
const BARE = 'https://weibo.com/__bare__';

async function bare(): Promise<void> {
  await s.browser.context.route(BARE, (route: Route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>空白页</title><p>空白页</p>',
    }),
  );
  await s.page.goto(BARE);
  await s.page.evaluate(poisonEverything);
}

type Poison = { start(): void; stop(): void; names: string[] };

/**
 * Stops recording through the DevTools protocol: a Playwright evaluate runs its own helper code in
 * the page first, which the recorder would count.
 */
async function stopRecording(): Promise<void> {
  const cdp = await s.page.context().newCDPSession(s.page);
  await cdp.send('Runtime.evaluate', { expression: '__poison.stop()' });
  await cdp.detach();
}

/** Runs `send` with the recorder on, until its promise settles (taken with a captured `then`). */
function recordWhile(send: 'fetch' | 'xhr' | 'beacon', body: string) {
  return s.page.evaluate(
    ([send, body]) => {
      const poison = (globalThis as unknown as { __poison: Poison }).__poison;
      return new Promise<string>((resolve) => {
        if (send === 'xhr') {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', '/ajax/statuses/update');
          xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
          xhr.onloadend = () => {
            poison.stop();
            resolve(xhr.responseText);
          };
          poison.start();
          xhr.send(body);
          return;
        }
        if (send === 'beacon') {
          const nav = navigator;
          const later = setTimeout;
          poison.start();
          nav.sendBeacon('/ajax/statuses/update', body);
          // Off while Playwright reads the answer in the page, on again for the gate's later work
          // (stopRecording() ends it without page code).
          poison.stop();
          later(() => poison.start(), 0);
          resolve('queued');
          return;
        }
        poison.start();
        const sent = fetch('/ajax/statuses/update', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        poison.stop();
        Reflect.apply(Promise.prototype.then, sent, [
          (r: Response) => {
            poison.stop();
            resolve(`status ${r.status}`);
          },
          (e: unknown) => {
            poison.stop();
            resolve(String(e));
          },
        ]);
        poison.start();
      });
    },
    [send, body] as const,
  );
}

const recorded = async () => {
  await stopRecording();
  return s.page.evaluate(() => (globalThis as unknown as { __poison: Poison }).__poison.names.slice());
};

const form = (text: string) => `content=${encodeURIComponent(text)}`;

describe('the gate calls no built-in the page can replace', () => {
  it.each(['fetch', 'xhr'] as const)(
    '%s: a blocked post held, refused after 返回修改, nothing recorded',
    async (via) => {
      await bare();
      const answer = recordWhile(via, form(DRAFTS.block));
      await guardPanel(s.page).getByRole('button', { name: '返回修改' }).click();
      expect(await answer).toMatch(via === 'xhr' ? /"ok":0/ : /^status 200$/);
      expect(await recorded()).toEqual([]);
      expect(s.replica.published()).toEqual([]);
    },
  );

  it('fetch: a clean post held, let through, sent as checked, nothing recorded', async () => {
    await bare();
    expect(await recordWhile('fetch', form(DRAFTS.clean))).toBe('status 200');
    await expect.poll(() => s.replica.published().length).toBe(1);
    expect(await recorded()).toEqual([]);
  });

  it('sendBeacon: a blocked post held and dropped, nothing recorded', async () => {
    await bare();
    expect(await recordWhile('beacon', form(DRAFTS.block))).toBe('queued');
    await guardPanel(s.page).getByRole('button', { name: '返回修改' }).click();
    expect(await latestAttempt(s.browser.worker)).toMatchObject({ verdict: 'block' });
    await s.page.waitForTimeout(1000);
    expect(await recorded()).toEqual([]);
    expect(s.replica.published()).toEqual([]);
  });
});
