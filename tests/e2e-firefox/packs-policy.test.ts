/**
 * Rule packs pushed through Firefox's enterprise policy: policies.json names a local pack server
 * and a test key under `3rdparty.Extensions.<add-on id>`, which Firefox hands to the extension as
 * storage.managed. The signed pack is fetched, verified and activated, and a post on the weibo.com
 * replica is blocked for the term only that pack bans; a tampered pack is refused, shown, and the
 * active pack keeps working.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackEvent, UpdateState } from '../../pack-trust/status';
import type { ActivePack } from '../../utils/protocol';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { extensionStorage, latestAttempt } from '../e2e/harness';
import { startPackServer, type PackServer } from '../e2e/pack-server';
import { HOME_INPUT } from '../e2e/weibo-session';
import { packWithTerm, signed, testKey } from '../pack-trust/helpers';
import { count, css, fill, find, innerText } from './dom';
import { geckoId, launchFirefox, type FirefoxGuard } from './firefox';
import { answerPanel, guardPanel, panelText, waiter } from './guard-page';
import { FirefoxRoutes } from './routes';

const TERM = '违规示范词';
const SAMPLE = `本周工作通报中出现了${TERM}，请注意。`;

let server: PackServer;
let firefox: FirefoxGuard;
let replica: WeiboReplica;
let dashboard: Page;
let tampered: string;
let policy: Record<string, unknown>;

beforeAll(async () => {
  const key = await testKey('端到端测试密钥');
  const current = JSON.stringify(await signed(packWithTerm('1.1.0', TERM, '规范用语', 'block'), key));
  const changed = await signed(packWithTerm('1.2.0', TERM, '规范用语', 'block'), key);
  (changed.pack as { rules: Record<string, { severity: string }> }).rules['no-typo']!.severity = 'off';
  tampered = JSON.stringify(changed);

  server = await startPackServer();
  server.serve(current);
  policy = { packUrl: server.url, trustedKeys: [key.publicEntry], packUpdateMinutes: 60 };
  const routes = new FirefoxRoutes();
  replica = await serveWeiboReplica(routes);
  firefox = await launchFirefox({ routes, policies: { '3rdparty': { Extensions: { [geckoId()]: policy } } } });
});

afterAll(async () => {
  try {
    await firefox?.close();
  } finally {
    await server?.close();
  }
});

const active = () => extensionStorage<ActivePack>(firefox.extension, 'activePack');
const history = async () => (await extensionStorage<PackEvent[]>(firefox.extension, 'packHistory')) ?? [];

async function tryCheck(text: string) {
  await fill(await css(dashboard, '.pack-try textarea'), text);
  return css(dashboard, '.pack-try-result');
}

async function checkNow() {
  const before = (await extensionStorage<UpdateState>(firefox.extension, 'packUpdate'))?.lastCheck;
  await (await find(dashboard, 'button', '立即检查更新')).click();
  await expect
    .poll(async () => (await extensionStorage<UpdateState>(firefox.extension, 'packUpdate'))?.lastCheck)
    .not.toBe(before);
}

/** Posts SAMPLE on the replica's home composer and expects it stopped for TERM. */
async function blockedOnWeibo(version: string) {
  const weibo = await firefox.newPage();
  try {
    await weibo.goto('https://weibo.com/');
    await fill(await css(weibo, HOME_INPUT), SAMPLE);
    await (await find(weibo, 'button', '发送')).click();
    const panel = await guardPanel(weibo);
    expect(await panelText(weibo)).toContain(TERM);
    expect(await count(panel, 'button', '仍要发布')).toBe(0);
    expect(await latestAttempt(firefox.extension)).toMatchObject({
      verdict: 'block',
      pack: { id: 'baoding-default', version },
    });
    await answerPanel(weibo, '返回修改');
    await waiter.waitForTimeout(700);
    expect(replica.published()).toHaveLength(0);
  } finally {
    await weibo.close();
  }
}

describe('a pack pushed by Firefox enterprise policy (policies.json 3rdparty.Extensions)', () => {
  it('reaches the extension through storage.managed', async () => {
    const managed = await firefox.extension.evaluate(() =>
      (
        globalThis as unknown as { browser: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }
      ).browser.storage.managed.get(),
    );
    expect(managed).toEqual(policy);
  });

  it('is fetched, verified and activated, shown on the dashboard, and its term blocks a post', async () => {
    await expect.poll(async () => (await active())?.pack.version, { timeout: 30_000 }).toBe('1.1.0');
    expect(await active()).toMatchObject({ origin: 'policy', source: server.url, keyIds: [expect.any(String)] });

    dashboard = await firefox.openExtensionPage('dashboard.html#packs');
    await expect.poll(async () => innerText(await css(dashboard, '[data-field="version"]'))).toBe('1.1.0');
    expect(await innerText(await css(dashboard, '[data-field="origin"]'))).toContain('策略地址');
    const result = await tryCheck(SAMPLE);
    await expect.poll(() => result.evaluate((el) => el.getAttribute('data-pack'))).toBe('baoding-default@1.1.0');
    expect(await innerText(await css(result, 'li[data-rule="no-typo"]'))).toContain(`「${TERM}」`);

    await blockedOnWeibo('1.1.0');
  });

  it('refuses a tampered pack, shows why, and the active pack keeps working', async () => {
    server.serve(tampered);
    await checkNow();
    expect((await history()).at(-1)).toMatchObject({
      kind: 'refused',
      origin: 'policy',
      reason: 'bad-signature',
      pack: { version: '1.2.0' },
    });
    expect((await active())?.pack.version).toBe('1.1.0');
    const refusal = await css(dashboard, '.pack-history tr[data-reason="bad-signature"]');
    expect(await innerText(refusal)).toContain('签名无效');
    await blockedOnWeibo('1.1.0');
  });
});
