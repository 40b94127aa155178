/**
 * Firefox's data collection consent before the log leaves for the city's collector: the policy
 * names a collector, the add-on declares the kinds it would send as optional, and until the
 * person allows them nothing reaches the collector — the post itself goes as usual, the log stays
 * local, and the upload state says consent is needed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogStatus } from '../../utils/protocol';
import { serveWeiboReplica, type WeiboReplica } from '../replicas/weibo/server';
import { latestAttempt } from '../e2e/harness';
import { DRAFTS, HOME_INPUT } from '../e2e/weibo-session';
import { css, fill, find, sleep } from './dom';
import { geckoId, launchFirefox, type FirefoxGuard } from './firefox';
import { FirefoxRoutes } from './routes';

let firefox: FirefoxGuard;
let replica: WeiboReplica;
let collector: Server;
const reached: string[] = [];

beforeAll(async () => {
  collector = createServer((req, res) => {
    reached.push(`${req.method} ${req.url}`);
    res.writeHead(503).end();
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  const { port } = collector.address() as AddressInfo;
  const policy = {
    collectorUrl: `http://127.0.0.1:${port}`,
    collectorEnrollmentCode: 'GPG-TEST-CODE',
    collectorText: 'full',
  };
  const routes = new FirefoxRoutes();
  replica = await serveWeiboReplica(routes, { heartbeatMs: 60_000 });
  firefox = await launchFirefox({ routes, policies: { '3rdparty': { Extensions: { [geckoId()]: policy } } } });
});

afterAll(async () => {
  await firefox?.close();
  await new Promise((r) => collector?.close(r));
});

describe('the city collector on Firefox', () => {
  it('sends nothing until the person allows the declared data collection', async () => {
    const page = await firefox.newPage();
    await page.goto('https://weibo.com/');
    await fill(await css(page, HOME_INPUT), DRAFTS.clean);
    await (await find(page, 'button', '发送')).click();
    await expect.poll(() => replica.published().length, { timeout: 15_000 }).toBe(1);
    expect((await latestAttempt(firefox.extension)).decision).toBe('published');

    // The upload waits a couple of seconds for a burst of records; give it well past that.
    await sleep(6_000);
    const status = (await firefox.extension.evaluate(async () => {
      type Runtime = { sendMessage(m: unknown): Promise<{ ok: boolean; value: unknown }> };
      const runtime = (globalThis as unknown as { browser: { runtime: Runtime } }).browser.runtime;
      return (await runtime.sendMessage({ govpost: 'getLogStatus', data: {} })).value;
    })) as LogStatus;
    expect(status.collector?.state).toBe('needs-consent');
    // Firefox knows the kinds the manifest declares (asking does not throw) and has not granted them.
    const granted = await firefox.extension.evaluate(async () => {
      type Permissions = { contains(p: unknown): Promise<boolean>; getAll(): Promise<{ data_collection?: string[] }> };
      const permissions = (globalThis as unknown as { browser: { permissions: Permissions } }).browser.permissions;
      return {
        activity: await permissions.contains({ data_collection: ['websiteActivity'] }),
        all: (await permissions.getAll()).data_collection,
      };
    });
    expect(granted).toEqual({ activity: false, all: [] });
    expect(status.collector?.lastError).toContain('权限');
    expect(reached).toEqual([]);
  });
});
