/**
 * The admin's policy `reasonWhenUnreadable`: a saved draft the platform does not answer may then
 * go with a written reason, and the reason is logged. (Its default, refusal, is tested in
 * wechat-saved-draft.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../replicas/lib/endpoints';
import { isPublish, serveWechat, type WechatReplica } from '../replicas/wechat/mp-server';
import { clearStore, guardPanel, installManagedPolicy, launchGuardedBrowser, type GuardedBrowser } from './harness';
import * as recorded from './recorded';

let removePolicy: (() => void) | undefined;
let browser: GuardedBrowser | undefined;
let replica: WechatReplica;

beforeAll(async () => {
  removePolicy = installManagedPolicy('govpost-guard-e2e-unreadable', { reasonWhenUnreadable: true });
  // The policy must be known: unknown settings allow no reason at all.
  browser = await launchGuardedBrowser({ managedPolicy: { reasonWhenUnreadable: true } });
  replica = await serveWechat(browser.context, { autosaveMs: 400 });
  // An editor who gave their name and unit once, as the other sessions' editors have.
  await clearStore(browser.worker);
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    removePolicy?.();
  }
});

describe('with reasonWhenUnreadable set by policy', () => {
  it('a saved draft that cannot be read goes with a written reason, and the log holds the reason', async () => {
    const page = await browser!.context.newPage();
    const id = replica.saveDraft({ title0: '通知', content0: '<p>正文</p>' });
    replica.failDraftReads(500);
    await page.goto(replica.draftListUrl());
    await page.locator(`[data-appmsgid="${id}"] .js_publish`).click();
    const panel = guardPanel(page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('无法从平台读取要发表的稿件');
    await panel.getByLabel(/发布理由/).fill('平台接口故障，已在手机端人工核对');
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await recorded.reachesOnce(page, replica.log, (c: RecordedCall) => isPublish(c));
    expect(await recorded.lastAttempt(browser!.worker)).toMatchObject({
      verdict: 'error',
      decision: 'published-with-reason',
      reason: '平台接口故障，已在手机端人工核对',
    });
  });
});
