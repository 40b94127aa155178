/**
 * Launches Debian's Chromium with the built extension and a fresh profile, and serves pages at
 * real addresses (https://weibo.com/…, https://mp.weixin.qq.com/…) through the browser's request
 * routing, so content scripts match exactly as they would on the live sites. No test tool may
 * download a browser: CHROMIUM_PATH or the `chromium` on PATH is used.
 */
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { chromiumPath } from '../../scripts/package/chromium';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import type { LogStatus } from '../../utils/protocol';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** Fixed by the manifest `key` (wxt.config.ts). */
export const EXTENSION_ID = 'bpaphlkjmdglaojppphhcbmagkiggbeh';

/** The same lookup `npm run package` packs with: CHROMIUM_PATH, or Chromium on PATH. */
export { chromiumPath };

export interface GuardedBrowser {
  context: BrowserContext;
  /** The extension's service worker (the new one after reloadExtension). */
  worker: Worker;
  extensionId: string;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

async function launchOnce(extensionDir: string): Promise<GuardedBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`扩展尚未构建：${extensionDir} 不存在（先运行 wxt build）`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'govpost-e2e-'));
  // Developer mode on, as for anyone who loads an unpacked build: without it Chromium disables a
  // --load-extension build the moment it is reloaded (chrome.runtime.reload(), the reload of an
  // update) with DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION (chrome://extensions-internals), and it
  // never comes back — every page of it then answers net::ERR_BLOCKED_BY_CLIENT.
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    // The editors' browsers are Chinese; the guard's UI follows the browser's language.
    locale: 'zh-CN',
    args: [
      '--lang=zh-CN',
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

/**
 * Launches Chromium with the built extension in a fresh profile; with `managedPolicy`, once its
 * service worker reads that policy from managed storage (the one installed by
 * installManagedPolicy, or `{}` for any answer where a test needs only a known policy).
 *
 * Chromium sometimes never hands a just-started browser's extension its managed storage:
 * `storage.managed.get()` hangs for that browser's life and no storage.onChanged comes (seen in
 * runs with and without a policy file; reported for Chrome and Edge in w3c/webextensions#547 and
 * ghostery-extension#2817). The extension then fails closed — no
 * 仍要发布, no uploads — which tests/background/settings.test.ts covers; a test of anything else
 * needs a browser whose policy is known, so this launches again, at most three times. Only when
 * asked: each launch costs seconds.
 *
 * `extensionDir`: a modified copy of the build (see content-probe.ts); the build itself by default.
 */
export async function launchGuardedBrowser(
  options: { extensionDir?: string; managedPolicy?: Record<string, unknown> } = {},
): Promise<GuardedBrowser> {
  const expected = options.managedPolicy;
  const seen: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const browser = await launchOnce(options.extensionDir ?? EXTENSION_DIR);
    if (!expected) return browser;
    // No timer is left running in the worker: the tests reload and stop it.
    const managed = await browser.worker
      .evaluate(
        () =>
          new Promise<Record<string, unknown> | string>((resolve) => {
            const timer = setTimeout(() => resolve('storage.managed.get() 10 秒内没有响应'), 10_000);
            (chrome.storage.managed.get() as Promise<Record<string, unknown>>).then(
              (value) => (clearTimeout(timer), resolve(value)),
              (e: unknown) => (clearTimeout(timer), resolve(String(e))),
            );
          }),
      )
      .catch((e: unknown) => String(e));
    if (typeof managed === 'object' && Object.entries(expected).every(([k, v]) => isDeepStrictEqual(managed[k], v)))
      return browser;
    seen.push(typeof managed === 'string' ? managed : JSON.stringify(managed));
    console.warn(`第 ${attempt} 次启动的浏览器没有把管理策略交给扩展（${seen.at(-1)}），重新启动`);
    await browser.close();
  }
  throw new Error(`浏览器三次启动都没有把管理策略交给扩展：${seen.join('；')}`);
}

/**
 * Reloads the extension, as an update or chrome://extensions' reload button does, and waits until
 * its new service worker runs; `browser.worker` is then that worker. Pages opened before keep
 * their orphaned content scripts; a page loaded after this gets the new ones.
 */
export async function reloadExtension(browser: GuardedBrowser, timeoutMs = 30_000): Promise<Worker> {
  const old = browser.worker;
  const next = browser.context.waitForEvent('serviceworker', {
    predicate: (w) => w !== old && w.url().startsWith(`chrome-extension://${browser.extensionId}/`),
    timeout: timeoutMs,
  });
  // The worker stops in the middle of the call: it never answers, or fails as its target closes.
  void old
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined);
  browser.worker = await next;
  return browser.worker;
}

/**
 * What the background answers to getLogStatus (its log and uploads), asked from an extension page
 * as the dashboard asks it; the error's text when the call itself fails.
 */
export async function logStatus(page: Page): Promise<LogStatus | string> {
  const answer = await page
    .evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ govpost: 'getLogStatus', data: {} }),
    )
    .catch((e: unknown) => String(e));
  if (typeof answer === 'string') return answer;
  const { value, error } = answer as { value?: LogStatus; error?: unknown };
  return value ?? JSON.stringify(error ?? answer);
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

