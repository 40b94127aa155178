/**
 * Who published over findings: the editor's name and unit come from the admin's policy, or the
 * panel asks for them once, beside the 发布理由, the first time the editor publishes over
 * findings; the outcome record carries them. What the policy sets is never asked and cannot be
 * changed. On the weibo.com replica; screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import {
  clearStore,
  guardPanel,
  installManagedPolicy,
  launchGuardedBrowser,
  logRecords,
  storedAttempts,
  type ExtensionRealm,
  type GuardedBrowser,
} from './harness';
import { DRAFTS, HOME_INPUT, openHome, weiboSession } from './weibo-session';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** An editor who has not given a name or unit yet. */
const forgetIdentity = (worker: ExtensionRealm) => worker.evaluate(() => chrome.storage.local.set({ settings: {} }));

/** The outcome record of an attempt, as the log holds it. */
async function outcomeOf(worker: ExtensionRealm, attempt: string) {
  return (await logRecords(worker)).find((r) => r.type === 'outcome' && r.attempt === attempt);
}

describe('no name or unit in the policy', () => {
  const s = weiboSession({ heartbeatMs: 5000 });

  it('asks for them once at the first 仍要发布, refuses to go on without them, and logs them', async () => {
    await forgetIdentity(s.browser.worker);
    await s.page.setViewportSize({ width: 1366, height: 900 });
    await openHome(s.page);
    await s.page.locator(HOME_INPUT).fill(DRAFTS.warn);
    await s.page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(s.page);
    const identity = panel.getByRole('group', { name: /编辑信息/ });
    await identity.waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await expect.poll(() => panel.innerText()).toContain('请填写编辑姓名和所在单位');
    expect(s.replica.published()).toHaveLength(0);
    await identity.getByLabel('编辑姓名').fill('赵编辑');
    await identity.getByLabel('所在单位').fill('保定市林业局');
    await s.page.screenshot({ path: `${SHOTS}/panel-identity.png` });
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await expect.poll(() => s.replica.published('/ajax/statuses/update').length).toBe(1);
    const [first] = await storedAttempts(s.browser.worker);
    expect(first).toMatchObject({ decision: 'published', editor: { name: '', unit: '' } });
    await expect
      .poll(async () => (await outcomeOf(s.browser.worker, first!.id))?.editor)
      .toEqual({ name: '赵编辑', unit: '保定市林业局' });

    // Given once: the next override does not ask, and the attempt itself names the editor.
    await openHome(s.page);
    await s.page.locator(HOME_INPUT).fill(DRAFTS.warn);
    await s.page.getByRole('button', { name: '发送' }).click();
    await panel.getByRole('button', { name: '仍要发布' }).waitFor({ timeout: 15_000 });
    expect(await identity.count()).toBe(0);
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await expect.poll(() => s.replica.published('/ajax/statuses/update').length).toBe(2);
    await expect.poll(async () => (await storedAttempts(s.browser.worker)).length).toBe(2);
    const second = (await storedAttempts(s.browser.worker))[1]!;
    expect(second.editor).toEqual({ name: '赵编辑', unit: '保定市林业局' });
    await expect.poll(async () => (await outcomeOf(s.browser.worker, second.id))?.decision).toBe('published');
    expect((await outcomeOf(s.browser.worker, second.id))?.editor).toBeUndefined();
  });

  it('asks nothing where the editor publishes without findings', async () => {
    await forgetIdentity(s.browser.worker);
    await openHome(s.page);
    await s.page.locator(HOME_INPUT).fill(DRAFTS.clean);
    await s.page.getByRole('button', { name: '发送' }).click();
    await expect.poll(() => s.replica.published('/ajax/statuses/update').length).toBe(1);
    expect(await guardPanel(s.page).count()).toBe(0);
  });
});

describe('the unit set by policy', () => {
  const policy = { editorUnit: '保定市委网信办' };
  let removePolicy: (() => void) | undefined;
  let browser: GuardedBrowser;
  let replica: WeiboReplica;

  beforeAll(async () => {
    removePolicy = installManagedPolicy('govpost-guard-e2e-editor-identity', policy);
    browser = await launchGuardedBrowser({ managedPolicy: policy });
    replica = await serveWeiboReplica(browser.context, { heartbeatMs: 5000 });
    await clearStore(browser.worker);
    await forgetIdentity(browser.worker);
  });
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      removePolicy?.();
    }
  });

  it('asks only for the name; the unit is the policy’s, and the dashboard cannot change it', async () => {
    const page = await browser.context.newPage();
    await openHome(page);
    await page.locator(HOME_INPUT).fill(DRAFTS.warn);
    await page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(page);
    const identity = panel.getByRole('group', { name: /编辑信息/ });
    await identity.waitFor({ timeout: 15_000 });
    expect(await identity.getByLabel('所在单位').count()).toBe(0);
    await identity.getByLabel('编辑姓名').fill('钱编辑');
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await expect.poll(() => replica.published('/ajax/statuses/update').length).toBe(1);
    const [attempt] = await storedAttempts(browser.worker);
    await expect
      .poll(async () => (await outcomeOf(browser.worker, attempt!.id))?.editor)
      .toEqual({ name: '钱编辑', unit: '保定市委网信办' });

    const dashboard = await browser.context.newPage();
    await dashboard.goto(browser.extensionUrl('dashboard.html'));
    await dashboard.getByRole('tab', { name: '设置' }).click();
    const unit = dashboard.locator('input[name=editorUnit]');
    await unit.waitFor({ timeout: 15_000 });
    expect(await unit.inputValue()).toBe('保定市委网信办');
    expect(await unit.isDisabled()).toBe(true);
    expect(await dashboard.locator('input[name=editorName]').inputValue()).toBe('钱编辑');
    await dashboard.close();
    await page.close();
  });
});
