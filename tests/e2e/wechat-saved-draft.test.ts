/**
 * What WeChat's `masssend` publishes is the draft saved on the server, named by `appmsgid`: the
 * guard reads that draft back from the platform with the editor's session and checks exactly
 * it — from the draft box with no editor open, and after an approval at the editor when the
 * saved draft changed since. A draft that cannot be read back is refused (default policy).
 */
import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../replicas/lib/endpoints';
import { isDraftRead, isPublish, serveWechat } from '../replicas/wechat/mp-server';
import { guardPanel } from './harness';
import { replicaSession } from './replica-session';
import * as recorded from './recorded';

const TITLE = '关于做好春节期间安全生产工作的通知';
const CLEAN = '为切实做好春节期间安全生产工作，各县（市、区）要落实属地管理责任。';
const { block: BLOCK, blockLogged: BLOCK_LOGGED } = recorded.SAMPLES;
const BLOCKED_TITLE = '失主身份证号11010519491231002X';

const s = replicaSession(
  (context) => serveWechat(context, { autosaveMs: 400 }),
  (mp) => {
    mp.configure({ body: 'prosemirror', titleOverlay: false });
    mp.failDraftReads(undefined);
    mp.log.clear();
  },
);

const reachesOnce = (match: (c: RecordedCall) => boolean) => recorded.reachesOnce(s.page, s.replica.log, match);
const neverReaches = () => recorded.neverReaches(s.page, s.replica.log, isPublish);
const lastAttempt = () => recorded.lastAttempt(s.browser.worker);

/** 草稿箱 → the card's 发表: `masssend` with the draft's id, no editor on the page. */
async function publishFromDraftBox(id: string) {
  await s.page.goto(s.replica.draftListUrl());
  await s.page.locator(`[data-appmsgid="${id}"] .js_publish`).click();
}

describe('publishing a saved draft from the draft box, with no editor open', () => {
  it('reads the saved draft back from the platform, finds its blocked text and holds the post', async () => {
    const id = s.replica.saveDraft({ title0: TITLE, content0: `<p>${BLOCK}</p>`, author0: '保定发布' });
    await publishFromDraftBox(id);
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('11010519491231002X');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await recorded.goBack(s.page);
    await neverReaches();
    expect(s.replica.log.calls.filter(isDraftRead).map((c) => c.query.get('appmsgid'))).toEqual([id]);
    expect(await lastAttempt()).toMatchObject({
      platform: 'wechat',
      verdict: 'block',
      decision: 'blocked',
      title: TITLE,
      text: BLOCK_LOGGED,
    });
  });

  it('lets a clean saved draft go once it is checked, and logs what was published', async () => {
    const id = s.replica.saveDraft({ title0: TITLE, content0: `<p>${CLEAN}</p>` });
    await publishFromDraftBox(id);
    // The draft box has no editor, so nothing warmed the checker up: the first check compiles the
    // pack, which takes seconds on a busy machine.
    await expect.poll(() => s.replica.log.count(isPublish), { timeout: 30_000 }).toBe(1);
    await reachesOnce(isPublish);
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', title: TITLE, text: CLEAN });
  });

  it('refuses a draft the platform does not answer, even with a reason, by default', async () => {
    const id = s.replica.saveDraft({ title0: TITLE, content0: `<p>${CLEAN}</p>` });
    s.replica.failDraftReads(500);
    await publishFromDraftBox(id);
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('无法从平台读取要发表的稿件');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await recorded.goBack(s.page);
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'error', decision: 'check-failed' });
  });
});

describe('an approval at the editor is bound to every field of the saved draft', () => {
  it('a title changed after approval is checked again before masssend, and held', async () => {
    await s.page.goto(s.replica.editorUrl());
    await s.page.locator('#title').fill(TITLE);
    await s.page.locator('#ueditor_0 .ProseMirror').fill(CLEAN);
    // 发表 → settings dialog → 发表: the editor's article passes and is approved.
    await s.page.locator('#js_send button').click();
    const massSend = s.page.locator('.js_mass_send_dialog');
    await massSend.waitFor({ state: 'visible' });
    await massSend.locator('.mass-send__footer .weui-desktop-btn_primary').click();
    const confirm = s.page.locator('.js_publish_confirm');
    await confirm.waitFor({ state: 'visible' });
    // The title is changed in the editor after the approval; autosave saves it before 继续发表.
    const id = s.replica.draftIds().at(-1)!;
    await s.page.locator('#title').fill(BLOCKED_TITLE);
    await expect.poll(() => s.replica.savedDraft(id)?.title0, { timeout: 10_000 }).toBe(BLOCKED_TITLE);
    await confirm.locator('.js_continue').click();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('11010519491231002X');
    await recorded.goBack(s.page);
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: CLEAN });
  });
});