/** Where Debian's Chromium reads mandatory policy files (CHROMIUM_POLICY_DIR for another build). */
export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * Installs a Chromium policy file — what an admin's JSON file in /etc/chromium/policies/managed/
 * does — before the browser starts. Returns the function that removes it; call it when the test
 * ends, also on failure (the file is machine-wide and would reach every Chromium started
 * meanwhile). Fails with a clear message, never skips, when the policy folder cannot be written.
 */
export function installChromiumPolicy(name: string, policy: Record<string, unknown>): () => void {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
  } catch (e) {
    throw new Error(
      `无法写入 Chromium 策略目录 ${POLICY_DIR}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）：` +
        '企业策略测试需要以 root 运行，或用 CHROMIUM_POLICY_DIR 指向浏览器读取的策略目录',
      { cause: e },
    );
  }
  const file = join(POLICY_DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify(policy, null, 2));
  const remove = () => rmSync(file, { force: true });
  // Last resort if the run is interrupted before its cleanup hook.
  process.once('exit', remove);
  return () => {
    remove();
    process.removeListener('exit', remove);
  };
}

/** Installs the extension's own enterprise policy (its storage.managed), as installChromiumPolicy. */
export function installManagedPolicy(name: string, policy: Record<string, unknown>): () => void {
  return installChromiumPolicy(name, { '3rdparty': { extensions: { [EXTENSION_ID]: policy } } });
}

/**
 * Where the extension's own APIs and database can be reached: Chromium's service worker here, an
 * extension page in Firefox (tests/e2e-firefox/firefox.ts). The helpers below take either.
 */
export type ExtensionRealm = Pick<Worker, 'evaluate'>;

/** Reads a key of the extension's storage.local. */
export function extensionStorage<T>(worker: ExtensionRealm, key: string): Promise<T | undefined> {
  type Storage = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
  return worker.evaluate(
    async (k) => (await (globalThis as unknown as { chrome: Storage }).chrome.storage.local.get(k))[k],
    key,
  ) as Promise<T | undefined>;
}

// --- Guard helpers shared by the platform tests -----------------------------------------------

/** The extension API inside the service worker (evaluated there, not in Node). */
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
  /** The name and unit in force when the attempt was logged (empty until given). */
  editor: { name: string; unit: string };
  decision: string;
  reason?: string;
}

/** Every record of the audit log, read straight from the extension's IndexedDB. */
export async function logRecords(worker: ExtensionRealm): Promise<Record<string, any>[]> {
  return worker.evaluate(async () => {
    // Only read a database the background has created: opening a missing one would create it empty.
    if (!(await indexedDB.databases()).some((d) => d.name === 'govpost-audit-log')) return [];
    return new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const open = indexedDB.open('govpost-audit-log');
      open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('records')) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction('records').objectStore('records').getAll();
        all.onerror = () => reject(all.error ?? new Error('getAll failed'));
        all.onsuccess = () => {
          db.close();
          resolve(all.result as Record<string, unknown>[]);
        };
      };
    });
  }) as Promise<Record<string, any>[]>;
}

/** Where each browser's log stood at the last clearStore: attempts before it are not "stored" for the test. */
const logMarks = new WeakMap<ExtensionRealm, number>();

/** The attempts logged since the last clearStore, each with its outcome (or pending). */
export async function storedAttempts(worker: ExtensionRealm): Promise<StoredAttemptView[]> {
  const records = await logRecords(worker);
  const after = logMarks.get(worker) ?? 0;
  const outcomes = new Map(records.filter((r) => r.type === 'outcome').map((r) => [r.attempt as string, r]));
  return records
    .filter((r) => r.type === 'attempt' && r.seq > after)
    .map((r) => {
      const outcome = outcomes.get(r.attempt);
      return {
        ...r,
        id: r.attempt,
        decision: outcome?.decision ?? 'pending',
        reason: outcome?.reason,
      } as StoredAttemptView;
    });
}

/**
 * The latest attempt logged since the last clearStore, waiting for it: the guard writes its log
 * entry while the panel opens, so the entry can land a moment after the panel.
 */
export async function latestAttempt(worker: ExtensionRealm, timeoutMs = 5000): Promise<StoredAttemptView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const last = (await storedAttempts(worker)).at(-1);
    if (last) return last;
    if (Date.now() > until) throw new Error(`${timeoutMs} ms 内日志中没有新的发布尝试`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The editor the tests publish as: one who gave their name and unit once, as the panel asks. */
export const E2E_EDITOR = { editorName: '测试编辑', editorUnit: '保定市政府办公室' } as const;

/**
 * Starts a test afresh: settings back to their defaults but for the editor's name and unit
 * (E2E_EDITOR; a test of the panel's question clears them), and the log's earlier attempts out
 * of view. The log itself is append-only and chained, so it is never emptied: the test just
 * looks past where it stood.
 */
export async function clearStore(worker: ExtensionRealm): Promise<void> {
  await worker.evaluate((editor) => chrome.storage.local.set({ settings: { ...editor } }), E2E_EDITOR);
  const records = await logRecords(worker);
  logMarks.set(
    worker,
    records.reduce((max, r) => Math.max(max, r.seq as number), 0),
  );
}

/** Per-tab guard statuses the background holds, with each tab's toolbar badge text. */
export async function tabStatuses(worker: ExtensionRealm): Promise<
  {
    tabId: number;
    badge: string;
    status: { page: string | null; problems: string[]; networkGate: boolean; lastCheck?: { verdict: string } };
  }[]
> {
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
