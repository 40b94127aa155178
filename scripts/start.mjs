#!/usr/bin/env node
// `npm start`: builds the extension; when a display is available, opens Chromium (`npm start --
// --firefox`: Firefox ESR) with it loaded on the demo pages — replicas of the platforms' editors served at their real addresses
// (https://weibo.com/…) by the browser's request routing, with mock endpoints, so nothing is
// published anywhere (scripts/demo.ts). Without a display it says where the build is and how to
// load it by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const firefox = process.argv.includes('--firefox');
const extension = join(root, firefox ? '.output/firefox-mv3' : '.output/chrome-mv3');

execFileSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])], { cwd: root, stdio: 'inherit' });

const browser = firefox
  ? process.env.FIREFOX_PATH || ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync)
  : process.env.CHROMIUM_PATH ||
    ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const name = firefox ? 'Firefox' : 'Chromium';
const display =
  process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32';

const howTo = firefox
  ? `
扩展已构建到 ${extension}
手动加载：在 Firefox 中打开 about:debugging →“此 Firefox”→“临时载入附加组件”，选择上面目录中的 manifest.json（见 docs/firefox.md）。
`
  : `
扩展已构建到 ${extension}
手动加载：打开 chrome://extensions（或 edge://extensions），开启“开发者模式”，点击“加载已解压的扩展程序”，选择上面的目录。
Firefox：npm start -- --firefox，或 npm run build 后在 about:debugging 中“临时载入附加组件”，选择 .output/firefox-mv3/manifest.json。
`;

if (!browser || !display) {
  console.log(howTo);
  console.log(
    browser
      ? `（当前没有图形界面，无法自动打开浏览器。有图形界面时，npm start${firefox ? ' -- --firefox' : ''} 会打开装好扩展的 ${name} 和演示页面。）`
      : `（没有找到 ${name}，无法自动打开浏览器。）`,
  );
  process.exit(0);
}

console.log(howTo);
const demo = spawnSync('npx', ['tsx', 'scripts/demo.ts', ...(firefox ? ['--firefox'] : [])], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...(firefox ? { FIREFOX_PATH: browser } : { CHROMIUM_PATH: browser }) },
});
process.exit(demo.status ?? 0);
