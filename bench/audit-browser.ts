/**
 * The dashboard with 100,000 entries in Chromium: how long until the first screen of the table
 * and the chain's verdict show, how long a filter takes to show, how scrolling behaves, whether
 * an export freezes the page (the longest main-thread task while exporting), and what the Excel
 * writer costs in bytes. The log is seeded straight into the extension's IndexedDB from an
 * extension page, records chained in Node beforehand.
 *
 * Baselines in the same run: the first screen against the moment the whole log is read (when the
 * table used to appear); the verdict resumed from the checkpoint against the first open of a log
 * no one verified yet (a verification from the start, which every open used to do).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { LogRecord } from '../audit/record';
import { EXTENSION_DIR, launchGuardedBrowser } from '../tests/e2e/harness';
import { checkpoint, dropCheckpoint, seedLog } from '../tests/e2e/seed-log';
import { median, type Row } from './audit-report';
import { factor, kb, mb, msFixed } from './table';

declare const chrome: { alarms: { clearAll(): Promise<boolean> } };

/**
 * Size of the built chunk in `dir` whose name starts with `prefix`: as the extension loads it
 * (from disk, uncompressed) and gzipped at zlib's default level, for comparison only.
 */
function chunkBytes(dir: string, prefix: string): { bytes: number; gzip: number } {
  const name = readdirSync(join(EXTENSION_DIR, dir)).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  if (!name) throw new Error(`no ${dir}/${prefix}*.js in the build: run wxt build first`);
  const data = readFileSync(join(EXTENSION_DIR, dir, name));
  return { bytes: data.length, gzip: gzipSync(data).length };
}

/** One open of the dashboard: until the verdict is in and the whole log is read; its marks. */
async function openDashboard(
  browser: Awaited<ReturnType<typeof launchGuardedBrowser>>,
): Promise<{ page: Page; firstScreen: number; wholeRead: number; verified: number }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(browser.extensionUrl('dashboard.html'));
  await page.getByTestId('chain-status').waitFor({ timeout: 600_000 });
  await page.getByTestId('total-count').waitFor({ timeout: 600_000 });
  // From navigation start (entrypoints/dashboard/load.ts and app.tsx set them).
  const [firstScreen, wholeRead, verified] = await page.evaluate(() =>
    ['govpost-table-shown', 'govpost-log-read', 'govpost-log-verified'].map(
      (m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN,
    ),
  );
  return { page, firstScreen: firstScreen!, wholeRead: wholeRead!, verified: verified! };
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m: { name: string }) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
}

async function exportTiming(page: Page, button: RegExp): Promise<{ ms: number; longest: number; bytes: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const t = performance.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  const bytes = readFileSync(await download.path()).length;
  const elapsed = performance.now() - t;
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  return { ms: elapsed, longest, bytes };
}

