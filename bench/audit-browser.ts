/**
 * The dashboard with 100,000 entries in Chromium: how long it takes to read and verify them,
 * how long a filter takes to show, how scrolling behaves, and whether an export freezes the page
 * (the longest main-thread task while exporting). The log is seeded straight into the
 * extension's IndexedDB from an extension page, records chained in Node beforehand.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { LogRecord } from '../audit/record';
import { launchGuardedBrowser } from '../tests/e2e/harness';
import { seedLog } from '../tests/e2e/seed-log';
import { median, type Row } from './audit-report';

const ms = (x: number) => `${x.toFixed(0)} ms`;

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
    const seeder = await browser.context.newPage();
    await seeder.goto(browser.extensionUrl('popup.html'));
    const t0 = performance.now();
    await seedLog(seeder, records);
    const seedMs = performance.now() - t0;
    await seeder.close();

    const shown: number[] = [];
    const verified: number[] = [];
    let page: Page | undefined;
    for (let i = 0; i < 3; i++) {
      await page?.close();
      page = await browser.context.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(browser.extensionUrl('dashboard.html'));
      await page.getByTestId('chain-status').waitFor({ timeout: 600_000 });
      // From navigation start: every record read and the table shown; the chain's verdict in.
      const marks = await page.evaluate(() =>
        ['govpost-log-read', 'govpost-log-verified'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN),
      );
      // One mark per name asked for, in that order.
      shown.push(marks[0]!);
      verified.push(marks[1]!);
    }
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

    const csv = await exportTiming(page, /导出 CSV/);
    const jsonl = await exportTiming(page, /导出 JSON Lines/);
    const entries = records.filter((r) => r.type === 'attempt').length;
    return [
      { what: `写入 IndexedDB（准备数据，${records.length} 条记录）`, median: ms(seedMs) },
      {
        what: `打开审计页面到表格显示（读取 ${records.length} 条记录）`,
        median: ms(median(shown)),
        baseline: `页面 JS 堆（回收后）${heap.toFixed(0)} MB`,
      },
      { what: `打开审计页面到链校验完成（${records.length} 条记录逐条重算哈希）`, median: ms(median(verified)) },
      { what: `按平台筛选 ${entries} 条到表格更新`, median: ms(median(filterTimes)) },
      { what: '虚拟滚动：跳到表格任意位置到该处各行出现', median: `${frame.toFixed(1)} ms` },
      {
        what: `导出 CSV ${entries} 条（${(csv.bytes / 2 ** 20).toFixed(0)} MB）到下载完成`,
        median: ms(csv.ms),
        baseline: `最长主线程任务 ${ms(csv.longest)}`,
      },
      {
        what: `导出 JSON Lines ${entries} 条（${(jsonl.bytes / 2 ** 20).toFixed(0)} MB）到下载完成`,
        median: ms(jsonl.ms),
        baseline: `最长主线程任务 ${ms(jsonl.longest)}`,
      },
    ];
  } finally {
    await browser.close();
  }
}
