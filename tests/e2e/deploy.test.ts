/**
 * Deploying without any store, as docs/deploy.md tells a city's admin: a fresh Chromium profile
 * whose only configuration is a managed policy force-installing the extension from a self-hosted
 * update.xml (over HTTPS) installs the CRX that `npm run package`'s release code signed, under the
 * id its key gives; when a newer release is published, the browser's own update check picks it up.
 *
 * The signing key is made here, in a temp folder, for this run only. The policy also allows
 * DevTools on force-installed extensions (DeveloperToolsAvailability 1): Chromium's default hides
 * them from DevTools, and so from the test.
 *
 * Two ways a newer release arrives, both tested: the check an admin starts by hand (the 更新 button
 * of chrome://extensions in developer mode), and the browser's own check, with no one asking, as on
 * every PC of the city. Chromium checks a policy-installed extension a few seconds after it starts
 * and then every few hours; the hours cannot be shortened here (the old switch
 * --extensions-update-frequency is gone from Chromium 156), so the test restarts the browser, as a
 * PC does each morning, and waits for that check.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extensionId } from '../../scripts/package/extension-id';
import { packageRelease, readManifest, type Release } from '../../scripts/package/release';
import { chromiumPath, EXTENSION_DIR, installChromiumPolicy } from './harness';
import { buildWithVersion, laterVersion } from './release-builds';
import { startReleaseServer, type ReleaseServer } from './release-server';

declare const chrome: any;

let work: string;
let keyFile: string;
let id: string;
let server: ReleaseServer;
let first: Release;
let second: Release;
let third: Release;
let removePolicy: (() => void) | undefined;
let context: BrowserContext | undefined;
let profile: string | undefined;

const release = (version: string) =>
  packageRelease({
    chromeDir: buildWithVersion(EXTENSION_DIR, version, join(work, `chrome-${version}`)),
    keyFile,
    publishUrl: server.url,
    expectedId: id,
    outDir: join(work, `release-${version}`),
    chromium: chromiumPath(),
  });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'govpost-deploy-'));
  keyFile = join(work, 'crx-key.pem');
  writeFileSync(
    keyFile,
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  id = extensionId(readFileSync(keyFile, 'utf8'));
  server = await startReleaseServer(work);
  const built = readManifest(EXTENSION_DIR).version;
  [first, second, third] = await Promise.all([
    release(built),
    release(laterVersion(built, 1)),
    release(laterVersion(built, 2)),
  ]);
  server.publish(first.outDir);

  // The policy file the release wrote, as the admin installs it, plus the DevTools allowance.
  const policy = JSON.parse(readFileSync(join(first.outDir, 'policy-linux.json'), 'utf8')) as Record<string, unknown>;
  removePolicy = installChromiumPolicy('govpost-guard-e2e-deploy', { ...policy, DeveloperToolsAvailability: 1 });
  profile = mkdtempSync(join(tmpdir(), 'govpost-e2e-deploy-profile-'));
  context = await launch();
}, 180_000);

/** The browser on the test's profile: a fresh one at first, the same one again after a restart. */
const launch = () =>
  chromium.launchPersistentContext(profile!, {
    executablePath: chromiumPath(),
    headless: true,
    // Playwright turns extensions and the extension updater off by default.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--ignore-certificate-errors-spki-list=${server.spki}`],
    timeout: 60_000,
  });

