/**
 * The guard on the card.weibo.com headline-article editor (头条文章), end to end: the built
 * extension in Chromium, the replica editor served at https://card.weibo.com/article/v3|v5/editor,
 * the mock `aj/editor/draft/*` endpoints recording what reaches them. `draft/publish` names the
 * saved draft by id: the guard reads it back (`draft/load`) and checks the article as saved.
 */
import { describe, expect, it } from 'vitest';
import { isDraftRead, isPublish, isSave, publishSavedDraft, serveCardWeibo } from '../replicas/card-weibo/card-server';
import type { RecordedCall } from '../replicas/lib/endpoints';
import { guardPanel, latestAttempt, storedAttempts, tabStatuses } from './harness';
import { replicaSession } from './replica-session';
import * as recorded from './recorded';

const TITLE = '保定市2026年重点民生实事';
const CLEAN = '市政府确定了2026年十件民生实事，涵盖教育、医疗、养老等领域。';
const { warn: WARN, block: BLOCK, blockLogged: BLOCK_LOGGED, fixed: FIXED } = recorded.SAMPLES;
const ACCOUNT = { name: '保定发布', id: '5123456789' };

const s = replicaSession(
  (context) => serveCardWeibo(context, { autosaveMs: 400 }),
  (card) => card.reset(),
);

const reachesOnce = (match: (c: RecordedCall) => boolean = isPublish) =>
  recorded.reachesOnce(s.page, s.replica.log, match);
const neverReaches = (match: (c: RecordedCall) => boolean = isPublish) =>
  recorded.neverReaches(s.page, s.replica.log, match);
const lastAttempt = () => recorded.lastAttempt(s.browser.worker);
const goBack = () => recorded.goBack(s.page);

const title = () => s.page.locator('textarea[placeholder="请输入标题"]');
const body = () => s.page.locator('.ProseMirror');
const button = (label: string) => s.page.locator('.n-button:visible', { hasText: new RegExp(`^${label}$`) });

async function writeArticle(text: string, version: 'v3' | 'v5' = 'v5') {
  await s.page.goto(s.replica.draftUrl(version));
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
  await s.page.locator('.n-dialog:visible').getByRole('button', { name: '确定' }).click();
}

describe.each(['v5', 'v3'] as const)('headline-article editor %s', (version) => {
  it('a clean article reaches draft/publish exactly once, logged with the account', async () => {
    await writeArticle(CLEAN, version);
    await publish();
    await confirm();
    const sent = await reachesOnce();
    expect(sent.path).toBe(`/article/${version}/aj/editor/draft/publish`);
    expect(await lastAttempt()).toMatchObject({
      platform: 'weibo',
      kind: 'article',
      page: 'article-editor',
      verdict: 'pass',
      decision: 'published',
      title: TITLE,
      text: CLEAN,
      account: ACCOUNT,
    });
    expect(await storedAttempts(s.browser.worker)).toHaveLength(1);
  });

  it('a blocked article never reaches draft/publish; fixed and published again, it goes exactly once', async () => {
    await writeArticle(BLOCK, version);
    await publish();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await goBack();
    expect(await s.page.locator('.n-dialog:visible').count()).toBe(0);
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });

    await button('上一步').click();
    await body().fill(FIXED);
    await publish();
    await confirm();
    await reachesOnce();
    expect((await storedAttempts(s.browser.worker)).map((a) => a.decision)).toEqual(['blocked', 'published']);
  });
});

