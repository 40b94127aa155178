/**
 * The audit log end to end, in Chromium: attempts sent from the extension's content-script world
 * on real addresses reach the log; the dashboard shows, filters and exports them; the exported
 * files parse, hold the right rows and verify; pages cannot read, change or forge the log.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose } from './dashboard-ui';
import { verifyExportLines } from '../../audit/export-jsonl';
import { extensionWithProbe, sendFromContentScript } from './content-probe';
import { EXTENSION_ID, launchGuardedBrowser, serveHtml, type GuardedBrowser } from './harness';

const PACK = { id: 'baoding-default', version: '1.0.0' };

function attempt(text: string, extra: Record<string, unknown> = {}) {
  return {
    platform: 'weibo',
    kind: 'post',
    page: 'home',
    account: { name: '保定发布', id: '2803301701' },
    url: 'https://weibo.com/u/2803301701',
    text,
    verdict: 'pass',
    findings: [],
    errors: [],
    pack: PACK,
    ...extra,
  };
}

const typo = (text: string, word: string) => ({
  ruleId: 'no-typo',
  messageId: 'typo',
  category: 'typo',
  severity: 'justify',
  field: 'body',
  range: [text.indexOf(word), text.indexOf(word) + word.length],
  excerpt: word,
  message: `「${word}」应为「作为」`,
  suggestion: '作为',
  basis: '第十三条 文字关',
});

let browser: GuardedBrowser;
let probe: ReturnType<typeof extensionWithProbe>;
let weibo: Page;
let wechat: Page;

async function log(page: Page, data: unknown): Promise<string> {
  const reply = await sendFromContentScript(page, 'logAttempt', data);
  if (!reply.ok) throw new Error(reply.error);
  return (reply.value as { id: string }).id;
}

async function complete(page: Page, id: string, decision: string, reason?: string) {
  const reply = await sendFromContentScript(page, 'completeAttempt', { id, decision, ...(reason ? { reason } : {}) });
  if (!reply.ok) throw new Error(reply.error);
}

async function openDashboard(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('dashboard.html'));
  await page.getByTestId('chain-status').waitFor();
  return page;
}

const typoText = '【通知】明日起城区部分路段施工，请市民做为参考绕行。';

beforeAll(async () => {
  probe = extensionWithProbe(['https://weibo.com/*', 'https://mp.weixin.qq.com/*', 'https://example.com/*']);
  browser = await launchGuardedBrowser({ extensionDir: probe.dir });
  const page = (title: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><textarea></textarea><button>发布</button></body></html>`;
  await serveHtml(browser.context, 'https://weibo.com/**', page('微博'));
  await serveHtml(browser.context, 'https://mp.weixin.qq.com/**', page('微信公众平台'));
  await serveHtml(browser.context, 'https://example.com/**', page('别的网站'));
  weibo = await browser.context.newPage();
  await weibo.goto('https://weibo.com/u/2803301701');
  wechat = await browser.context.newPage();
  await wechat.goto('https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/appmsg_edit');

  // The editor sets a name first: it is recorded with every attempt that follows.
  const dashboard = await openDashboard();
  await dashboard.getByRole('tab', { name: '设置' }).click();
  await dashboard.locator('input[name=editorName]').fill('李编辑');
  await dashboard.locator('input[name=editorUnit]').fill('保定市政府办公室');
  await dashboard.getByRole('button', { name: '保存设置' }).click();
  await dashboard.getByRole('status').filter({ hasText: '已保存' }).waitFor();
  await dashboard.close();

  const a = await log(weibo, attempt(typoText, { verdict: 'justify', findings: [typo(typoText, '做为')] }));
  await complete(weibo, a, 'published-with-reason', '经分管领导审核同意');
  const b = await log(
    weibo,
    attempt('本店特价促销，全网最低价！', {
      verdict: 'block',
      findings: [
        {
          ...typo('本店特价促销，全网最低价！', '全网最低价'),
          ruleId: 'no-ad-terms',
          category: 'commercial-ad',
          severity: 'block',
          message: '商业广告用语',
          suggestion: undefined,
        },
      ],
    }),
  );
  await complete(weibo, b, 'blocked');
  await log(weibo, attempt('=HYPERLINK("http://evil.example","点我")')); // left pending
  const d = await log(
    wechat,
    attempt('市政府召开常务会议，研究部署安全生产工作。', {
      platform: 'wechat',
      kind: 'article',
      page: 'article-editor',
      account: { name: '保定市人民政府' },
      title: '市政府常务会议召开',
      url: 'https://mp.weixin.qq.com/cgi-bin/appmsg',
    }),
  );
  await complete(wechat, d, 'published');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  probe?.remove();
});

describe('attempts made through the protocol', () => {
  it('appear in the dashboard, verified, with the editor, the decision and the highlighted findings', async () => {
    const page = await openDashboard();
    await expect.poll(() => page.getByTestId('total-count').innerText()).toBe('4');
    expect(await page.getByTestId('chain-status').innerText()).toContain('链完整');
    expect(await page.locator('.rows [role=row]').count()).toBe(4);
    await page.locator('.rows [role=row]', { hasText: '做为参考' }).click();
    const detail = page.getByRole('complementary', { name: '记录详情' });
    expect(await detail.locator('mark').innerText()).toBe('做为');
    expect(await detail.innerText()).toContain('经分管领导审核同意');
    expect(await detail.innerText()).toContain('李编辑 · 保定市政府办公室');
    expect(await detail.locator('.chain.good').count()).toBe(1);
    expect(await page.locator('.rows [role=row]', { hasText: 'HYPERLINK' }).innerText()).toContain('未完成');
    await page.close();
  });

  it('filter by platform, decision, category, free text and time', async () => {
    const page = await openDashboard();
    const count = () => page.getByTestId('row-count').innerText();
    await page.locator('select[name=platform]').selectOption('wechat');
    await expect.poll(count).toBe('1');
    await page.locator('select[name=platform]').selectOption('');
    await choose(page, 'decision', ['blocked']);
    await expect.poll(count).toBe('1');
    expect(await page.locator('.rows [role=row]').innerText()).toContain('全网最低价');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.locator('select[name=category]').selectOption('typo');
    await expect.poll(count).toBe('1');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.locator('input[name=text]').fill('常务会议');
    await expect.poll(count).toBe('1');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.locator('select[name=preset]').selectOption('custom');
    await page.locator('input[name=from]').fill('2000-01-01');
    await page.locator('input[name=to]').fill('2000-12-31');
    await expect.poll(count).toBe('0');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(count).toBe('4');
    await page.close();
  });

  it('show charts and account activity', async () => {
    const page = await openDashboard();
    await page.getByRole('tab', { name: '图表' }).click();
    expect(await page.locator('figure').count()).toBe(4);
    // Rules by their Chinese names, never by id.
    const rules = await page.locator('.bars').first().innerText();
    expect(rules).toContain('错别字');
    expect(rules).not.toContain('no-typo');
    await page.getByRole('tab', { name: '账号活跃度' }).click();
    const table = await page.locator('.accounts table').innerText();
    expect(table).toContain('保定发布');
    expect(table).toContain('保定市人民政府');
    expect(await page.getByTestId('silent-count').innerText()).toBe('0');
    await page.close();
  });
});

describe('exports', () => {
  it('write a CSV that Excel and WPS open: BOM, CRLF, Chinese headers, formulas neutralised, the filtered rows', async () => {
    const page = await openDashboard();
    await page.locator('select[name=platform]').selectOption('weibo');
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('3');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 CSV/ }).click(),
    ]);
    // What the file holds is in its name (and its metadata file); the header is row 1.
    expect(download.suggestedFilename()).toMatch(/^政务新媒体审计日志_\d{8}-\d{8}_3条_链头[0-9a-f]{12}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('"序号","时间","平台"')).toBe(true);
    expect(lines.slice(1)).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.includes('"微博"'))).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(await page.getByRole('status').innerText()).toContain('3 条');
    await page.close();
  });

  it('write JSON Lines with the chain that verify, filtered or not', async () => {
    const page = await openDashboard();
    for (const [decisions, expected] of [
      [[], 4],
      [['published-with-reason'], 1],
    ] as const) {
      await choose(page, 'decision', decisions);
      await expect.poll(() => page.getByTestId('row-count').innerText()).toBe(String(expected));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /导出 JSON Lines/ }).click(),
      ]);
      const lines = readFileSync(await download.path(), 'utf8').split('\n');
      const { header, report } = await verifyExportLines(lines);
      expect(report.ok).toBe(true);
      expect(header?.count).toBe(expected);
      expect(report.attempts).toBe(expected);
      const head = await page.locator('.status code').innerText();
      expect(header?.head?.hash).toBe(head);
      expect(report.head?.hash).toBe(head);
    }
    await page.close();
  });
});

describe('pages cannot read, change or forge the log', () => {
  it('keeps nothing in the page’s own storage and gives the page no way to the extension', async () => {
    const seen = await weibo.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      runtime: typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    }));
    expect(seen.databases).not.toContain('govpost-audit-log');
    expect(seen.runtime).toBe('undefined');
    // Messages posted in the page reach nothing that writes.
    await weibo.evaluate(() => window.postMessage({ govpost: 'logAttempt', data: { text: '伪造' } }, '*'));
    // The dashboard's origin is the extension's: a page cannot load it.
    const response = await weibo.evaluate(async (id) => {
      try {
        await fetch(`chrome-extension://${id}/dashboard.html`);
        return 'fetched';
      } catch {
        return 'blocked';
      }
    }, EXTENSION_ID);
    expect(response).toBe('blocked');
  });

  it('refuses the extension’s own content script on an unguarded site, extension pages appending, and invalid payloads', async () => {
    const other = await browser.context.newPage();
    await other.goto('https://example.com/weibo.com');
    const foreign = await sendFromContentScript(other, 'logAttempt', attempt('伪造的记录'));
    expect(foreign).toMatchObject({
      ok: false,
      error: expect.stringContaining('拒绝来自 https://example.com/weibo.com'),
    });
    await other.close();

    const dashboard = await openDashboard();
    type Chrome = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const fromPage = await dashboard.evaluate(
      (data) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ govpost: 'logAttempt', data }),
      attempt('扩展页面伪造'),
    );
    expect(fromPage).toMatchObject({ ok: false, error: expect.stringContaining('拒绝') });

    const invalid = await sendFromContentScript(weibo, 'logAttempt', {
      ...attempt('字段不对'),
      verdict: 'ok',
      extra: 1,
    });
    expect(invalid).toMatchObject({ ok: false, error: expect.stringContaining('「logAttempt」参数无效') });
    const wrongPlatform = await sendFromContentScript(wechat, 'logAttempt', attempt('微博的尝试从公众号页面发来'));
    expect(wrongPlatform).toMatchObject({ ok: false, error: expect.stringContaining('拒绝') });

    await dashboard.reload();
    await expect.poll(() => dashboard.getByTestId('total-count').innerText()).toBe('4');
    expect(await dashboard.getByTestId('chain-status').innerText()).toContain('链完整');
    await dashboard.close();
  });
});

describe('an open dashboard', () => {
  it('picks up attempts logged while it is open, and verifies them too', async () => {
    const page = await openDashboard();
    await expect.poll(() => page.getByTestId('total-count').innerText()).toBe('4');
    // The guard on the page may log records of its own (an adapter notice on this bare page), so
    // the chain is counted before and after rather than against a fixed number.
    const verified = async () =>
      Number(/链完整：(\d+) 条记录/.exec(await page.getByTestId('chain-status').innerText())?.[1] ?? NaN);
    await expect.poll(verified).toBeGreaterThan(0);
    const before = await verified();
    await log(weibo, attempt('打开审计页面之后的新稿件'));
    await expect.poll(() => page.getByTestId('total-count').innerText(), { timeout: 15_000 }).toBe('5');
    // The new records are verified like the rest.
    await expect.poll(verified).toBeGreaterThan(before);
    await page.close();
  });
});
