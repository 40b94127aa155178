/**
 * The fleet end to end: the built extension in Chromium under a policy that names the collector;
 * posts on the weibo.com replica reach PostgreSQL and the fleet pages; the collector killed in the
 * middle of an upload and started again loses and doubles nothing; a replayed or forged batch is
 * refused; a wiped local log shows on the fleet pages; draft text with SQL and markup is stored and
 * shown as text. Screenshots of the fleet pages go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectorUnderTest } from './collector-process';
import { installManagedPolicy, launchGuardedBrowser, logRecords, logStatus, type GuardedBrowser } from './harness';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { HOME_INPUT } from './weibo-session';

const HOSTILE = `<b>加粗</b><script>alert(1)</script> '); DELETE FROM attempts; -- 明日停水通知`;
const PASSWORD = '市网信办审计员的密码2026';
let collector: CollectorUnderTest;
let browser: GuardedBrowser;
let replica: WeiboReplica;
let removePolicy: (() => void) | undefined;
let fleet: Page;

async function post(text: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('https://weibo.com/?replica=vue2');
  await page.locator(HOME_INPUT).fill(text);
  await page.getByRole('button', { name: '发送' }).click();
  await expect
    .poll(() => replica.published('/ajax/statuses/update').some((r) => r.fields.content === text), { timeout: 15_000 })
    .toBe(true);
  await page.close();
}

/** A fleet view as JSON Lines, through the auditor's session. */
async function view<T = Record<string, unknown>>(path: string): Promise<T[]> {
  // Through the browser context's request API: it carries the auditor's session cookie.
  const res = await browser.context.request.get(
    `${collector.directUrl}${path}${path.includes('?') ? '&' : '?'}format=jsonl`,
  );
  const text = await res.text();
  return text.trim()
    ? text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as T)
    : [];
}

/** Runs a wait; when it fails, its error also says what the extension's uploader reports then. */
async function sayingUploadState(wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait();
  } catch (e) {
    const page = await browser.context.newPage();
    const status = await page
      .goto(browser.extensionUrl('dashboard.html'))
      .then(() => logStatus(page))
      .catch((error: unknown) => String(error));
    await page.close();
    if (e instanceof Error)
      e.message += `\n上传状态：${typeof status === 'string' ? status : JSON.stringify(status.collector)}`;
    throw e;
  }
}

async function shot(path: string, name: string) {
  await fleet.goto(`${collector.directUrl}${path}`);
  mkdirSync('test-results/screenshots', { recursive: true });
  await fleet.screenshot({ path: `test-results/screenshots/fleet-${name}.png`, fullPage: true });
}

interface DeviceView {
  id: number;
  entries: number;
  head_seq: number;
  events: number;
  epoch: number;
}