describe('headline-article editor: every way out is guarded', () => {
  it('a warned article goes after 仍要发布 with a reason, and the log holds the reason', async () => {
    await writeArticle(WARN);
    await publish();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    await panel.getByLabel('发布理由（选填）').fill('引用讲话原文');
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await confirm();
    await reachesOnce();
    expect(await lastAttempt()).toMatchObject({
      verdict: 'warn',
      decision: 'published-with-reason',
      reason: '引用讲话原文',
    });
    expect(await storedAttempts(s.browser.worker)).toHaveLength(1);
  });

  it('a warned article declared original (声明原创) is asked about once: the approval holds for its request', async () => {
    await writeArticle(WARN);
    await button('下一步').click();
    await s.page.locator('.publish-setting .n-checkbox', { hasText: '声明原创' }).locator('input').check();
    await button('发布').click();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    await panel.getByLabel('发布理由（选填）').fill('引用讲话原文');
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await confirm();
    const sent = await reachesOnce();
    expect(sent.form.get('is_original')).toBe('1');
    expect(await storedAttempts(s.browser.worker)).toHaveLength(1);
    expect(await lastAttempt()).toMatchObject({ verdict: 'warn', decision: 'published-with-reason' });
  });

  it('the keyboard path (focus 发布, Enter) is guarded like a click', async () => {
    await writeArticle(BLOCK);
    await button('下一步').click();
    await button('发布').focus();
    await s.page.keyboard.press('Enter');
    await goBack();
    await neverReaches();
  });

  it('a typo in the 导语 is found', async () => {
    await writeArticle(CLEAN);
    await s.page.locator('textarea[placeholder="导语（选填）"]').fill('做为全市重点工作的导语');
    await publish();
    await guardPanel(s.page).waitFor();
    expect((await latestAttempt(s.browser.worker)).findings.map((f) => f.excerpt)).toEqual(['做为']);
    await goBack();
  });

  it('autosave (draft/save) is never held, even while the panel holds 发布', async () => {
    await writeArticle(WARN);
    await publish();
    await guardPanel(s.page).waitFor();
    const before = s.replica.log.count(isSave);
    await expect.poll(() => s.replica.log.count(isSave), { timeout: 5000 }).toBeGreaterThan(before + 2);
    await goBack();
    await neverReaches();
  });
});

describe('a single-page app', () => {
  it('an article started from the draft list (写文章 → #/draft/<id>) is guarded', async () => {
    await s.page.goto(s.replica.listUrl());
    await button('写文章').click();
    await s.page.waitForURL(/#\/draft\/\d+/);
    await title().fill(TITLE);
    await body().fill(BLOCK);
    await publish();
    await goBack();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ page: 'article-editor', decision: 'blocked' });
  });
});

/** Waits until autosave has stored the editor's body on the server: what draft/publish publishes. */
const saved = (text: string) =>
  expect
    .poll(() => s.replica.savedDraft('4960000000000000')?.content ?? '', { timeout: 10_000 })
    .toContain(text.slice(0, 8));

