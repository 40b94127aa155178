/**
 * The guard on the WeChat Official Accounts Platform, end to end: the built extension in
 * Chromium, the replica editor served at https://mp.weixin.qq.com/cgi-bin/appmsg…, the mock
 * endpoints recording what reaches them. Article editor (ProseMirror and legacy iframe body),
 * the 发表 dialog chain, scheduled publishing, 预览 and the 贴图 image post.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../replicas/lib/endpoints';
import { isPreview, isPublish, isSave, isScheduledPublish, serveWechat } from '../replicas/wechat/mp-server';
import { guardPanel, latestAttempt, logRecords, storedAttempts, tabStatuses } from './harness';
import { replicaSession } from './replica-session';
import * as recorded from './recorded';

const TITLE = '关于做好春节期间安全生产工作的通知';
const CLEAN = '为切实做好春节期间安全生产工作，各县（市、区）要落实属地管理责任。';
const { warn: WARN, block: BLOCK, blockLogged: BLOCK_LOGGED, fixed: FIXED } = recorded.SAMPLES;
const ACCOUNT = { name: '保定发布', id: 'gh_0a1b2c3d4e5f' };

const s = replicaSession(
  (context) => serveWechat(context, { autosaveMs: 400 }),
  (mp) => {
    mp.configure({ body: 'prosemirror', titleOverlay: false });
    mp.log.clear();
  },
);

const reachesOnce = (match: (c: RecordedCall) => boolean) => recorded.reachesOnce(s.page, s.replica.log, match);
const neverReaches = (match: (c: RecordedCall) => boolean = (c) => isPublish(c) || isPreview(c)) =>
  recorded.neverReaches(s.page, s.replica.log, match);
const lastAttempt = () => recorded.lastAttempt(s.browser.worker);
const goBack = () => recorded.goBack(s.page);

// ---- the editor, driven as an editor would ------------------------------------------------

async function openEditor(kind: 'article' | 'image-post' = 'article') {
  await s.page.goto(s.replica.editorUrl(kind));
}

async function writeBody(text: string) {
  if (await s.page.locator('iframe#ueditor_0').count()) {
    const body = s.page.frameLocator('#ueditor_0').locator('body');
    await body.click();
    await body.evaluate((el, t) => {
      el.innerHTML = `<p>${t}</p>`;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    return;
  }
  await s.page.locator('#ueditor_0 .ProseMirror, #guide_words_main .ProseMirror').fill(text);
}

async function writeArticle(body: string, title = TITLE) {
  await s.page.locator('#title').fill(title);
  await writeBody(body);
}

const massSend = () => s.page.locator('.js_mass_send_dialog');

/** The id of the draft the editor saved (autosave) with `text` in its body, once it is saved. */
async function editorDraftId(text: string): Promise<string> {
  const saved = () => s.replica.draftIds().filter((id) => s.replica.savedDraft(id)?.content0?.includes(text));
  await expect.poll(() => saved().length).toBeGreaterThan(0);
  return saved().at(-1)!;
}

/** 发表 → the settings dialog → its 发表 (where the guard stops the chain). */
async function publish(options: { scheduled?: boolean } = {}) {
  await s.page.locator('#js_send button').click();
  await massSend().waitFor({ state: 'visible' });
  if (options.scheduled) await massSend().locator('.timer_setting .weui-desktop-switch').click();
  await massSend().locator('.mass-send__footer .weui-desktop-btn_primary').click();
}

/** The rest of the chain once the guard let the post go: 继续发表, then the admin scans the QR. */
async function continuePublishing() {
  const confirm = s.page.locator('.js_publish_confirm');
  await confirm.waitFor({ state: 'visible' });
  await confirm.locator('.js_continue').click();
}

// ---- tests ----------------------------------------------------------------------------------

