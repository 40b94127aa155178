/**
 * The demo behind `npm start`: Debian's Chromium with the built extension, a visible window, and
 * the replica editors served at the platforms' real addresses through the browser's request
 * routing (the same replicas the end-to-end tests use; nothing leaves the machine). Runs until
 * the window is closed. Another platform adds its replica to DEMOS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR } from '../tests/e2e/harness';
import { serveWeiboReplica } from '../tests/replicas/weibo/server';

interface Demo {
  name: string;
  serve(context: BrowserContext): Promise<unknown>;
  pages: string[];
}

const DEMOS: Demo[] = [
  {
    name: '微博（复刻页面）',
    serve: (context) => serveWeiboReplica(context),
    pages: ['https://weibo.com/', 'https://weibo.com/2803301701/Nq0Xa', 'https://weibo.com/?replica=vue3'],
  },
];

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
const urls = DEMOS.flatMap((d) => d.pages);
await (first ?? (await context.newPage())).goto(urls[0]);
for (const url of urls.slice(1)) await (await context.newPage()).goto(url);
console.log(
  `演示页面已打开：\n${DEMOS.map((d) => `  ${d.name}：${d.pages.join('  ')}`).join('\n')}\n关闭浏览器窗口即结束演示。`,
);
await new Promise<void>((resolve) => context.on('close', () => resolve()));
rmSync(profile, { recursive: true, force: true });
