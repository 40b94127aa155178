/**
 * The 三审 record of a justify-level override, where the pack asks for it (`review.justify`): the
 * panel asks who passed each of the five checks (政治关、法律关、政策关、保密关、文字关), refuses
 * 仍要发布 until every one names someone, logs them with the outcome, fills them in again at the
 * next override, and the dashboard's detail and exports show them. The pack comes signed from a
 * policy URL, as an admin's would; on the weibo.com replica. Screenshots of the panel at 1366 and
 * 1024 px go to test-results/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivePack } from '../../utils/protocol';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { packWithTerm, signed, testKey } from '../pack-trust/helpers';
import {
  clearStore,
  extensionStorage,
  guardPanel,
  installManagedPolicy,
  launchGuardedBrowser,
  logRecords,
  storedAttempts,
  type GuardedBrowser,
} from './harness';
import { startPackServer, type PackServer } from './pack-server';
import { openHome, HOME_INPUT } from './weibo-session';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const TERM = '需审示范词';
const DRAFT = `本周工作通报中出现了${TERM}，请各单位注意。`;
const REVIEW = { 政治关: '王审核', 法律关: '刘法务', 政策关: '陈主任', 保密关: '周保密', 文字关: '吴校对' };
const LOGGED = { political: '王审核', legal: '刘法务', policy: '陈主任', secrecy: '周保密', wording: '吴校对' };

let server: PackServer;
let removePolicy: (() => void) | undefined;
let browser: GuardedBrowser;
let replica: WeiboReplica;

beforeAll(async () => {
  const key = await testKey('端到端测试密钥');
  const pack = { ...packWithTerm('1.1.0', TERM, '规范用语', 'justify'), review: { justify: true } };
  server = await startPackServer();
  server.serve(JSON.stringify(await signed(pack, key)));
  const policy = { packUrl: server.url, trustedKeys: [key.publicEntry], packUpdateMinutes: 60 };
  removePolicy = installManagedPolicy('govpost-guard-e2e-review-record', policy);
  browser = await launchGuardedBrowser({ managedPolicy: policy });
  // The pack is fetched, verified and activated (admission times it: seconds on a busy machine).
  for (let waited = 0; (await extensionStorage<ActivePack>(browser.worker, 'activePack'))?.pack.version !== '1.1.0';) {
    if ((waited += 250) > 30_000) throw new Error('策略地址的规则包 30 秒内没有启用');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  replica = await serveWeiboReplica(browser.context, { heartbeatMs: 5000 });
  await clearStore(browser.worker);
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    removePolicy?.();
    await server?.close();
  }
});

describe('a pack that asks for the 三审 record at justify', () => {
  it('refuses 仍要发布 with a 关 empty, publishes with all five, and logs who passed each', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await openHome(page);
    await page.locator(HOME_INPUT).fill(DRAFT);
    await page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(page);
    const review = panel.getByRole('group', { name: /三审记录/ });
    await review.waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: '经三审同意发布' }).click();

    // Four of five, and one that names nobody: refused, the two fields marked, nothing sent.
    for (const [gate, name] of Object.entries(REVIEW)) {
      if (gate !== '保密关') await review.getByLabel(gate).fill(gate === '法律关' ? '1' : name);
    }
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await expect.poll(() => review.innerText()).toContain('请填写通过这一关的审核人姓名');
    expect(await review.innerText()).toContain('请填写审核人的真实姓名');
    expect(await review.getByLabel('保密关').getAttribute('aria-invalid')).toBe('true');
    expect(await review.getByLabel('法律关').getAttribute('aria-invalid')).toBe('true');
    expect(await review.getByLabel('政治关').getAttribute('aria-invalid')).toBe('false');
    // Focus goes to the first field to fix, inside the panel.
    expect(
      await review.getByLabel('法律关').evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el),
    ).toBe(true);
    await page.screenshot({ path: `${SHOTS}/panel-review-refused-1366.png` });
    await page.waitForTimeout(300);
    expect(replica.published('/ajax/statuses/update')).toHaveLength(0);

    await review.getByLabel('法律关').fill(REVIEW.法律关);
    await review.getByLabel('保密关').fill(REVIEW.保密关);
    await page.screenshot({ path: `${SHOTS}/panel-review-filled-1366.png` });
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await expect.poll(() => replica.published('/ajax/statuses/update').length).toBe(1);
    const [attempt] = await storedAttempts(browser.worker);
    expect(attempt).toMatchObject({ verdict: 'justify', decision: 'published-with-reason' });
    const outcome = (await logRecords(browser.worker)).find((r) => r.type === 'outcome' && r.attempt === attempt!.id);
    expect(outcome).toMatchObject({ decision: 'published-with-reason', reason: '经三审同意发布', review: LOGGED });
    await page.close();
  });

  it('fills the record in again at the next override, still editable; Tab reaches every field', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await openHome(page);
    await page.locator(HOME_INPUT).fill(`${DRAFT}第二条。`);
    await page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(page);
    const review = panel.getByRole('group', { name: /三审记录/ });
    await review.waitFor({ timeout: 15_000 });
    for (const [gate, name] of Object.entries(REVIEW)) expect(await review.getByLabel(gate).inputValue()).toBe(name);
    await page.screenshot({ path: `${SHOTS}/panel-review-1024.png` });

    // The keyboard reaches every field from the panel's first control.
    const focused = () =>
      panel.evaluate((el) => {
        const active = (el.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
        return active?.id ?? '';
      });
    const seen = new Set<string>();
    for (let i = 0; i < 40 && seen.size < 5; i++) {
      await page.keyboard.press('Tab');
      const id = await focused();
      if (id.startsWith('gp-review-')) seen.add(id);
    }
    expect(seen.size).toBe(5);
    await review.getByLabel('文字关').fill('郑校对');
    await panel.getByRole('button', { name: '经三审同意发布' }).click();
    await panel.getByRole('button', { name: '仍要发布' }).click();
    await expect.poll(() => replica.published('/ajax/statuses/update').length).toBe(2);
    await expect.poll(async () => (await storedAttempts(browser.worker)).length).toBe(2);
    const second = (await storedAttempts(browser.worker))[1]!;
    await expect
      .poll(
        async () =>
          (await logRecords(browser.worker)).find((r) => r.type === 'outcome' && r.attempt === second.id)?.review,
      )
      .toEqual({ ...LOGGED, wording: '郑校对' });
    await page.close();
  });

  it('is shown in the dashboard’s detail and exported as five columns', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(browser.extensionUrl('dashboard.html'));
    const rows = page.locator('.rows [role=row]');
    await rows.filter({ hasText: '第二条' }).first().waitFor({ timeout: 15_000 });
    await rows.filter({ hasText: '第二条' }).first().click();
    const detail = page.getByRole('complementary', { name: '记录详情' });
    const shown = await detail.getByTestId('detail-review').innerText();
    for (const gate of Object.keys(REVIEW)) expect(shown).toContain(gate);
    expect(shown).toContain('郑校对');
    await page.screenshot({ path: `${SHOTS}/dashboard-review-detail.png` });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 CSV/ }).click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .slice(1)
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toContain('"发布理由","政治关","法律关","政策关","保密关","文字关"');
    const row = lines.find((l) => l.includes('第二条'))!;
    expect(row).toContain('"经三审同意发布","王审核","刘法务","陈主任","周保密","郑校对"');
    await page.close();
  });
});