afterAll(async () => {
  try {
    await context?.close();
  } finally {
    removePolicy?.();
    await server?.close();
    for (const dir of [profile, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

/** The extension's running service worker with its version, waiting up to `timeoutMs` for `version`. */
async function workerOfVersion(version: string, timeoutMs: number): Promise<Worker> {
  const until = Date.now() + timeoutMs;
  const seen = new Set<string>();
  for (;;) {
    for (const worker of context!.serviceWorkers()) {
      if (!worker.url().startsWith(`chrome-extension://${id}/`)) continue;
      const running = await worker
        .evaluate(() => chrome.runtime.getManifest().version as string)
        .catch(() => undefined); // a worker being replaced by the update
      if (running) seen.add(running);
      if (running === version) return worker;
    }
    if (Date.now() > until) {
      throw new Error(
        `${timeoutMs / 1000} s 内没有版本 ${version} 的扩展在运行（见到：${[...seen].join('、') || '无'}；` +
          `服务器收到：${server.requests.join(' ')}）`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

it('packs one id everywhere: the key, the CRX, update.xml and the policy', () => {
  expect(first.id).toBe(id);
  expect(first.files).toEqual(
    [
      `govpost-guard-${first.version}.crx`,
      'SHA256SUMS',
      'policy-linux.json',
      'policy-windows.reg',
      'update.xml',
    ].sort(),
  );
  const updateXml = readFileSync(join(first.outDir, 'update.xml'), 'utf8');
  expect(updateXml).toContain(`appid='${id}'`);
  expect(updateXml).toContain(`codebase='${server.url}govpost-guard-${first.version}.crx'`);
  expect(JSON.parse(readFileSync(join(first.outDir, 'policy-linux.json'), 'utf8'))).toEqual({
    ExtensionInstallForcelist: [`${id};${server.url}update.xml`],
  });
});

it('is force-installed from the self-hosted update.xml into a fresh profile, and its service worker runs', async () => {
  const worker = await workerOfVersion(first.version, 60_000);
  expect(new URL(worker.url()).host).toBe(id);
  const self = await worker.evaluate(async () => {
    const info = await chrome.management.getSelf();
    return {
      id: chrome.runtime.id as string,
      installType: info.installType as string,
      mayDisable: info.mayDisable as boolean,
    };
  });
  // installType "admin": installed by enterprise policy, so the person at the PC cannot remove or disable it.
  expect(self).toEqual({ id, installType: 'admin', mayDisable: false });
  expect(server.requests.some((r) => r.startsWith('/update.xml?') && r.includes('installedby%3Dpolicy'))).toBe(true);
  expect(server.requests).toContain(`/govpost-guard-${first.version}.crx`);
});

it('picks up a newer version once it is published in update.xml', async () => {
  server.publish(second.outDir);
  // What the 更新 button of chrome://extensions (developer mode) calls: an update check of every
  // extension, now, by the browser itself.
  const page = await context!.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(() => new Promise<void>((done) => chrome.developerPrivate.autoUpdate(() => done())));
  const worker = await workerOfVersion(second.version, 60_000);
  expect(new URL(worker.url()).host).toBe(id);
  expect(server.requests).toContain(`/govpost-guard-${second.version}.crx`);
  // The browser reported the version it had when it asked.
  expect(server.requests.some((r) => r.includes(`v%3D${first.version}%26`))).toBe(true);
});

it('picks up a newer version by itself after a restart, with no one asking, and runs it once its worker is idle', async () => {
  await context!.close();
  context = undefined;
  server.publish(third.outDir);
  const asked = server.requests.length;
  context = await launch();
  // The browser's own check: it reports the version it has, then downloads the newer CRX.
  await server.asked(`/govpost-guard-${third.version}.crx`, 60_000);
  const since = server.requests.slice(asked);
  expect(since.some((r) => r.startsWith('/update.xml?') && r.includes(`v%3D${second.version}%26`))).toBe(true);
  // Chromium installs an update when the extension is idle. On a PC its service worker stops after
  // 30 s without events; here DevTools (the test's own connection) keeps it running, so the test
  // stops it the way the browser would. Nothing else: no update check is started by the test.
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const worker = await workerOfVersion(third.version, 60_000);
  expect(new URL(worker.url()).host).toBe(id);
  expect(context.pages().some((p) => p.url().startsWith('chrome://extensions'))).toBe(false);
}, 180_000);
