/**
 * Launches Debian's Firefox ESR with the built extension (.output/firefox-mv3) installed as a
 * temporary add-on, over WebDriver BiDi (puppeteer-core: it drives the stock browser and downloads
 * nothing). FIREFOX_PATH, or firefox-esr / firefox on PATH, is used.
 *
 * The extension's own state is reached through one of its pages kept open in a tab (the helpers'
 * `ExtensionRealm`): Firefox runs the background as an event page, not a service worker, and the
 * driver cannot evaluate there. An extension page shares the background's origin, so it reads the
 * same IndexedDB and storage.
 */
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ExtensionRealm } from '../e2e/harness';
import type { FirefoxRoutes } from './routes';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');

/** The add-on id, from the built manifest (wxt.config.ts sets it). */
export function geckoId(extensionDir = FIREFOX_EXTENSION_DIR): string {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`扩展尚未构建：${extensionDir} 不存在（先运行 wxt build -b firefox）`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} 没有 browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Firefox gives each profile's add-on a random moz-extension:// host; the pref that holds the
 * mapping fixes it, so tests can name extension pages before the add-on is installed.
 */
export const EXTENSION_UUID = '7c1d6a52-3f0e-4b8a-9d21-5e6f40a1b2c3';

export function firefoxPath(): string {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  for (const candidate of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['firefox-esr'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('找不到 Firefox：请先 apt-get install -y firefox-esr，或设置 FIREFOX_PATH');
  }
}

/** Where Debian's Firefox ESR reads enterprise policies (FIREFOX_POLICY_DIR for another build). */
export const FIREFOX_POLICY_DIR = process.env.FIREFOX_POLICY_DIR ?? '/etc/firefox/policies';

/**
 * Writes policies.json — what an admin deploys — before the browser starts, and returns the
 * function that removes it (the file is machine-wide: call it when the test ends, also on failure).
 * Fails with a clear message, never skips, when the folder cannot be written.
 */
export function installFirefoxPolicies(policies: Record<string, unknown>): () => void {
  try {
    mkdirSync(FIREFOX_POLICY_DIR, { recursive: true });
    accessSync(FIREFOX_POLICY_DIR, constants.W_OK);
  } catch (e) {
    throw new Error(
      `无法写入 Firefox 策略目录 ${FIREFOX_POLICY_DIR}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）：` +
        '企业策略测试需要以 root 运行，或用 FIREFOX_POLICY_DIR 指向浏览器读取的策略目录',
      { cause: e },
    );
  }
  const file = join(FIREFOX_POLICY_DIR, 'policies.json');
  writeFileSync(file, JSON.stringify({ policies }, null, 2));
  const remove = () => rmSync(file, { force: true });
  process.once('exit', remove);
  return () => {
    remove();
    process.removeListener('exit', remove);
  };
}

export interface FirefoxGuard {
  browser: Browser;
  /** The add-on id (browser_specific_settings.gecko.id). */
  id: string;
  /** An extension page kept open, where the shared helpers (tests/e2e/harness.ts) evaluate. */
  extension: ExtensionRealm;
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /** A new tab, served by the routes given at launch. */
  newPage(): Promise<Page>;
  /** A new tab showing one of the extension's pages. */
  openExtensionPage(path: string): Promise<Page>;
  /** Where Firefox saves downloads (the dashboard's exports). */
  downloads: string;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  routes?: FirefoxRoutes;
  /** Enterprise policies (policies.json `policies`), installed for this browser and removed on close. */
  policies?: Record<string, unknown>;
  /** Extra about:config preferences for the profile. */
  prefs?: Record<string, unknown>;
  extensionDir?: string;
  /** A visible window (the `npm start -- --firefox` demo); headless by default. */
  headless?: boolean;
  /**
   * How the add-on gets in: the driver installs the build as a temporary add-on (the default), or
   * Firefox installs it itself from the `policies` (ExtensionSettings install_url), as on a city's
   * PCs — launch then waits, bounded by `policyInstallMs`, until the add-on's page opens.
   */
  installedBy?: 'driver' | 'policy';
  policyInstallMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Navigates a tab to an extension page and waits until its document has loaded. WebDriver BiDi
 * only navigates there with system access (--remote-allow-system-access), and reports no load
 * event for a document in the extension's process, so the document itself is asked.
 */
export async function gotoExtensionPage(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  void page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => 'navigating');
    if (state === `complete ${url}`) return;
    if (Date.now() > until) throw new Error(`${timeoutMs} ms 内没有打开扩展页面 ${url}（${state}）`);
    await sleep(100);
  }
}

/** Opens an extension page, trying again until `timeoutMs` while the add-on is not (yet) installed. */
async function gotoExtensionPageOnceInstalled(page: Page, url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await gotoExtensionPage(page, url, Math.min(5_000, Math.max(until - Date.now(), 1)));
    } catch (e) {
      if (Date.now() > until)
        throw new Error(`${timeoutMs / 1000} s 内附加组件没有装上：${(e as Error).message}`, { cause: e });
    }
  }
}

/** Adapts a tab to the helpers' ExtensionRealm (Playwright's `evaluate(fn, arg)` shape). */
function realmOf(page: Page): ExtensionRealm {
  const evaluate = (fn: (arg: unknown) => unknown, arg?: unknown) => page.evaluate(fn, arg);
  return { evaluate: evaluate as ExtensionRealm['evaluate'] };
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxGuard> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const id = geckoId(extensionDir);
  const removePolicies = options.policies ? installFirefoxPolicies(options.policies) : undefined;
  const downloads = mkdtempSync(join(tmpdir(), 'govpost-ff-downloads-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: options.headless ?? true,
      defaultViewport: options.headless === false ? null : undefined,
      // Lets the driver open moz-extension:// pages; the extension itself runs as it would anywhere.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
        // The editors' browsers are Chinese; the guard's UI follows the page's languages.
        'intl.accept_languages': 'zh-CN,zh',
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        ...options.prefs,
      },
    });
    if (options.installedBy !== 'policy') {
      const installed = await browser.installExtension(extensionDir);
      if (installed !== id) throw new Error(`装上的附加组件是 ${installed}，不是 ${id}`);
    }
    const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
    const openExtensionPage = async (path: string) => {
      const page = await browser!.newPage();
      await gotoExtensionPage(page, extensionUrl(path));
      return page;
    };
    const realmPage = (await browser.pages())[0] ?? (await browser.newPage());
    if (options.installedBy === 'policy')
      await gotoExtensionPageOnceInstalled(realmPage, extensionUrl('popup.html'), options.policyInstallMs ?? 60_000);
    else await gotoExtensionPage(realmPage, extensionUrl('popup.html'));
    const opened = browser;
    return {
      browser,
      id,
      extension: realmOf(realmPage),
      extensionUrl,
      async newPage() {
        const page = await opened.newPage();
        await options.routes?.attach(page);
        return page;
      },
      openExtensionPage,
      downloads,
      async close() {
        try {
          await opened.close();
        } finally {
          removePolicies?.();
          rmSync(downloads, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    removePolicies?.();
    rmSync(downloads, { recursive: true, force: true });
    throw e;
  }
}
