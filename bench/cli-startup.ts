/**
 * CLI start-up (`npm run bench:cli`): `govpost-guard --help` and a one-line check, each against
 * `node -e ''` (a bare Node start) measured in the same run, interleaved, as medians of whole
 * processes — what a script or a CMS hook calling the command pays. The CLI run from its
 * TypeScript source through tsx (how it ran before it was bundled) is shown beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, table, type Row } from './audit-report';
import { factor, msFixed } from './table';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 15);

const dir = mkdtempSync(join(tmpdir(), 'govpost-cli-bench-'));
const draft = join(dir, 'draft.txt');
writeFileSync(draft, '【通知】明日起城区部分路段施工，请市民做为参考绕行。');

const bin = join(ROOT, 'bin/govpost-guard.js');
const source = [
  '--import',
  'tsx',
  '-e',
  "import('./cli/main.ts').then(async (m) => { process.exitCode = await m.main(process.argv.slice(1)); })",
];
const cases: [string, string[]][] = [
  ["node -e ''", ['-e', '']],
  ['govpost-guard --help', [bin, '--help']],
  ['govpost-guard check 一篇稿件', [bin, 'check', draft]],
  ['（从源码经 tsx）--help', [...source, '--help']],
  ['（从源码经 tsx）check 一篇稿件', [...source, 'check', draft]],
];

function once(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} → ${r.status}: ${r.stderr.toString()}`);
  return performance.now() - t;
}

// One warm-up each (builds the bundle if it is stale, fills the file cache), then interleaved runs.
for (const [, args] of cases) once(args);
const times = cases.map(() => [] as number[]);
for (let i = 0; i < RUNS; i++) cases.forEach(([, args], c) => times[c]!.push(once(args)));
const base = median(times[0]!);
const rows: Row[] = cases.map(([what], c) => {
  const m = median(times[c]!);
  return {
    what,
    median: msFixed(m),
    baseline: c ? `node -e '' ${msFixed(base)}` : '',
    ratio: c ? factor(m, base, 1) : '',
  };
});
console.log(`# 命令行启动（Node ${process.version}，每项 ${RUNS} 次交替运行的中位数）`);
table('启动时间', rows);
