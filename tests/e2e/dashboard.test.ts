/**
 * The dashboard as an auditor uses it, in Chromium: date presets, several decisions at once, the
 * address restoring a view, the table from the keyboard, the detail pane following the filters,
 * Chinese rule names, the account activity's scope, and the Excel export read back with ExcelJS.
 * Screenshots at 1366 px go to test-results/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogRecord, RecordBody } from '../../audit/record';
import { EXPORT_COLUMNS } from '../../audit/export-columns';
import { attemptBody, buildChain, outcomeBody } from '../audit/fixtures';
import { choose } from './dashboard-ui';
import { launchGuardedBrowser, type GuardedBrowser } from './harness';
import { seedLog } from './seed-log';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const ID = '11010519491231002X';
const DAY = 86_400_000;

let browser: GuardedBrowser;
let records: LogRecord[];

/** An attempt `daysAgo` days before now (at the same time of day, a little earlier), with its outcome. */
function entry(
  n: number,
  daysAgo: number,
  text: string,
  verdict: 'pass' | 'warn' | 'justify' | 'block',
  decision: 'published' | 'published-with-reason' | 'blocked' | 'cancelled' | undefined,
  extra: Partial<RecordBody> = {},
): RecordBody[] {
  const time = new Date(Date.now() - daysAgo * DAY - (10 - n) * 60_000).toISOString();
  const attempt = `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
  const rule =
    verdict === 'block'
      ? { ruleId: 'no-ad-promotion', category: 'commercial-ad' as const, excerpt: '限时抢购' }
      : { ruleId: 'no-typo', category: 'typo' as const, excerpt: '做为' };
  const findings =
    verdict === 'pass'
      ? []
      : [
          {
            ruleId: rule.ruleId,
            messageId: 'm',
            category: rule.category,
            severity: verdict,
            field: 'body' as const,
            range: [0, 2] as [number, number],
            basis: '第十三条',
            excerpt: rule.excerpt,
            message: '示例',
          },
        ];
  const bodies: RecordBody[] = [
    {
      ...attemptBody({ attempt, time, text, textLength: text.length, verdict, findings }),
      editor: { name: n % 2 ? '李编辑' : '王编辑', unit: '保定市政府办公室' },
      ...extra,
    } as RecordBody,
  ];
  if (decision)
    bodies.push({
      ...outcomeBody(attempt, decision, decision === 'published-with-reason' ? '经分管领导审核同意' : undefined),
      time: new Date(Date.parse(time) + 30_000).toISOString(),
    });
  return bodies;
}

beforeAll(async () => {
  const bodies = [
    ...entry(1, 60, '两个月前的通知：城区道路施工。', 'pass', 'published'),
    ...entry(2, 20, '二十天前：请市民做为参考。', 'justify', 'published-with-reason'),
    ...entry(3, 3, '三天前：【限时抢购】全场五折！', 'block', 'blocked'),
    ...entry(4, 2, '两天前：做为窗口单位热情服务。', 'warn', 'cancelled'),
    ...entry(5, 1, '昨天：请市民做为参考绕行。', 'justify', 'published-with-reason'),
    ...entry(6, 0, `今天：失主身份证号${ID}，请联系。`, 'block', 'blocked', {
      findings: [
        {
          ruleId: 'no-id-number',
          messageId: 'id18',
          category: 'personal-data',
          severity: 'block',
          field: 'body',
          range: [9, 27],
          excerpt: ID,
          message: `「${ID}」是校验有效的居民身份证号码`,
          suggestion: '1101**********002X',
          basis: '《个人信息保护法》第二十八条',
        },
      ],
    }),
    ...entry(7, 0, '今天：全市上下一鼓作气。', 'pass', 'published'),
  ];
  records = await buildChain(bodies);
  // The status bar's "no collector" needs the policy known to be empty: a policy the browser
  // withholds reads as 管理员策略暂时无法读取 instead (tests/e2e/policy-unreadable.test.ts).
  browser = await launchGuardedBrowser({ managedPolicy: {} });
  const seeder = await browser.context.newPage();
  await seeder.goto(browser.extensionUrl('popup.html'));
  await seedLog(seeder, records);
  await seeder.close();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(hash = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(browser.extensionUrl(`dashboard.html${hash}`));
  // The packs tab works without the log (no chain status there).
  if (!hash.startsWith('#packs')) await page.getByTestId('chain-status').waitFor();
  return page;
}

const count = (page: Page) => page.getByTestId('row-count').innerText();
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/dashboard-${name}.png` });