describe.each(['prosemirror', 'iframe'] as const)('article editor with a %s body', (body) => {
  const page_ = 'article-editor';
  beforeEach(() => s.replica.configure({ body }));

  it('a clean article goes through the whole 发表 chain and reaches masssend exactly once', async () => {
    await openEditor();
    await writeArticle(CLEAN);
    await publish();
    await continuePublishing();
    const sent = await reachesOnce(isPublish);
    expect(sent.query.get('is_release_publish_page')).toBe('1');
    const attempt = await lastAttempt();
    expect(attempt).toMatchObject({
      platform: 'wechat',
      kind: 'article',
      page: page_,
      verdict: 'pass',
      decision: 'published',
      title: TITLE,
      text: CLEAN,
      account: ACCOUNT,
    });
    expect(await storedAttempts(s.browser.worker)).toHaveLength(1);
  });

  it('a blocked article never reaches masssend; fixed and published again, it goes exactly once', async () => {
    await openEditor();
    await writeArticle(BLOCK);
    await publish();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('11010519491231002X');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await goBack();
    // The chain stopped at the settings dialog: no confirm, no QR.
    expect(await s.page.locator('.js_publish_confirm').isVisible()).toBe(false);
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked', text: BLOCK_LOGGED });

    await massSend().locator('.js_cancel').click();
    await writeBody(FIXED);
    await publish();
    await continuePublishing();
    await reachesOnce(isPublish);
    expect((await storedAttempts(s.browser.worker)).map((a) => a.decision)).toEqual(['blocked', 'published']);
  });

  it('a warned article goes after 仍要发布 with a reason, and the log holds the reason', async () => {
    await openEditor();
    await writeArticle(WARN);
    await publish();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    await panel.getByLabel('发布理由（选填）').fill('引用讲话原文');
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await continuePublishing();
    await reachesOnce(isPublish);
    const attempt = await lastAttempt();
    expect(attempt).toMatchObject({ verdict: 'warn', decision: 'published-with-reason', reason: '引用讲话原文' });
    expect(attempt.findings.map((f) => f.excerpt)).toEqual(['做为', '再接再励']);
    expect(await storedAttempts(s.browser.worker)).toHaveLength(1);
  });
});

describe('article editor: every way out is guarded', () => {
  it('the keyboard path (Tab to the dialog’s 发表, Enter) is guarded like a click', async () => {
    await openEditor();
    await writeArticle(BLOCK);
    await s.page.locator('#js_send button').click();
    await massSend().waitFor({ state: 'visible' });
    await massSend().locator('.mass-send__footer .weui-desktop-btn_primary').focus();
    await s.page.keyboard.press('Enter');
    await goBack();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({ verdict: 'block', decision: 'blocked' });
  });

  it('scheduled publishing: blocked never reaches masssend; clean reaches action=time_send once, logged as scheduled', async () => {
    await openEditor();
    await writeArticle(BLOCK);
    await publish({ scheduled: true });
    await goBack();
    await neverReaches();
    await massSend().locator('.js_cancel').click();

    await writeBody(CLEAN);
    await publish(); // the switch stays on
    await continuePublishing();
    const sent = await reachesOnce(isScheduledPublish);
    expect(Number(sent.form.get('send_time'))).toBeGreaterThan(Date.now() / 1000);
    expect(await lastAttempt()).toMatchObject({ page: 'article-scheduled', verdict: 'pass', decision: 'published' });
  });

  it('预览 sends the article to a phone: blocked never goes, clean goes exactly once', async () => {
    await openEditor();
    await writeArticle(BLOCK);
    const dialog = s.page.locator('.js_preview_dialog');
    await s.page.locator('#js_preview button').click();
    await dialog.locator('.js_preview_user').fill('wxid_editor');
    await dialog.locator('.js_preview_confirm').click();
    await goBack();
    await neverReaches(isPreview);
    expect(await lastAttempt()).toMatchObject({ page: 'article-preview', decision: 'blocked' });

    await dialog.locator('.js_cancel').click();
    await writeBody(CLEAN);
    await s.page.locator('#js_preview button').click();
    await dialog.locator('.js_preview_confirm').click();
    const sent = await reachesOnce(isPreview);
    expect(sent.form.get('preusername')).toBe('wxid_editor');
    expect(await lastAttempt()).toMatchObject({ page: 'article-preview', decision: 'published', text: CLEAN });
    // Let go at the dialog, the preview request itself is not asked about again.
    expect((await storedAttempts(s.browser.worker)).map((a) => a.decision)).toEqual(['blocked', 'published']);
    await neverReaches(isPublish);
  });

  it('a typo in the 摘要 is found and shown like one in the body', async () => {
    await openEditor();
    await writeArticle(CLEAN);
    await s.page.locator('#js_description').fill('做为全市安全生产工作的部署');
    await publish();
    await guardPanel(s.page).waitFor();
    const attempt = await latestAttempt(s.browser.worker);
    expect(attempt.findings.map((f) => f.excerpt)).toEqual(['做为']);
    await goBack();
  });

  it('autosave (operate_appmsg sub=update) is never held, even while the panel holds 发表', async () => {
    await openEditor();
    await writeArticle(WARN);
    await publish();
    await guardPanel(s.page).waitFor();
    const before = s.replica.log.count(isSave);
    await expect.poll(() => s.replica.log.count(isSave), { timeout: 5000 }).toBeGreaterThan(before + 2);
    await goBack();
    await neverReaches();
  });
});

