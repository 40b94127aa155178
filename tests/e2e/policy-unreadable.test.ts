/**
 * A browser that never hands the extension its policy: in a fresh profile Chromium sometimes
 * leaves `storage.managed.get()` unanswered for the browser's whole life, with no
 * storage.onChanged (w3c/webextensions#547). The extension then fails closed — no 仍要发布, no
 * uploads — and must say that the policy could not be read, not that the admin forbids.
 *
 * The build is copied and its service worker given a first line that holds back
 * `chrome.storage.managed.get()` until the test hands the policy over; nothing else changes, so
 * the product code is the real one and meets exactly what such a browser does to it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_UNREADABLE, UPLOAD_STATE_LABELS } from '../../utils/labels';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import {
  clearStore,
  EXTENSION_DIR,
  guardPanel,
  launchGuardedBrowser,
  storedAttempts,
  type GuardedBrowser,
} from './harness';
import { DRAFTS, HOME_INPUT, openHome } from './weibo-session';

/** The service worker's first line: managed storage never answers until `__handOverPolicy()`. */
const WITHHOLD = `/* e2e: Chromium withholding managed storage */
(() => {
  const managed = chrome.storage.managed;
  const get = managed.get.bind(managed);
  let withheld = true;
  globalThis.__handOverPolicy = () => { withheld = false; };
  managed.get = (...args) => (withheld ? new Promise(() => undefined) : get(...args));
})();
`;

let dir: string;
let browser: GuardedBrowser;
let replica: WeiboReplica;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govpost-withheld-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const background = join(dir, 'background.js');
  writeFileSync(background, WITHHOLD + readFileSync(background, 'utf8'));
  browser = await launchGuardedBrowser({ extensionDir: dir });
  await clearStore(browser.worker); // an editor who gave their name and unit
  replica = await serveWeiboReplica(browser.context, { heartbeatMs: 5000 });
  mkdirSync('test-results/screenshots', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the policy never handed over', () => {
  it('the panel says the policy could not be read, and offers no 仍要发布', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await openHome(page);
    await page.locator(HOME_INPUT).fill(DRAFTS.warn);
    await page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(page);
    const refused = panel.getByTestId('override-refused');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.innerText()).toContain(POLICY_UNREADABLE);
    expect(await panel.innerText()).not.toContain('管理员策略不允许');
    // The summary promises no way on that the panel does not offer.
    expect(await panel.locator('#gp-summary').innerText()).not.toContain('可以继续发布');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await page.screenshot({ path: 'test-results/screenshots/policy-unreadable-panel.png' });
    await panel.getByRole('button', { name: '返回修改' }).click();
    expect(replica.published()).toHaveLength(0);
    await page.close();
  });

  it('the popup and the dashboard say so, and uploads are "policy unreadable", not "not configured"', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(browser.extensionUrl('popup.html'));
    const note = popup.getByTestId('policy-unreadable');
    await note.waitFor({ timeout: 15_000 });
    expect(await note.innerText()).toContain(POLICY_UNREADABLE);
    expect(await note.innerText()).toContain('重启浏览器');
    const line = popup.getByTestId('collector-line');
    await expect.poll(() => line.getAttribute('data-state'), { timeout: 20_000 }).toBe('policy-unreadable');
    expect(await line.innerText()).toContain(UPLOAD_STATE_LABELS['policy-unreadable']);
    await popup.screenshot({ path: 'test-results/screenshots/policy-unreadable-popup.png' });
    await popup.close();

    const dashboard = await browser.context.newPage();
    await dashboard.goto(browser.extensionUrl('dashboard.html'));
    const upload = dashboard.getByTestId('collector-status');
    await expect.poll(() => upload.getAttribute('data-state'), { timeout: 20_000 }).toBe('policy-unreadable');
    expect(await upload.innerText()).not.toContain('未配置');
    await dashboard.getByRole('tab', { name: '设置' }).click();
    const settingsNote = dashboard.getByTestId('policy-unreadable');
    await settingsNote.waitFor({ timeout: 15_000 });
    expect(await dashboard.locator('form.settings').innerText()).not.toContain('由管理员策略设定');
    await dashboard.screenshot({ path: 'test-results/screenshots/policy-unreadable-dashboard.png' });
    await dashboard.close();
  });

  it('once the browser hands the policy over, the next publish offers 仍要发布 again', async () => {
    await browser.worker.evaluate(() => (globalThis as unknown as { __handOverPolicy(): void }).__handOverPolicy());
    const page = await browser.context.newPage();
    await openHome(page);
    await page.locator(HOME_INPUT).fill(DRAFTS.warn);
    await page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(page);
    const publish = panel.getByRole('button', { name: '仍要发布' });
    await publish.waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('override-refused').count()).toBe(0);
    expect(await panel.locator('#gp-summary').innerText()).toContain('确认无误可以继续发布');
    await publish.click();
    await expect.poll(() => replica.published('/ajax/statuses/update').length).toBe(1);
    await expect
      .poll(async () => (await storedAttempts(browser.worker)).map((a) => a.decision))
      .toEqual(['cancelled', 'published']);
    await page.close();
  });
});
