/**
 * The audit log in Firefox ESR, end to end: posts on the weibo.com replica are logged by the
 * guard (the background's IndexedDB, an event page here), the dashboard shows them with the chain
 * verified, and its JSON Lines export — saved by Firefox as a download — verifies offline.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { verifyExportLines } from '../../audit/export-jsonl';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { logRecords } from '../e2e/harness';
import { DRAFTS, HOME_INPUT } from '../e2e/weibo-session';
import { css, fill, find, innerText } from './dom';
import { answerPanel, guardPanel } from './guard-page';
import { firefoxSession } from './session';

const REASON = '经分管领导审核同意';
const JUSTIFY = '本店极品红茶，国家级品质，全网最低价，欢迎选购！';

const s = firefoxSession<WeiboReplica>(
  (routes) => serveWeiboReplica(routes, { heartbeatMs: 60_000 }),
  () => undefined,
);

async function post(text: string, answer?: { button: '返回修改' | '仍要发布'; reason?: string }) {
  await s.page.goto('https://weibo.com/');
  await fill(await css(s.page, HOME_INPUT), text);
  await (await find(s.page, 'button', '发送')).click();
  if (answer) {
    await guardPanel(s.page);
    await answerPanel(s.page, answer.button, answer.reason);
  }
}

/**
 * The file Firefox saved. While it downloads, Firefox keeps an empty placeholder under the final
 * name and writes `<name>.part`, which it moves over the placeholder when done.
 */
async function downloaded(suffix: string): Promise<string> {
  const done = () =>
    readdirSync(s.firefox.downloads)
      .map((f) => join(s.firefox.downloads, f))
      .find((f) => f.endsWith(suffix) && !existsSync(`${f}.part`) && statSync(f).size > 0);
  await expect.poll(done, { timeout: 15_000 }).toBeDefined();
  return done()!;
}

async function openDashboard(): Promise<Page> {
  const page = await s.firefox.openExtensionPage('dashboard.html');
  await css(page, '[data-testid="chain-status"]', 30_000);
  return page;
}

describe('the audit log', () => {
  it('holds every attempt made on the page with its decision', async () => {
    await post(DRAFTS.clean);
    await expect.poll(() => s.replica.published().length).toBe(1);
    await post(DRAFTS.block, { button: '返回修改' });
    await post(JUSTIFY, { button: '仍要发布', reason: REASON });
    await expect.poll(() => s.replica.published().length).toBe(2);
    // All records, not only those past the last clearStore (storedAttempts).
    const all = (await logRecords(s.firefox.extension)).filter((r) => r.type === 'outcome').map((r) => r.decision);
    expect(all).toEqual(['published', 'blocked', 'published-with-reason']);
  });

  it('is shown on the dashboard, verified, with the decision and the reason', async () => {
    const page = await openDashboard();
    await expect.poll(async () => innerText(await css(page, '[data-testid="total-count"]'))).toBe('3');
    expect(await innerText(await css(page, '[data-testid="chain-status"]'))).toContain('链完整');
    await (await find(page, 'row', undefined, { text: '欢迎选购' })).click();
    const detail = await find(page, 'complementary', '记录详情');
    await expect.poll(() => innerText(detail)).toContain(REASON);
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/firefox-dashboard.png' });
    await page.close();
  });

  it('exports JSON Lines with the chain that verify offline', async () => {
    const page = await openDashboard();
    await expect.poll(async () => innerText(await css(page, '[data-testid="total-count"]'))).toBe('3');
    await (await find(page, 'button', /导出 JSON Lines/)).click();
    const file = await downloaded('.jsonl');
    const { header, report } = await verifyExportLines(readFileSync(file, 'utf8').split('\n'));
    expect(report.ok).toBe(true);
    expect(header?.count).toBe(3);
    expect(report.attempts).toBe(3);
    const head = await innerText(await css(page, '.status code'));
    expect(header?.head?.hash).toBe(head);
    await page.close();
  });
});
