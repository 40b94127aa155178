#!/usr/bin/env node
// Runs the bundled CLI (dist/cli, see scripts/build-cli.ts): no TypeScript compiled at run time,
// the default pack read as prebuilt JSON. The bundle is made at install; if any file it was made
// from is newer (an edit, a pull), it is rebuilt first, so the command always matches the engine
// in this checkout.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = new URL('../dist/cli/govpost-guard.mjs', import.meta.url);

function fresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('../dist/cli/inputs.json', import.meta.url), 'utf8'));
  } catch {
    return false;
  }
  for (const file of manifest.inputs) {
    let mtime;
    try {
      mtime = statSync(root + file).mtimeMs;
    } catch {
      return false; // a source was moved or removed
    }
    if (mtime > manifest.builtAt) return false;
  }
  return true;
}

if (!fresh()) {
  // Loaded only here: node:child_process alone costs a fifth of a bare Node start.
  const { spawnSync } = await import('node:child_process');
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    process.stderr.write('govpost-guard: 无法构建命令行工具（dist/cli）。请在项目目录运行 npm install 后重试。\n');
    process.exit(2);
  }
}
await import(bundle.href);
