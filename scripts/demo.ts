/**
 * The demo behind `npm start`: Debian's Chromium (or, with --firefox, Firefox ESR) with the built
 * extension, a visible window, and the replica editors served at the platforms' real addresses
 * through the browser's request routing (the same replicas the end-to-end tests use; nothing
 * leaves the machine). Runs until the window is closed. Another platform adds its replica to DEMOS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR } from '../tests/e2e/harness';
import { launchFirefox } from '../tests/e2e-firefox/firefox';
import { FirefoxRoutes } from '../tests/e2e-firefox/routes';
import type { RouteHost } from '../tests/replicas/lib/endpoints';
import { serveWeiboReplica } from '../tests/replicas/weibo/server';

interface Demo {
  name: string;
  serve(context: RouteHost): Promise<unknown>;
  pages: string[];
}

const DEMOS: Demo[] = [
  {
    name: '微博（复刻页面）',
    serve: (context) => serveWeiboReplica(context),
    pages: ['https://weibo.com/', 'https://weibo.com/2803301701/Nq0Xa', 'https://weibo.com/?replica=vue3'],
  },
];

const urls = DEMOS.flatMap((d) => d.pages);
const opened = () =>
  console.log(
    `演示页面已打开：\n${DEMOS.map((d) => `  ${d.name}：${d.pages.join('  ')}`).join('\n')}\n关闭浏览器窗口即结束演示。`,
  );

if (process.argv.includes('--firefox')) await firefoxDemo();
else await chromiumDemo();

async function firefoxDemo() {
  const routes = new FirefoxRoutes();
  for (const demo of DEMOS) await demo.serve(routes);
  const firefox = await launchFirefox({ routes, headless: false });
  // Tabs the editor opens get the replicas too (request interception is per tab in WebDriver BiDi).
  firefox.browser.on('targetcreated', (target) => {
    void target.page().then((page) => page && routes.attach(page));
  });
  for (const url of urls) await (await firefox.newPage()).goto(url);
  opened();
  await new Promise<void>((resolve) => firefox.browser.once('disconnected', () => resolve()));
  await firefox.close().catch(() => undefined);
}

async function chromiumDemo() {
  const profile = mkdtempSync(join(tmpdir(), 'govpost-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: null,
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--lang=zh-CN',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  for (const demo of DEMOS) await demo.serve(context);
  const [first] = context.pages();
  const [home = '', ...others] = urls;
  await (first ?? (await context.newPage())).goto(home);
  for (const url of others) await (await context.newPage()).goto(url);
  opened();
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  rmSync(profile, { recursive: true, force: true });
}
