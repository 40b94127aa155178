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
import { chromium, type BrowserContext, type Route, type Worker } from 'playwright-core';

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

/** `extensionDir`: a modified copy of the build (see content-probe.ts); the build itself by default. */
export async function launchGuardedBrowser(options: { extensionDir?: string } = {}): Promise<GuardedBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`扩展尚未构建：${extensionDir} 不存在（先运行 wxt build）`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'govpost-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
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
