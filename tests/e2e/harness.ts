/**
 * Launches Debian's Chromium with the built extension and a fresh profile, and serves pages at
 * real addresses (https://weibo.com/…, https://mp.weixin.qq.com/…) through the browser's request
 * routing, so content scripts match exactly as they would on the live sites. No test tool may
 * download a browser: CHROMIUM_PATH or the `chromium` on PATH is used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** Fixed by the manifest `key` (wxt.config.ts). */
export const EXTENSION_ID = 'bpaphlkjmdglaojppphhcbmagkiggbeh';

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('找不到 Chromium：请先 apt-get install -y chromium，或设置 CHROMIUM_PATH');
  }
}

export interface GuardedBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchGuardedBrowser(): Promise<GuardedBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`扩展尚未构建：${EXTENSION_DIR} 不存在（先运行 wxt build）`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'govpost-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    // The editors' browsers are Chinese; the guard's UI follows the browser's language.
    locale: 'zh-CN',
    args: [
      '--lang=zh-CN',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves an HTML document (UTF-8) for every request matching `pattern`. */
export async function serveHtml(context: BrowserContext, pattern: string, html: string | ((url: URL) => string)) {
  await context.route(pattern, (route: Route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: typeof html === 'string' ? html : html(new URL(route.request().url())),
    }),
  );
}

// --- Guard helpers shared by the platform tests -----------------------------------------------

/** The extension API inside the service worker (evaluated there, not in Node). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

/** What the stand-in attempt store holds (read through the service worker). */
export interface StoredAttemptView {
  id: string;
  platform: string;
  kind: string;
  page: string;
  account?: { name: string; id?: string };
  url: string;
  title?: string;
  text: string;
  verdict: string;
  findings: { ruleId: string; severity: string; excerpt: string }[];
  decision: string;
  reason?: string;
}

export async function storedAttempts(worker: Worker): Promise<StoredAttemptView[]> {
  return worker.evaluate(async () => ((await chrome.storage.local.get('attempts')).attempts ?? []) as never);
}

export async function clearStore(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.storage.local.remove(['attempts', 'adapterProblems', 'settings']));
}

/** Per-tab guard statuses the background holds, with each tab's toolbar badge text. */
export async function tabStatuses(worker: Worker): Promise<{ tabId: number; badge: string; status: { page: string | null; problems: string[]; networkGate: boolean; lastCheck?: { verdict: string } } }[]> {
  return worker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    return Promise.all(
      Object.entries(all)
        .filter(([k]) => k.startsWith('tab:'))
        .map(async ([k, status]) => {
          const tabId = Number(k.slice(4));
          return { tabId, badge: await chrome.action.getBadgeText({ tabId }), status: status as never };
        }),
    );
  });
}

/** The guard's panel on a page (Playwright pierces the open shadow root). */
export function guardPanel(page: Page) {
  return page.getByRole('dialog', { name: '发布前检查' });
}
