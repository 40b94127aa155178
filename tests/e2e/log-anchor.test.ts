/**
 * The log's head kept outside the log, in Chromium: a log rewritten and rehashed in IndexedDB
 * (its own recorded head rewritten too), and a log database deleted outright, are both noticed by
 * the running background before its next append, recorded in the chain and in storage.local, and
 * shown on the dashboard as a break that cannot be cleared.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkRecord, type Head } from '../../audit/chain';
import type { LogRecord } from '../../audit/record';
import { extensionWithProbe, sendFromContentScript } from './content-probe';
import { extensionStorage, launchGuardedBrowser, logRecords, serveHtml, type GuardedBrowser } from './harness';

const PACK = { id: 'baoding-default', version: '1.0.0' };
let browser: GuardedBrowser;
let probe: ReturnType<typeof extensionWithProbe>;
let weibo: Page;

const attempt = (text: string) => ({
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
});

async function publish(text: string) {
  const reply = await sendFromContentScript(weibo, 'logAttempt', attempt(text));
  if (!reply.ok) throw new Error(reply.error);
  const id = (reply.value as { id: string }).id;
  const done = await sendFromContentScript(weibo, 'completeAttempt', { id, decision: 'published' });
  if (!done.ok) throw new Error(done.error);
}

/** Replaces every record and the database's own head, as someone with access to the profile could. */
async function replaceLog(records: LogRecord[], head: Head | undefined) {
  await browser.worker.evaluate(
    async ({ records, head }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('govpost-audit-log');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['records', 'state'], 'readwrite');
          tx.objectStore('records').clear();
          for (const r of records) tx.objectStore('records').put(r);
          if (head) tx.objectStore('state').put({ key: 'head', ...head });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        };
      }),
    { records, head },
  );
}

async function relink(records: LogRecord[]): Promise<{ records: LogRecord[]; head?: Head }> {
  let head: Head | undefined;
  const out: LogRecord[] = [];
  for (const r of records) {
    const { v: _v, seq: _s, prev: _p, hash: _h, ...body } = r;
    const linked: LogRecord = await linkRecord(body, head);
    out.push(linked);
    head = { seq: linked.seq, hash: linked.hash };
  }
  return { records: out, head };
}

/** The dashboard's chain verdict and the anchor breaks it lists (a screenshot of it too). */
async function dashboard(name: string): Promise<{ status: string; breaks: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(browser.extensionUrl('dashboard.html'));
  const status = await page.getByTestId('chain-status').innerText();
  if (status.startsWith('✗')) await page.getByTestId('anchor-break').first().waitFor();
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/log-anchor-${name}.png`, fullPage: true });
  const breaks = await page.getByTestId('anchor-break').allTextContents();
  await page.close();
  return { status, breaks };
}

async function dashboardBreaks(name: string): Promise<string[]> {
  const { status, breaks } = await dashboard(name);
  // A chain that links perfectly after a rewrite is still not whole: its anchors say so.
  expect(status).toMatch(/^✗ 链头不符/);
  return breaks;
}

beforeAll(async () => {
  probe = extensionWithProbe(['https://weibo.com/*']);
  browser = await launchGuardedBrowser({ extensionDir: probe.dir });
  await serveHtml(
    browser.context,
    'https://weibo.com/**',
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>微博</title></head><body></body></html>',
  );
  weibo = await browser.context.newPage();
  await weibo.goto('https://weibo.com/u/2803301701');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  probe?.remove();
});

describe('the log anchored outside IndexedDB', () => {
  it('a record edited and the rest rehashed, with the recorded head rewritten, is caught before the next append', async () => {
    for (const n of [1, 2, 3]) await publish(`第 ${n} 条通知：明日停水`);
    const before = (await logRecords(browser.worker)).sort((a, b) => a.seq - b.seq) as LogRecord[];
    const edited = before.map((r) =>
      r.seq === 3 && r.type === 'attempt' ? { ...r, text: '第 2 条通知：改过的内容' } : r,
    );
    const whole = await dashboard('whole');
    expect(whole.status).toMatch(/^✓ 链完整：\d+ 条记录.*与后台内存中的链头、扩展存储中的链头一致$/);
    expect(whole.breaks).toEqual([]);
    const { records, head } = await relink(edited);
    await replaceLog(records, head);

    // Before the background appends again, the dashboard finds it by itself: the record at the
    // checkpoint its first open left changed hash (so it verifies from the start), and the anchors
    // no longer match.
    const live = await dashboard('rewritten-live');
    expect(live.status).toMatch(/^✗ 断链：首个断点在序号 \d+——序号 \d+ 的哈希与 .* 校验时记下的不符/);
    expect(live.status).toContain('另与日志之外保存的链头不符 1 处');
    expect(live.breaks.join('\n')).toContain('本页刚刚核对发现');
    expect(live.breaks.join('\n')).toContain('日志被改写');

    await publish('篡改之后的下一条');
    const after = (await logRecords(browser.worker)).sort((a, b) => a.seq - b.seq);
    const integrity = after.filter((r) => r.type === 'integrity');
    expect(integrity).toHaveLength(1);
    expect(integrity[0]!.reason).toContain('日志被改写');
    expect(after.at(-2)!.type).toBe('attempt'); // the new attempt comes after the recorded break
    const anchor = await extensionStorage<{ breaks: { kind: string }[] }>(browser.worker, 'logAnchor');
    expect(anchor?.breaks.map((b) => b.kind)).toEqual(['rewritten']);
    const shown = await dashboardBreaks('rewritten');
    expect(shown.join('\n')).toContain('不可清除');
  });

  it('a deleted log database is caught, and the new chain starts with the break', async () => {
    await browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('govpost-audit-log');
          del.onsuccess = () => resolve();
          del.onerror = () => reject(del.error ?? new Error('deleteDatabase failed'));
        }),
    );
    await publish('删库之后的第一条');
    const after = (await logRecords(browser.worker)).sort((a, b) => a.seq - b.seq);
    expect(after[0]).toMatchObject({ type: 'integrity', seq: 1 });
    expect(after[0]!.reason).toContain('日志被清空');
    expect(after[1]).toMatchObject({ type: 'attempt', seq: 2 });
    const anchor = await extensionStorage<{ breaks: { kind: string }[] }>(browser.worker, 'logAnchor');
    expect(anchor?.breaks.map((b) => b.kind)).toEqual(['rewritten', 'emptied']);
    const shown = await dashboardBreaks('emptied');
    expect(shown).toHaveLength(2);
    expect(shown[1]).toContain('日志被清空');
  });
});