export async function benchDashboard(records: LogRecord[]): Promise<Row[]> {
  const browser = await launchGuardedBrowser();
  try {
    // The background's daily check would verify the chain in the middle of the measurements.
    await browser.worker.evaluate(() => chrome.alarms.clearAll());
    const seeder = await browser.context.newPage();
    await seeder.goto(browser.extensionUrl('popup.html'));
    const t0 = performance.now();
    await seedLog(seeder, records);
    const seedMs = performance.now() - t0;

    // A log no one verified yet: the first open verifies it from the start (as every open used to).
    await dropCheckpoint(seeder);
    const unverified = await openDashboard(browser);
    await unverified.page.close();
    for (let i = 0; (await checkpoint(seeder))?.seq !== records.at(-1)?.seq; i++) {
      if (i > 100) throw new Error('the dashboard left no checkpoint');
      await new Promise((r) => setTimeout(r, 100));
    }
    // Then as usual: resumed after the checkpoint.
    const firstScreen: number[] = [];
    const wholeRead: number[] = [];
    const verified: number[] = [];
    let page: Page | undefined;
    for (let i = 0; i < 3; i++) {
      await page?.close();
      const open = await openDashboard(browser);
      ({ page } = open);
      firstScreen.push(open.firstScreen);
      wholeRead.push(open.wholeRead);
      verified.push(open.verified);
    }
    await seeder.close();
    page = page!;
    const status = await page.getByTestId('chain-status').innerText();
    if (!status.includes('链完整')) throw new Error(`chain not intact in the browser: ${status}`);
    const heap = await heapMb(page);

    const filterTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const value = i % 2 ? '' : 'wechat';
      const before = await page.getByTestId('row-count').innerText();
      const t = performance.now();
      await page.locator('select[name=platform]').selectOption(value);
      await page.waitForFunction((b) => document.querySelector('[data-testid=row-count]')?.textContent !== b, before);
      filterTimes.push(performance.now() - t);
    }

    // Jump to 30 places in the table; time until the rows there are in the DOM.
    const frame = await page.evaluate(async () => {
      const box = document.querySelector('.rows') as HTMLElement;
      const times: number[] = [];
      for (let i = 1; i <= 30; i++) {
        const target = Math.floor(((box.scrollHeight - box.clientHeight) * i) / 31);
        const t = performance.now();
        box.scrollTop = target;
        const row = Math.floor(target / 34) + 1;
        while (!document.querySelector(`.rows [aria-rowindex="${row}"]`)) await new Promise((r) => setTimeout(r, 1));
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return times[times.length >> 1] ?? Number.NaN;
    });

    const xlsx = await exportTiming(page, /导出 Excel/);
    const csv = await exportTiming(page, /导出 CSV/);
    const jsonl = await exportTiming(page, /导出 JSON Lines/);
    const entries = records.filter((r) => r.type === 'attempt').length;
    const writer = chunkBytes('assets', 'export-worker-');
    const dashboard = chunkBytes('chunks', 'dashboard-');
    return [
      { what: `写入 IndexedDB（准备数据，${records.length} 条记录）`, median: msFixed(seedMs) },
      {
        what: '打开审计页面到首屏表格（最近一页记录）',
        median: msFixed(median(firstScreen)),
        baseline: `读完全部 ${records.length} 条记录（原先此时才显示表格）${msFixed(median(wholeRead))}`,
        ratio: factor(median(firstScreen), median(wholeRead)),
      },
      {
        what: '打开审计页面到链校验结论（从检查点起只校验新增记录）',
        median: msFixed(median(verified)),
        baseline: `无检查点、从头逐条重算 ${records.length} 条哈希（原先每次打开都如此）${msFixed(unverified.verified)}`,
        ratio: factor(median(verified), unverified.verified),
      },
      { what: '页面 JS 堆（读完全部记录、回收后）', median: `${heap.toFixed(0)} MB` },
      { what: `按平台筛选 ${entries} 条到表格更新`, median: msFixed(median(filterTimes)) },
      { what: '虚拟滚动：跳到表格任意位置到该处各行出现', median: msFixed(frame, 1) },
      {
        what: `导出 Excel（.xlsx）${entries} 条（${mb(xlsx.bytes)}）到下载完成`,
        median: msFixed(xlsx.ms),
        baseline: `最长主线程任务 ${msFixed(xlsx.longest)}`,
      },
      {
        what: 'Excel 写入器的包体积（导出 worker 脚本，只在审计页面导出时加载）',
        median: `${kb(writer.bytes)}（gzip ${kb(writer.gzip)}）`,
        baseline: `审计页面脚本 ${kb(dashboard.bytes)}（gzip ${kb(dashboard.gzip)}）`,
        ratio: factor(writer.bytes, dashboard.bytes),
      },
      {
        what: `导出 CSV ${entries} 条（${mb(csv.bytes)}）到下载完成`,
        median: msFixed(csv.ms),
        baseline: `最长主线程任务 ${msFixed(csv.longest)}`,
      },
      {
        what: `导出 JSON Lines ${entries} 条（${mb(jsonl.bytes)}）到下载完成`,
        median: msFixed(jsonl.ms),
        baseline: `最长主线程任务 ${msFixed(jsonl.longest)}`,
      },
    ];
  } finally {
    await browser.close();
  }
}
