/**
 * From the publish button to the auditor: posts published, warned and blocked on the weibo.com
 * replica by the real guard appear in the dashboard with their decision and reason, filter, and
 * export as JSON Lines that verify.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choose } from './dashboard-ui';
import { verifyExportLines } from '../../audit/export-jsonl';
import { guardPanel, latestAttempt } from './harness';
import { DRAFTS, HOME_INPUT, weiboSession } from './weibo-session';

const s = weiboSession({});
const REASON = '引用会议原文，经分管领导同意';

/** Publishes from the home composer; waits for the logged outcome and, if it goes, for its arrival. */
async function publish(text: string, answer?: { button: '返回修改' | '仍要发布'; reason?: string }) {
  const sent = s.replica.published().length;
  await s.page.goto('https://weibo.com/');
  await s.page.locator(HOME_INPUT).fill(text);
  await s.page.getByRole('button', { name: '发送' }).click();
  if (answer) {
    const panel = guardPanel(s.page);
    await panel.waitFor();
    if (answer.reason) await panel.getByLabel(/^发布理由/).fill(answer.reason);
    await panel.getByRole('button', { name: answer.button }).click();
  }
  // The completion is written after the post went (see guard/flow.ts); the first write of a fresh
  // profile can take a few seconds on a busy machine.
  await expect
    .poll(async () => (await latestAttempt(s.browser.worker)).decision, { timeout: 15_000 })
    .not.toBe('pending');
  // The outcome is logged before the post leaves: leaving the page now could cut the request off.
  if (answer?.button !== '返回修改') await expect.poll(() => s.replica.published().length).toBe(sent + 1);
}

describe('attempts made on the replica pages', () => {
  it('appear in the dashboard with decision and reason, filter by decision, and export JSON Lines that verify', async () => {
    await publish(DRAFTS.clean);
    await publish(DRAFTS.warn, { button: '仍要发布', reason: REASON });
    await publish(DRAFTS.block, { button: '返回修改' });
    expect(s.replica.published('/ajax/statuses/update').map((r) => r.fields.content)).toEqual([
      DRAFTS.clean,
      DRAFTS.warn,
    ]);

    const page = await s.browser.context.newPage();
    await page.goto(s.browser.extensionUrl('dashboard.html'));
    await expect.poll(() => page.getByTestId('total-count').innerText()).toBe('3');
    await expect.poll(() => page.getByTestId('chain-status').innerText()).toContain('链完整');

    const rows = page.locator('.rows [role=row]');
    expect(await rows.filter({ hasText: '森林防火' }).innerText()).toContain('保定发布');
    await rows.filter({ hasText: '再接再励' }).click();
    const detail = page.getByRole('complementary', { name: '记录详情' });
    expect(await detail.locator('mark').allInnerTexts()).toEqual(['做为', '再接再励']);
    expect(await detail.innerText()).toContain(REASON);

    await choose(page, 'decision', ['blocked']);
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('1');
    expect(await rows.innerText()).toContain('身份证号');

    await choose(page, 'decision', []);
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('3');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 JSON Lines/ }).click(),
    ]);
    const { header, report } = await verifyExportLines(readFileSync(await download.path(), 'utf8').split('\n'));
    expect(report.ok).toBe(true);
    expect(header?.count).toBe(3);
    expect(report.attempts).toBe(3);
    await page.close();
  });
});