describe('live checking', () => {
  const badge = () => s.page.locator('govpost-guard').getByRole('button', { name: /发布前检查：\d+ 处问题/ });

  it.each(['prosemirror', 'iframe'] as const)('counts findings while the editor types in a %s body', async (body) => {
    s.replica.configure({ body });
    await openEditor();
    // Typing in the body alone, nothing else on the s.page, must start the live check.
    await writeBody(WARN);
    await expect.poll(() => badge().innerText(), { timeout: 5000 }).toBe('2');
    await writeBody(CLEAN);
    await expect.poll(() => badge().count(), { timeout: 5000 }).toBe(0);
  });
});

describe('the second line (MAIN-world network gate)', () => {
  const direct = (via: 'fetch' | 'xhr', path: string, fields: Record<string, string>) =>
    s.page.evaluate(
      ([via, path, fields]) => {
        const url = `${path}&token=${new URLSearchParams(location.search).get('token')}&lang=zh_CN`;
        const body = new URLSearchParams(fields).toString();
        const headers = { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' };
        if (via === 'fetch') return fetch(url, { method: 'POST', headers, body }).then((r) => r.json());
        return new Promise((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', url);
          xhr.setRequestHeader('Content-Type', headers['Content-Type']);
          xhr.onload = () => resolve(JSON.parse(xhr.responseText));
          xhr.send(body);
        });
      },
      [via, path, fields] as const,
    );
  const MASSSEND = '/cgi-bin/masssend?t=ajax-response&is_release_publish_page=1';

  it.each(['xhr', 'fetch'] as const)(
    'a page script calling masssend by %s is held: the blocked article never goes, the page gets WeChat’s error shape',
    async (via) => {
      await openEditor();
      await writeArticle(BLOCK);
      // masssend publishes the draft it names as saved: the editor's, once autosave stored it.
      const appmsgid = await editorDraftId(BLOCK);
      const answer = direct(via, MASSSEND, { appmsgid, operation_seq: '1', send_time: '0' });
      await goBack();
      expect(await answer).toMatchObject({ base_resp: { ret: -1 } });
      await neverReaches();
      expect(await lastAttempt()).toMatchObject({
        kind: 'article',
        verdict: 'block',
        decision: 'blocked',
        text: BLOCK_LOGGED,
      });
    },
  );

  it('a direct masssend for a clean article is checked and passes exactly once', async () => {
    await openEditor();
    await writeArticle(CLEAN);
    const appmsgid = await editorDraftId(CLEAN);
    expect(await direct('xhr', MASSSEND, { appmsgid, operation_seq: '1', send_time: '0' })).toMatchObject({
      base_resp: { ret: 0 },
    });
    await reachesOnce(isPublish);
    expect(await lastAttempt()).toMatchObject({ verdict: 'pass', decision: 'published', text: CLEAN });
  });

  it('a direct preview request is judged by the content it carries, not by the editor', async () => {
    await openEditor();
    await writeArticle(CLEAN);
    const answer = direct('fetch', '/cgi-bin/operate_appmsg?t=ajax-appmsg-preview&sub=preview&type=77', {
      title0: TITLE,
      content0: `<p>${BLOCK}</p>`,
      preusername: 'wxid_someone',
    });
    await goBack();
    expect(await answer).toMatchObject({ base_resp: { ret: -1 } });
    await neverReaches(isPreview);
    expect(await lastAttempt()).toMatchObject({ page: 'article-preview', verdict: 'block', text: BLOCK_LOGGED });
  });

  it('the pre-checks masssend makes before publishing are never held', async () => {
    await openEditor();
    await writeArticle(BLOCK);
    const checks = await s.page.evaluate(async () => {
      const token = new URLSearchParams(location.search).get('token');
      const paths = [
        'masssend?action=check_same_material',
        'masssend?t=ajax-response&for_check=1&is_release_publish_page=1',
      ];
      return Promise.all(
        paths.map((p) =>
          fetch(`/cgi-bin/${p}&token=${token}`, { method: 'POST', body: 'appmsgid=1' }).then((r) => r.json()),
        ),
      );
    });
    expect(checks).toEqual([{ base_resp: { ret: 0, err_msg: 'ok' } }, { base_resp: { ret: 0, err_msg: 'ok' } }]);
    expect(await guardPanel(s.page).count()).toBe(0);
    expect(await storedAttempts(s.browser.worker)).toEqual([]);
  });
});

describe('贴图 (image post)', () => {
  it('clean goes through 发表 exactly once as an image post; blocked never goes', async () => {
    s.replica.configure({ titleOverlay: true });
    await openEditor('image-post');
    await s.page.locator('#js_title_main .ProseMirror').fill('春日保定');
    await writeBody(BLOCK);
    await publish();
    await goBack();
    await neverReaches();
    expect(await lastAttempt()).toMatchObject({
      kind: 'image-post',
      page: 'image-post-editor',
      decision: 'blocked',
      title: '春日保定',
    });
    await massSend().locator('.js_cancel').click();

    await writeBody('古莲花池的春天来了，欢迎市民游客前来赏花。');
    await publish();
    await continuePublishing();
    await reachesOnce(isPublish);
    expect(await lastAttempt()).toMatchObject({
      kind: 'image-post',
      decision: 'published',
      text: '古莲花池的春天来了，欢迎市民游客前来赏花。',
      account: ACCOUNT,
    });
    expect((await storedAttempts(s.browser.worker)).map((a) => a.decision)).toEqual(['blocked', 'published']);
  });
});

describe('adapter breakage is never silent', () => {
  it('an editor page whose 发表 button is gone gets a notice, the toolbar badge and a logged problem; they clear when it is back', async () => {
    await openEditor();
    await s.page.locator('#js_send button').waitFor();
    // The platform changes its page: the hook the adapter knows disappears.
    await s.page.evaluate(() => (document.getElementById('js_send')!.id = 'js_send_v2'));
    const notice = s.page.locator('govpost-guard').getByRole('alert');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('找不到“发表”按钮');
    await expect
      .poll(async () => (await tabStatuses(s.browser.worker)).find((t) => t.status.page === 'article-editor')?.badge)
      .toBe('!');
    const logged = async () => (await logRecords(s.browser.worker)).filter((r) => r.type === 'adapter-problem');
    await expect
      .poll(logged)
      .toEqual(
        expect.arrayContaining([
          expect.objectContaining({ platform: 'wechat', page: 'article-editor', problem: '找不到“发表”按钮' }),
        ]),
      );

    await s.page.evaluate(() => (document.getElementById('js_send_v2')!.id = 'js_send'));
    await expect.poll(() => notice.count(), { timeout: 5000 }).toBe(0);
    await expect
      .poll(async () => (await tabStatuses(s.browser.worker)).find((t) => t.status.page === 'article-editor')?.badge)
      .toBe('');
  });
});
