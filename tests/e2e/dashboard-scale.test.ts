/**
 * The dashboard on a large log, in Chromium: the newest page of the table shows before the chain
 * is verified and the verdict follows; the next open resumes after the verified checkpoint; an
 * entry tampered after the checkpoint is still caught on open, one tampered before it by the full
 * re-verification asked for on the page; every entry exports to Excel in the export worker, its
 * progress moving while the page keeps answering. Screenshots at 1366 px go to test-results/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogRecord, RecordBody } from '../../audit/record';
import { attemptBody, buildChain, mixedBodies, outcomeBody } from '../audit/fixtures';
import { launchGuardedBrowser, type GuardedBrowser } from './harness';

declare const chrome: { alarms: { clearAll(): Promise<boolean> } };
import { checkpoint, dropCheckpoint, editRecord, putRecord, seedLog } from './seed-log';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
/** Attempts seeded: enough that verifying them all takes seconds, well past the first screen. */
const ATTEMPTS = 15_000;

let browser: GuardedBrowser;
let records: LogRecord[];
let seeder: Page;

beforeAll(async () => {
  records = await buildChain(mixedBodies(ATTEMPTS, { days: 60, start: Date.now() - 61 * 86_400_000 }));
  browser = await launchGuardedBrowser();
  // The background's daily check verifies the chain too (and moves the checkpoint): keep it from
  // running in the middle of these steps.
  await browser.worker.evaluate(() => chrome.alarms.clearAll());
  seeder = await browser.context.newPage();
  await seeder.goto(browser.extensionUrl('popup.html'));
  await seedLog(seeder, records);
  await dropCheckpoint(seeder);
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(browser.extensionUrl('dashboard.html'));
  return page;
}

const verdict = (page: Page) => page.getByTestId('chain-status').innerText();
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/dashboard-scale-${name}.png` });
const head = () => records.at(-1)!;

describe('a large log', () => {
  it('shows the newest page of the table before the chain is verified, then the verdict', async () => {
    const page = await open();
    await page.locator('.rows [role=row]').first().waitFor({ timeout: 30_000 });
    // The table is there and the verification is still running.
    expect(await page.getByTestId('chain-checking').count()).toBe(1);
    await shot(page, 'first-screen');
    await page.getByTestId('chain-status').waitFor({ timeout: 120_000 });
    const [shown, verified] = await page.evaluate(() =>
      ['govpost-table-shown', 'govpost-log-verified'].map((m) => performance.getEntriesByName(m)[0]?.startTime),
    );
    expect(shown).toBeLessThan(verified!);
    expect(await verdict(page)).toBe(`✓ 链完整：${records.length} 条记录已逐条重新计算哈希并核对链接`);
    // The rest of the log is read behind the first screen; then counts cover all of it.
    await expect.poll(() => page.getByTestId('total-count').innerText(), { timeout: 60_000 }).toBe(String(ATTEMPTS));
    expect(await page.getByTestId('reading-rest').count()).toBe(0);
    // Where the next reader resumes.
    await expect.poll(() => checkpoint(seeder)).toMatchObject({ seq: head().seq, hash: head().hash });
    await shot(page, 'verified');
    await page.close();
  });

  it('resumes after the checkpoint on the next open, re-hashing only what was added', async () => {
    const page = await open();
    await page.getByTestId('chain-status').waitFor({ timeout: 30_000 });
    expect(await verdict(page)).toMatch(
      new RegExp(`^✓ 链完整：${records.length} 条记录，序号 ${head().seq} 及之前的已于 .*），其后没有新增记录`),
    );
    await page.close();
  });

  it('exports every entry to Excel in the background, its progress moving while the page answers', async () => {
    const page = await open();
    await expect.poll(() => page.getByTestId('total-count').innerText(), { timeout: 120_000 }).toBe(String(ATTEMPTS));
    const bar = page.getByRole('progressbar', { name: '导出进度' });
    const shares = new Set<number>();
    let slowest = 0;
    const download = page.waitForEvent('download', { timeout: 240_000 });
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    let done = false;
    void download.then(() => (done = true));
    while (!done) {
      // A round trip into the page: slow only if the export held its main thread.
      const t = Date.now();
      const value = await bar.getAttribute('value', { timeout: 1_000 }).catch(() => null);
      slowest = Math.max(slowest, Date.now() - t);
      if (value !== null) shares.add(Number(value));
      await new Promise((r) => setTimeout(r, 100));
    }
    const file = await (await download).path();
    // The bar moved through several values on its way (the worker reports as it writes).
    expect([...shares].filter((v) => v > 0 && v < 1).length).toBeGreaterThanOrEqual(2);
    expect(slowest).toBeLessThan(5_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('记录')!.rowCount).toBe(ATTEMPTS + 1);
    await shot(page, 'exported');
    await page.close();
  }, 300_000);

  it('catches an entry tampered before the checkpoint by the full re-verification', async () => {
    const tampered = records.find((r) => r.type === 'attempt' && r.seq > 100)!;
    await editRecord(seeder, tampered.seq, { text: '改过的正文' });
    const page = await open();
    await page.getByTestId('chain-status').waitFor({ timeout: 30_000 });
    // Opening only re-checks the checkpoint's hash: the edit is before it.
    expect(await verdict(page)).toMatch(/^✓ 链完整/);
    await page.getByTestId('full-check-start').click();
    await page.getByTestId('full-check').waitFor();
    await shot(page, 'full-check');
    await expect
      .poll(() => verdict(page), { timeout: 120_000 })
      .toMatch(new RegExp(`^✗ 断链：首个断点在序号 ${tampered.seq}——内容被改动`));
    // A checkpoint a full verification contradicts is dropped: the next open verifies from the start.
    await expect.poll(() => checkpoint(seeder)).toBeUndefined();
    await shot(page, 'full-check-broken');
    await page.close();
    await putRecord(seeder, tampered);
  });

  it('catches an entry tampered after the checkpoint when the page opens', async () => {
    let page = await open();
    await page.getByTestId('chain-status').waitFor({ timeout: 120_000 });
    expect(await verdict(page)).toBe(`✓ 链完整：${records.length} 条记录已逐条重新计算哈希并核对链接`);
    await expect.poll(() => checkpoint(seeder)).toMatchObject({ seq: head().seq });
    await page.close();

    const bodies: RecordBody[] = [];
    for (let i = 0; i < 20; i++) {
      const a = attemptBody({ time: new Date().toISOString() });
      bodies.push(a, outcomeBody(a.attempt, 'published'));
    }
    const more = await buildChain(bodies, { seq: head().seq, hash: head().hash });
    const edited = more[6]!;
    await seedLog(
      seeder,
      more.map((r) => (r === edited ? { ...r, text: '改过的正文' } : r)),
    );

    page = await open();
    await page.getByTestId('chain-status').waitFor({ timeout: 30_000 });
    expect(await verdict(page)).toMatch(new RegExp(`^✗ 断链：首个断点在序号 ${edited.seq}——内容被改动`));
    await page.close();
  });
});