beforeAll(async () => {
  collector = await CollectorUnderTest.start();
  const enrolled = collector.cli(['enroll', '--unit', '保定市政府办公室']);
  const code = /登记码：(GPG-[A-Z0-9-]+)/.exec(enrolled)![1]!;
  collector.cli(['user', '--login', 'wangxinban', '--role', 'city'], PASSWORD);
  await collector.serve();
  const policy = {
    collectorUrl: collector.url,
    collectorEnrollmentCode: code,
    collectorText: 'full',
    editorName: '李编辑',
    editorUnit: '保定市政府办公室',
  };
  removePolicy = installManagedPolicy('govpost-collector-e2e', policy);
  browser = await launchGuardedBrowser({ managedPolicy: policy });
  replica = await serveWeiboReplica(browser.context, { heartbeatMs: 300 });
  fleet = await browser.context.newPage();
  await fleet.goto(`${collector.directUrl}/login`);
  await fleet.locator('input[name=login]').fill('wangxinban');
  await fleet.locator('input[name=password]').fill(PASSWORD);
  await fleet.getByRole('button', { name: '登录' }).click();
  await fleet.waitForURL(`${collector.directUrl}/`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  removePolicy?.();
  await collector?.stop();
});

describe('the fleet', () => {
  it('posts on the replica reach PostgreSQL and the fleet pages, text shown as text', async () => {
    await post('保定市今冬明春森林防火工作部署会召开，各县（市、区）要压实责任。');
    await post(HOSTILE);
    await sayingUploadState(() =>
      expect.poll(async () => (await view('/attempts')).length, { timeout: 60_000 }).toBe(2),
    );
    const attempts = await view<{ text: string; account_name: string; decision: string; unit: string }>('/attempts');
    expect(attempts.map((a) => a.text)).toContain(HOSTILE);
    expect(attempts[0]).toMatchObject({ account_name: '保定发布', decision: 'published', unit: '保定市政府办公室' });
    await fleet.goto(`${collector.directUrl}/attempts?q=${encodeURIComponent('DELETE FROM')}`);
    const cell = fleet.getByTestId('attempt-text').first();
    expect(await cell.innerText()).toBe(HOSTILE); // markup as characters, not elements
    expect(await fleet.locator('td b, td script').count()).toBe(0);
    await fleet.screenshot({ path: 'test-results/screenshots/fleet-search.png', fullPage: true });
  });

  it('the collector killed mid-upload and started again: nothing lost, nothing doubled', async () => {
    collector.killOnNextBatch = true;
    await post('请市民关注明日天气变化。');
    await expect.poll(() => collector.killed, { timeout: 30_000 }).toBe(1);
    await post('保定市召开安全生产工作会议。'); // while the collector is down
    // The dashboard says so: uploads failing, records waiting, the next retry.
    const dashboard = await browser.context.newPage();
    await dashboard.goto(browser.extensionUrl('dashboard.html'));
    const upload = dashboard.getByTestId('collector-status');
    await expect.poll(() => upload.getAttribute('data-state'), { timeout: 30_000 }).toBe('retrying');
    const failing = await upload.innerText();
    expect(failing).toContain('上传到汇聚服务器：上传失败，稍后自动重试');
    expect(failing).toMatch(/待上传 [1-9]\d* 条/);
    expect(failing).toContain('下次重试');
    expect(failing).toContain('单位：保定市政府办公室');
    await dashboard.screenshot({ path: 'test-results/screenshots/dashboard-upload-retrying.png' });
    await collector.serve();
    const local = (await logRecords(browser.worker)).length;
    await expect.poll(async () => (await view<DeviceView>('/devices'))[0]?.head_seq, { timeout: 90_000 }).toBe(local);
    const [device] = await view<DeviceView>('/devices');
    expect(device).toMatchObject({ entries: local, events: 0 });
    expect(await view('/attempts')).toHaveLength(4);
    // The dashboard polls: caught up, nothing waiting, the last success named.
    await expect.poll(() => upload.getAttribute('data-state'), { timeout: 60_000 }).toBe('idle');
    await expect.poll(() => upload.innerText(), { timeout: 30_000 }).toContain('待上传 0 条');
    expect(await upload.innerText()).toMatch(/上次成功 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await dashboard.close();
  });

  it('a replayed or forged batch is refused', async () => {
    const sent = collector.batches.at(-1)!;
    const send = (body: string, signature: string) =>
      fetch(`${collector.directUrl}/api/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-govpost-signature': signature },
        body,
      });
    const replayed = await send(sent.body, sent.signature);
    expect(replayed.status, await replayed.clone().text()).toBe(409);
    const forged = sent.body.replace(/"counter":\d+/, '"counter":999999');
    expect((await send(forged, sent.signature)).status).toBe(401);
    expect(await view('/attempts')).toHaveLength(4);
  });

  it('a wiped local log shows on the fleet pages', async () => {
    await browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('govpost-audit-log');
          del.onsuccess = () => resolve();
          del.onerror = () => reject(new Error(`deleteDatabase: ${del.error?.message}`));
        }),
    );
    await post('删库之后发出的一条。');
    await expect.poll(async () => (await view<DeviceView>('/devices'))[0]?.events, { timeout: 90_000 }).toBe(1);
    const [event] = await view<{ kind: string; from_seq: number; to_seq: number }>('/events');
    expect(event).toMatchObject({ kind: 'restarted', from_seq: 1 });
    await shot('/devices', 'devices');
    expect(await fleet.getByTestId('chain-state').first().innerText()).toContain('断链');
    await shot('/events', 'events');
    await shot('/', 'accounts');
    await shot('/units', 'units');
  });
});
