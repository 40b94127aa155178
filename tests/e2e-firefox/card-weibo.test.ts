/**
 * The guard on the card.weibo.com headline-article editor (头条文章) in Firefox ESR, end to end:
 * the replica editor served at https://card.weibo.com/article/v5/editor by the same server as in
 * Chromium (tests/replicas/card-weibo/card-server.ts). `draft/publish` names the saved draft by
 * id: the guard reads it back through `draft/load` and checks the article as saved — in Firefox
 * too, where the MAIN-world gate and the content script talk over Firefox's own channels.
 */
import { describe, expect, it } from 'vitest';
import {
  isDraftRead,
  isPublish,
  publishSavedDraft,
  serveCardWeibo,
  type CardWeiboReplica,
} from '../replicas/card-weibo/card-server';
import type { RecordedCall } from '../replicas/lib/endpoints';
import { storedAttempts } from '../e2e/harness';
import * as recorded from '../e2e/recorded';
import { click, count, css, fill, find } from './dom';
import { answerPanel, guardPanel, panelText, waiter } from './guard-page';
import { firefoxSession } from './session';

const TITLE = '保定市2026年重点民生实事';
const CLEAN = '市政府确定了2026年十件民生实事，涵盖教育、医疗、养老等领域。';
const { warn: WARN, block: BLOCK, blockLogged: BLOCK_LOGGED } = recorded.SAMPLES;
const ACCOUNT = { name: '保定发布', id: '5123456789' };

const s = firefoxSession<CardWeiboReplica>(
  (routes) => serveCardWeibo(routes, { autosaveMs: 400 }),
  (card) => card.reset(),
);

const reachesOnce = (match: (c: RecordedCall) => boolean = isPublish) =>
  recorded.reachesOnce(waiter, s.replica.log, match);
const neverReaches = () => recorded.neverReaches(waiter, s.replica.log, isPublish);
const lastAttempt = () => recorded.lastAttempt(s.firefox.extension);

/** A Naive UI button by its exact label. */
const button = async (label: string) => find(s.page, 'button', new RegExp(`^${label}$`));

async function writeArticle(text: string) {
  await s.page.goto(s.replica.draftUrl('v5'));
  // The editor is read-only until its draft has loaded (Playwright's fill waits for that by itself).
  await fill(await css(s.page, 'textarea[placeholder="请输入标题"]:not([readonly])'), TITLE);
  await fill(await css(s.page, '.ProseMirror[contenteditable="true"]'), text);
  // The first autosave writes 已保存 beside the buttons and moves them: a click measured before
  // that lands on the footer.
  await expect
    .poll(() => s.page.evaluate(() => document.querySelector('.js-save-state')?.textContent ?? ''))
    .toBe('已保存');
}

/** 下一步 → the publish settings → 发布 (where the guard stops). */
async function publish() {
  await click(await button('下一步'));
  await click(await button('发布'));
}

describe('headline-article editor in Firefox', () => {
  it('a clean article passes 发布 and 确定 and reaches draft/publish exactly once, logged with the account', async () => {
    await writeArticle(CLEAN);
    await publish();
    await click(await find(await css(s.page, '.n-dialog'), 'button', '确定'));
    expect((await reachesOnce()).path).toBe('/article/v5/aj/editor/draft/publish');
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
    expect(await storedAttempts(s.firefox.extension)).toHaveLength(1);
  });

  it('a blocked article is held at 发布: no 仍要发布, no 确定, nothing sent', async () => {
    await writeArticle(BLOCK);
    await publish();
    const panel = await guardPanel(s.page);
    expect(await panelText(s.page)).toContain('11010519491231002X');
    expect(await count(panel, 'button', '仍要发布')).toBe(0);
    await answerPanel(s.page, '返回修改');
    expect(await count(s.page, undefined, undefined, { css: '.n-dialog' })).toBe(0);
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });
  });
});

describe('draft/publish publishes the article as saved on the server', () => {
  /** Publishes a saved draft by id from the draft list, with no editor open. */
  async function publishById(id: string) {
    await s.page.goto(s.replica.listUrl());
    await s.page.evaluate(publishSavedDraft, [id, `发布了头条文章：《${TITLE}》`] as const);
  }

  it('with no editor open, the saved draft is read back, its blocked text found and held', async () => {
    const id = s.replica.saveDraft({ title: TITLE, content: `<p>${BLOCK}</p>` });
    await publishById(id);
    const panel = await guardPanel(s.page, 30_000);
    expect(await panelText(s.page)).toContain('11010519491231002X');
    expect(await count(panel, 'button', '仍要发布')).toBe(0);
    await answerPanel(s.page, '返回修改');
    await neverReaches();
    expect(s.replica.log.calls.filter(isDraftRead).map((c) => c.query.get('id'))).toEqual([id]);
    expect(await lastAttempt()).toMatchObject({ kind: 'article', verdict: 'block', decision: 'blocked', title: TITLE });
  });

  it('saved over while the panel is open, the draft is read again at 仍要发布 and held', async () => {
    const id = s.replica.saveDraft({ title: TITLE, content: `<p>${WARN}</p>` });
    await publishById(id);
    await guardPanel(s.page, 30_000);
    // Another tab saves over the draft while the editor reads the panel.
    s.replica.saveDraft({ title: TITLE, content: `<p>${BLOCK}</p>` }, id);
    await answerPanel(s.page, '仍要发布', '引用讲话原文');
    await expect.poll(() => panelText(s.page).catch(() => '')).toContain('11010519491231002X');
    expect(await count(await guardPanel(s.page), 'button', '仍要发布')).toBe(0);
    await answerPanel(s.page, '返回修改');
    await neverReaches();
    expect((await storedAttempts(s.firefox.extension)).map((a) => [a.verdict, a.decision])).toEqual([
      ['warn', 'cancelled'],
      ['block', 'blocked'],
    ]);
  });
});