describe('the second line (MAIN-world network gate)', () => {
  const direct = () =>
    s.page.evaluate(() => {
      const id = /#\/draft\/(\d+)/.exec(location.hash)![1]!;
      return fetch(`/article/v5/aj/editor/draft/publish?uid=5123456789&id=${id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          id,
          text: '发布了头条文章：《保定市2026年重点民生实事》',
          sync_wb: '1',
        }).toString(),
      }).then((r) => r.json());
    });

  it('a page script posting to draft/publish is held: the blocked article never goes, the page gets the platform’s error shape', async () => {
    await writeArticle(BLOCK);
    await saved(BLOCK);
    const answer = direct();
    await goBack();
    expect(await answer).toMatchObject({ code: 100001 });
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({
      kind: 'article',
      verdict: 'block',
      decision: 'blocked',
      text: BLOCK_LOGGED,
    });
  });

  it('a direct publish of a clean article is checked and passes exactly once', async () => {
    await writeArticle(CLEAN);
    await saved(CLEAN);
    expect(await direct()).toMatchObject({ code: 100000 });
    await reachesOnce();
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', text: CLEAN });
  });
});

describe('adapter breakage is never silent', () => {
  it('a body editor the adapter no longer recognises gets a notice and the badge, and what 发布 publishes is still checked', async () => {
    await writeArticle(BLOCK);
    // The platform renames its editor: the adapter's hooks no longer match.
    await s.page.evaluate(() => document.querySelector('.ProseMirror')!.classList.remove('ProseMirror', 'tiptap'));
    const notice = s.page.locator('govpost-guard').getByRole('alert');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('找不到正文编辑区');
    await expect
      .poll(async () => (await tabStatuses(s.browser.worker)).find((t) => t.status.page === 'article-editor')?.badge)
      .toBe('!');

    // 发布 is no longer recognised as a control, but the request it sends is held, and the article
    // it publishes is read back from the platform and checked as saved.
    await publish();
    await confirm();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    await panel.getByRole('button', { name: '返回修改' }).click();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });
  });
});

describe('draft/publish publishes the article as saved on the server', () => {
  /** Publishes a saved draft by id from the draft list, with no editor open. */
  async function publishById(id: string, text = `发布了头条文章：《${TITLE}》`) {
    await s.page.goto(s.replica.listUrl());
    await s.page.evaluate(publishSavedDraft, [id, text] as const);
  }

  it('with no editor open, reads the saved draft back, finds its blocked text and holds it', async () => {
    const id = s.replica.saveDraft({ title: TITLE, content: `<p>${BLOCK}</p>` });
    await publishById(id);
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('11010519491231002X');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await goBack();
    await neverReaches();
    expect(s.replica.log.calls.filter(isDraftRead).map((c) => c.query.get('id'))).toEqual([id]);
    expect(await lastAttempt()).toMatchObject({
      kind: 'article',
      verdict: 'block',
      decision: 'blocked',
      title: TITLE,
      text: BLOCK_LOGGED,
    });
  });

  it('with no editor open, lets a clean saved draft go once it is checked', async () => {
    const id = s.replica.saveDraft({ title: TITLE, content: `<p>${CLEAN}</p>`, writer: '保定市融媒体中心' });
    await publishById(id);
    // Nothing warmed the checker up on the list: the first check compiles the pack.
    await expect.poll(() => s.replica.log.count(isPublish), { timeout: 30_000 }).toBe(1);
    await reachesOnce();
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', title: TITLE, text: CLEAN });
  });

  it('saved over while the panel is open, the article is read again at 仍要发布 and checked afresh', async () => {
    const id = s.replica.saveDraft({ title: TITLE, content: `<p>${WARN}</p>` });
    await publishById(id);
    const panel = guardPanel(s.page);
    await panel.waitFor();
    await panel.getByLabel('发布理由（选填）').fill('引用讲话原文');
    // Another tab saves over the draft while the editor reads the panel.
    s.replica.saveDraft({ title: TITLE, content: `<p>${BLOCK}</p>` }, id);
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await expect.poll(() => panel.innerText()).toContain('11010519491231002X');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await goBack();
    await neverReaches();
    expect((await storedAttempts(s.browser.worker)).map((a) => [a.verdict, a.decision])).toEqual([
      ['warn', 'cancelled'],
      ['block', 'blocked'],
    ]);
  });

  it('checks the feed line the request publishes beside a clean article', async () => {
    const id = s.replica.saveDraft({ title: TITLE, content: `<p>${CLEAN}</p>` });
    await publishById(id, `发布了头条文章：《${TITLE}》${BLOCK}`);
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('11010519491231002X');
    await goBack();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', title: TITLE });
  });

  it('refuses an article the platform does not answer for, by default', async () => {
    const id = s.replica.saveDraft({ title: TITLE, content: `<p>${CLEAN}</p>` });
    s.replica.failDraftReads(500);
    await publishById(id);
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('无法从平台读取要发表的稿件');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await goBack();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'error', decision: 'check-failed' });
  });

  it('an article approved at 发布 and saved again elsewhere before 确定 is checked as saved, and held', async () => {
    await writeArticle(CLEAN);
    await publish();
    // The editor's article passed: the 确定 confirm is up. Another tab saves over the draft.
    const dialog = s.page.locator('.n-dialog:visible');
    await dialog.waitFor();
    // Its save stays the last one: this editor's autosave (every 400 ms) must not race it back.
    s.replica.saveDraft({ title: TITLE, content: `<p>${BLOCK}</p>` }, '4960000000000000', { last: true });
    await confirm();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('11010519491231002X');
    await goBack();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });
  });
});
