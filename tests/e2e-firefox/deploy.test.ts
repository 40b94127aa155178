/**
 * Deploying to Firefox ESR without any store, as docs/deploy.md §6 tells a city's admin: a fresh
 * profile whose only configuration is policies.json — ExtensionSettings force-installing the add-on
 * from the city's HTTPS server, Certificates trusting the city's CA — gets the add-on with no one
 * clicking; when a newer version is offered in the published updates.json, Firefox's own periodic
 * add-on update check installs it, and the newer version runs. The test starts no update check.
 *
 * Only the unsigned path is tested: the files are the release's own unsigned add-on, published
 * under the name updates.json points at (where the admin puts the file Mozilla signed), and
 * xpinstall.signatures.required is off, which Debian's Firefox ESR honours. The signed path needs
 * addons.mozilla.org. The check runs once a day by default (extensions.update.interval); the
 * profile shortens it to 30 s, the shortest interval Firefox's update timer allows.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIREFOX_UPDATES_FILE, signedXpiName, unsignedXpiName } from '../../scripts/package/firefox-update';
import { firefoxReleaseFiles, readManifest } from '../../scripts/package/release';
import { buildWithVersion, laterVersion } from '../e2e/release-builds';
import { startReleaseServer, type ReleaseServer } from '../e2e/release-server';
import { FIREFOX_EXTENSION_DIR, geckoId, gotoExtensionPage, launchFirefox, type FirefoxGuard } from './firefox';

let work: string;
let server: ReleaseServer;
let firefox: FirefoxGuard | undefined;
let first: string;
let second: string;
let secondDir: string;
const id = geckoId();

/**
 * The Firefox files of a release of `version` (the add-on and updates.json), in a folder as the
 * admin publishes it: the add-on under the name updates.json's update_link gives it.
 */
function publishedRelease(version: string): string {
  const build = buildWithVersion(FIREFOX_EXTENSION_DIR, version, join(work, `firefox-${version}`));
  const dir = join(work, `release-${version}`);
  mkdirSync(dir);
  for (const { name, data } of firefoxReleaseFiles(build, server.url, version)) writeFileSync(join(dir, name), data);
  // Stands in for the file Mozilla signed (the signed path needs addons.mozilla.org).
  copyFileSync(join(dir, unsignedXpiName(version)), join(dir, signedXpiName(version)));
  return dir;
}

/** The version of the add-on running now, from one of its pages; undefined while none opens. */
async function runningVersion(): Promise<string | undefined> {
  const page = await firefox!.browser.newPage();
  try {
    await gotoExtensionPage(page, firefox!.extensionUrl('popup.html'), 5_000);
    return await page.evaluate(
      () =>
        (
          globalThis as unknown as { browser: { runtime: { getManifest(): { version: string } } } }
        ).browser.runtime.getManifest().version,
    );
  } catch {
    return undefined; // not installed yet, or being replaced by the update
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Waits, bounded, until `version` of the add-on runs; says what the server was asked if it never does. */
async function versionRunning(version: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let seen: string | undefined;
  while ((seen = await runningVersion()) !== version) {
    if (Date.now() > until)
      throw new Error(
        `${timeoutMs / 1000} s 内没有运行版本 ${version}（运行的是 ${seen ?? '无'}；服务器收到：${server.requests.join(' ')}）`,
      );
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'govpost-ff-deploy-'));
  server = await startReleaseServer(work);
  first = readManifest(FIREFOX_EXTENSION_DIR).version;
  second = laterVersion(first, 1);
  server.publish(publishedRelease(first));
  secondDir = publishedRelease(second);
  firefox = await launchFirefox({
    installedBy: 'policy',
    policyInstallMs: 60_000,
    policies: {
      ExtensionSettings: {
        [id]: { installation_mode: 'force_installed', install_url: `${server.url}${signedXpiName(first)}` },
      },
      Certificates: { Install: [server.caFile] },
    },
    prefs: {
      // The unsigned path (see above).
      'xpinstall.signatures.required': false,
      // Firefox's default, which the driver turns off so that tests are not disturbed.
      'extensions.update.enabled': true,
      // The add-on update check every 30 s instead of every day; the first one 10 s after start.
      'extensions.update.interval': 30,
      'app.update.timerMinimumDelay': 30,
      'app.update.timerFirstInterval': 10_000,
    },
  });
  // A tab that is not the add-on's: Firefox closes the add-on's pages when it replaces the add-on,
  // and a browser whose last tab closes quits.
  await firefox.browser.newPage();
}, 150_000);

afterAll(async () => {
  try {
    await firefox?.close();
  } finally {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  }
});

it('is force-installed by the policy alone from the city’s server, and cannot be disabled', async () => {
  expect(await runningVersion()).toBe(first);
  const self = await firefox!.extension.evaluate(async () => {
    type Management = { management: { getSelf(): Promise<{ installType: string; mayDisable: boolean }> } };
    const info = await (globalThis as unknown as { browser: Management }).browser.management.getSelf();
    return { installType: info.installType, mayDisable: info.mayDisable };
  });
  // installType "admin": required by enterprise policy, so the person at the PC cannot remove it.
  expect(self).toEqual({ installType: 'admin', mayDisable: false });
  expect(server.requests).toContain(`/${signedXpiName(first)}`);
});

it('updates itself to the version offered in updates.json at its next check, with no one asking', async () => {
  // Firefox's first check of a fresh profile finds nothing newer; the newer version is published
  // after it, so only the periodic check can bring it.
  await server.asked(`/${FIREFOX_UPDATES_FILE}`, 60_000);
  const asked = server.requests.length;
  server.publish(secondDir);
  await versionRunning(second, 90_000);
  const since = server.requests.slice(asked);
  expect(since).toContain(`/${FIREFOX_UPDATES_FILE}`);
  expect(since).toContain(`/${signedXpiName(second)}`);
}, 150_000);
