/**
 * The guard on the card.weibo.com headline-article editor (头条文章), end to end: the built
 * extension in Chromium, the replica editor served at https://card.weibo.com/article/v3|v5/editor,
 * the mock `aj/editor/draft/*` endpoints recording what reaches them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPublish, isSave, serveCardWeibo, type CardWeiboReplica } from '../replicas/card-weibo/card-server';
import type { RecordedCall } from '../replicas/lib/endpoints';
import { clearStore, guardPanel, latestAttempt, launchGuardedBrowser, storedAttempts, tabStatuses, type GuardedBrowser } from './harness';
import * as recorded from './recorded';

const TITLE = '保定市2026年重点民生实事';
const CLEAN = '市政府确定了2026年十件民生实事，涵盖教育、医疗、养老等领域。';
const { warn: WARN, block: BLOCK, fixed: FIXED } = recorded.SAMPLES;
const ACCOUNT = { name: '保定发布', id: '5123456789' };

let browser: GuardedBrowser;
let card: CardWeiboReplica;
let page: Page;

beforeAll(async () => {
  browser = await launchGuardedBrowser();
  card = await serveCardWeibo(browser.context, { autosaveMs: 400 });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await clearStore(browser.worker);
  card.reset();
  await page?.close();
  page = await browser.context.newPage();
});

const reachesOnce = (match: (c: RecordedCall) => boolean = isPublish) => recorded.reachesOnce(page, card.log, match);
const neverReaches = (match: (c: RecordedCall) => boolean = isPublish) => recorded.neverReaches(page, card.log, match);
const lastAttempt = () => recorded.lastAttempt(browser.worker);
const goBack = () => recorded.goBack(page);

const title = () => page.locator('textarea[placeholder="请输入标题"]');
const body = () => page.locator('.ProseMirror');
const button = (label: string) => page.locator('.n-button:visible', { hasText: new RegExp(`^${label}$`) });

async function writeArticle(text: string, version: 'v3' | 'v5' = 'v5') {
  await page.goto(card.draftUrl(version));
  await title().fill(TITLE);
  await body().fill(text);
}

/** 下一步 → the publish settings → 发布 (where the guard stops). */
async function publish() {
  await button('下一步').click();
  await button('发布').click();
}

/** Once the guard let it go: the 确定 confirm Naive UI mounts at body level. */
async function confirm() {
  await page.locator('.n-dialog:visible').getByRole('button', { name: '确定' }).click();
}





describe.each(['v5', 'v3'] as const)('headline-article editor %s', (version) => {
  it('a clean article reaches draft/publish exactly once, logged with the account', async () => {
    await writeArticle(CLEAN, version);
    await publish();
    await confirm();
    const sent = await reachesOnce();
    expect(sent.path).toBe(`/article/${version}/aj/editor/draft/publish`);
    expect(await lastAttempt()).toMatchObject({ platform: 'weibo', kind: 'article', page: 'article-editor', verdict: 'pass', decision: 'published', title: TITLE, text: CLEAN, account: ACCOUNT });
    expect(await storedAttempts(browser.worker)).toHaveLength(1);
  });

  it('a blocked article never reaches draft/publish; fixed and published again, it goes exactly once', async () => {
    await writeArticle(BLOCK, version);
    await publish();
    const panel = guardPanel(page);
    await panel.waitFor();
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await goBack();
    expect(await page.locator('.n-dialog:visible').count()).toBe(0);
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK });

    await button('上一步').click();
    await body().fill(FIXED);
    await publish();
    await confirm();
    await reachesOnce();
    expect((await storedAttempts(browser.worker)).map((a) => a.decision)).toEqual(['blocked', 'published']);
  });
});

describe('headline-article editor: every way out is guarded', () => {
  it('a warned article goes after 仍要发布 with a reason, and the log holds the reason', async () => {
    await writeArticle(WARN);
    await publish();
    const panel = guardPanel(page);
    await panel.waitFor();
    await panel.getByLabel('发布理由（选填）').fill('引用讲话原文');
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await confirm();
    await reachesOnce();
    expect(await lastAttempt()).toMatchObject({ verdict: 'warn', decision: 'published-with-reason', reason: '引用讲话原文' });
    expect(await storedAttempts(browser.worker)).toHaveLength(1);
  });

  it('the keyboard path (focus 发布, Enter) is guarded like a click', async () => {
    await writeArticle(BLOCK);
    await button('下一步').click();
    await button('发布').focus();
    await page.keyboard.press('Enter');
    await goBack();
    await neverReaches();
  });

  it('a typo in the 导语 is found', async () => {
    await writeArticle(CLEAN);
    await page.locator('textarea[placeholder="导语（选填）"]').fill('做为全市重点工作的导语');
    await publish();
    await guardPanel(page).waitFor();
    expect((await latestAttempt(browser.worker)).findings.map((f) => f.excerpt)).toEqual(['做为']);
    await goBack();
  });

  it('autosave (draft/save) is never held, even while the panel holds 发布', async () => {
    await writeArticle(WARN);
    await publish();
    await guardPanel(page).waitFor();
    const before = card.log.count(isSave);
    await expect.poll(() => card.log.count(isSave), { timeout: 5000 }).toBeGreaterThan(before + 2);
    await goBack();
    await neverReaches();
  });
});

describe('a single-page app', () => {
  it('an article started from the draft list (写文章 → #/draft/<id>) is guarded', async () => {
    await page.goto(card.listUrl());
    await button('写文章').click();
    await page.waitForURL(/#\/draft\/\d+/);
    await title().fill(TITLE);
    await body().fill(BLOCK);
    await publish();
    await goBack();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ page: 'article-editor', decision: 'blocked' });
  });
});

describe('the second line (MAIN-world network gate)', () => {
  const direct = () =>
    page.evaluate(() => {
      const id = /#\/draft\/(\d+)/.exec(location.hash)![1];
      return fetch(`/article/v5/aj/editor/draft/publish?uid=5123456789&id=${id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id, text: '发布了头条文章', sync_wb: '1' }).toString(),
      }).then((r) => r.json());
    });

  it('a page script posting to draft/publish is held: the blocked article never goes, the page gets the platform’s error shape', async () => {
    await writeArticle(BLOCK);
    const answer = direct();
    await goBack();
    expect(await answer).toMatchObject({ code: 100001 });
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ kind: 'article', verdict: 'block', decision: 'blocked', text: BLOCK });
  });

  it('a direct publish of a clean article is checked and passes exactly once', async () => {
    await writeArticle(CLEAN);
    expect(await direct()).toMatchObject({ code: 100000 });
    await reachesOnce();
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', text: CLEAN });
  });
});

describe('adapter breakage is never silent', () => {
  it('a body editor the adapter no longer recognises gets a notice and the badge, and publishing fails closed', async () => {
    await writeArticle(CLEAN);
    // The platform renames its editor: the adapter's hooks no longer match.
    await page.evaluate(() => document.querySelector('.ProseMirror')!.classList.remove('ProseMirror', 'tiptap'));
    const notice = page.locator('govpost-guard').getByRole('alert');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('找不到正文编辑区');
    await expect.poll(async () => (await tabStatuses(browser.worker)).find((t) => t.status.page === 'article-editor')?.badge).toBe('!');

    // 发布 is no longer recognised as a control, but the request it sends is held and cannot be read.
    await publish();
    await confirm();
    const panel = guardPanel(page);
    await panel.waitFor();
    await panel.getByRole('button', { name: '返回修改' }).click();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'error', decision: 'check-failed' });
  });
});