/** How many seeded attempts fall on the local days [from, to] counted back from today. */
function within(fromDaysAgo: number, toDaysAgo = 0): number {
  const today = new Date();
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - fromDaysAgo).getTime();
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate() - toDaysAgo + 1).getTime();
  return records.filter((r) => r.type === 'attempt' && Date.parse(r.time) >= start && Date.parse(r.time) < end).length;
}

describe('filters', () => {
  it('offer date presets that count today, the last 7 and 30 days and this month', async () => {
    const page = await open();
    await expect.poll(() => count(page)).toBe('7');
    const preset = page.locator('select[name=preset]');
    await preset.selectOption('today');
    await expect.poll(() => count(page)).toBe(String(within(0)));
    await preset.selectOption('7d');
    await expect.poll(() => count(page)).toBe(String(within(6)));
    await preset.selectOption('30d');
    await expect.poll(() => count(page)).toBe(String(within(29)));
    await preset.selectOption('month');
    await expect.poll(() => count(page)).toBe(String(within(new Date().getDate() - 1)));
    expect(await page.locator('input[name=from]').count()).toBe(0);
    await preset.selectOption('custom');
    // Custom starts from the range shown.
    expect(await page.locator('input[name=from]').inputValue()).toMatch(/^\d{4}-\d{2}-01$/);
    await expect.poll(() => count(page)).toBe(String(within(new Date().getDate() - 1)));
    await page.close();
  });

  it('take several decisions at once, and the address keeps them', async () => {
    const page = await open();
    await page.locator('select[name=preset]').selectOption('7d');
    await choose(page, 'decision', ['blocked', 'published-with-reason']);
    await expect.poll(() => count(page)).toBe('3');
    await page.locator('.multi[data-name=decision] summary').click();
    await shot(page, 'multi-select');
    await page.keyboard.press('Escape');
    expect(await page.locator('.multi[data-name=decision] details').getAttribute('open')).toBeNull();
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toBe('#records?time=7d&decision=published-with-reason%2Cblocked');

    // A colleague opens the same address: the same view.
    const shared = await open(hash);
    await expect.poll(() => count(shared)).toBe('3');
    expect(await shared.locator('select[name=preset]').inputValue()).toBe('7d');
    const ticked = shared.locator('.multi[data-name=decision] input:checked');
    expect(await ticked.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'published-with-reason',
      'blocked',
    ]);
    await shared.close();
    await page.close();
  });

  it('follow the address: tabs and filters from a link, back and forward', async () => {
    const page = await open('#packs');
    expect(await page.getByRole('tab', { name: '规则包' }).getAttribute('aria-selected')).toBe('true');
    await page.evaluate(() => (location.hash = '#records?verdict=block'));
    await expect.poll(() => page.getByRole('tab', { name: '记录' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => count(page)).toBe('2');
    await page.getByRole('tab', { name: '图表' }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#charts?verdict=block');
    // Tabs and filters replace the current history entry; an address typed or followed adds one.
    await page.evaluate(() => (location.hash = '#accounts'));
    await page.getByTestId('accounts-scope').waitFor();
    await page.goBack();
    await expect.poll(() => page.getByRole('tab', { name: '图表' }).getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('name rules in Chinese in the rule filter and the charts', async () => {
    const page = await open('#charts');
    const options = await page.locator('select[name=rule] option').allInnerTexts();
    expect(options).toContain('错别字');
    expect(options).toContain('促销用语');
    expect(options.join('')).not.toMatch(/no-|require-/);
    expect(await page.locator('.bars').first().innerText()).toContain('错别字（错别字和标点）');
    await shot(page, 'charts');
    await page.close();
  });
});

describe('the table', () => {
  it('is reachable and openable from the keyboard, and shows the editor and the reason', async () => {
    const page = await open();
    await expect.poll(() => count(page)).toBe('7');
    const grid = page.locator('.rows');
    await grid.focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('rows'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('complementary', { name: '记录详情' });
    // Newest first: the third row is yesterday's.
    expect(await detail.innerText()).toContain('昨天：请市民做为参考绕行。');
    const yesterday = page.locator('.rows [role=row]', { hasText: '昨天' });
    expect(await yesterday.innerText()).toContain('经分管领导审核同意');
    expect(await yesterday.innerText()).toContain('李编辑');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    expect(await detail.innerText()).toContain('两个月前的通知');
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    expect(await detail.innerText()).toContain('今天：全市上下一鼓作气。');
    await shot(page, 'records-detail');
    await page.close();
  });

  it('closes the detail pane when the filters no longer show its entry', async () => {
    const page = await open();
    await page.locator('.rows [role=row]', { hasText: '两天前' }).click();
    const detail = page.getByRole('complementary', { name: '记录详情' });
    await detail.waitFor();
    await choose(page, 'decision', ['blocked']);
    await expect.poll(() => count(page)).toBe('2');
    expect(await detail.count()).toBe(0);
    await choose(page, 'decision', []);
    await page.close();
  });
});

describe('the status bar', () => {
  it('says the chain is whole only with its anchors, and that nothing is uploaded without a collector', async () => {
    const page = await open();
    // Seeded straight into IndexedDB: no head outside the log yet, so none is named. (Pages opened
    // before this one verified the chain: this one resumes after their checkpoint.)
    expect(await page.getByTestId('chain-status').innerText()).toMatch(
      new RegExp(`^✓ 链完整：${records.length} 条记录.*(?:已逐条重新计算哈希并核对链接|其后没有新增记录)$`),
    );
    const upload = page.getByTestId('collector-status');
    expect(await upload.getAttribute('data-state')).toBe('off');
    expect(await upload.innerText()).toBe('上传到汇聚服务器：未配置（日志只保存在这台电脑的浏览器中）');
    await page.close();
  });
});

describe('account activity', () => {
  it('says it knows only this browser’s log, and from which date', async () => {
    const page = await open('#accounts');
    const note = await page.getByTestId('accounts-scope').innerText();
    expect(note).toContain('这台电脑上这个浏览器');
    const first = new Date(records[0]!.time);
    const p = (n: number) => String(n).padStart(2, '0');
    expect(note).toContain(`${first.getFullYear()}-${p(first.getMonth() + 1)}-${p(first.getDate())}`);
    await shot(page, 'accounts');
    await page.close();
  });
});

describe('the Excel export', () => {
  it('downloads a workbook that ExcelJS reads: typed cells, frozen filtered header, metadata, masked ID', async () => {
    const page = await open('#records?decision=blocked');
    await expect.poll(() => count(page)).toBe('2');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^政务新媒体审计日志_\d{8}-\d{8}_2条_链头[0-9a-f]{12}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('记录')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('序号');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+3$/);
    const col = (h: string) => EXPORT_COLUMNS.findIndex((c) => c.header === h) + 1;
    const bodies = [2, 3].map((r) => sheet.getRow(r).getCell(col('正文')).text);
    expect(bodies.some((b) => b.includes('1101**********002X'))).toBe(true);
    expect(bodies.join('')).not.toContain(ID);
    expect(sheet.getRow(2).getCell(col('时间')).type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getRow(2).getCell(col('规则')).value).toMatch(/身份证号|促销用语/);
    const meta = wb.getWorksheet('导出说明')!;
    const values = new Map<string, unknown>();
    meta.eachRow((r) => values.set(r.getCell(1).text, r.getCell(2).value));
    expect(values.get('筛选条件')).toBe('处理结果：已拦截');
    expect(values.get('链头哈希')).toBe(records.at(-1)!.hash);
    // Seeded straight into IndexedDB: the chain verifies, and no head is kept outside the log yet.
    expect(values.get('导出时的链校验')).toBe(
      '链本身完整（每条记录的哈希与链接均核对无误）；日志之外尚未保存链头，无从核对',
    );
    expect(await page.getByRole('status').filter({ hasText: '已导出' }).innerText()).toContain('2 条');
    await page.close();
  });
});
