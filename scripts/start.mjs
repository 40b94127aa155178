#!/usr/bin/env node
// `npm start`: builds the extension, then opens Chromium with it loaded on the demo pages when a
// display is available; without one it says where the build is and how to load it by hand.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output/chrome-mv3');

execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32';

const howTo = `
扩展已构建到 ${extension}
手动加载：打开 chrome://extensions（或 edge://extensions），开启“开发者模式”，点击“加载已解压的扩展程序”，选择上面的目录。
Firefox：npm run build 后在 about:debugging 中“临时载入附加组件”，选择 .output/firefox-mv3/manifest.json。
`;

if (!chromium || !display) {
  console.log(howTo);
  console.log(chromium ? '（当前没有图形界面，无法自动打开浏览器。）' : '（没有找到 Chromium，无法自动打开浏览器。）');
  process.exit(0);
}

const profile = mkdtempSync(join(tmpdir(), 'govpost-start-'));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  'chrome-extension://bpaphlkjmdglaojppphhcbmagkiggbeh/popup.html',
];
console.log(howTo);
spawn(chromium, args, { stdio: 'ignore', detached: true }).unref();
