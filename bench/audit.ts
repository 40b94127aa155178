/**
 * Audit-log benchmarks (`npm run bench:audit`; add `-- --browser` for the dashboard in Chromium,
 * after `wxt build`, or `-- --only-browser`; `-- --entries N` for another size than 100,000). Medians of repeated runs, each next to a baseline measured in the same run,
 * so the ratios hold on any machine:
 *
 * - append: attempts logged and completed through the writer (validation, hashing, chain, one
 *   transaction each) vs plain Dexie `add` per record and `bulkAdd` of the same records;
 * - verify: the chain verifier over 200,000 records vs hashing JSON.stringify of each;
 * - filter: latency on 100,000 entries for each filter vs a bare `Array.filter` on one field;
 * - export: CSV and JSON Lines of 100,000 entries, time and peak heap, vs one JSON.stringify;
 * - browser: dashboard load, filter, export and the longest main-thread task, 100,000 entries.
 *
 * Appends run on fake-indexeddb (in memory): the figure is the writer's own cost; a browser's
 * disk adds its fsync on top (see the browser section's seeding for real IndexedDB).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { nodeSha256 } from '../cli/commands/log';
import { createAuditLog } from '../entrypoints/background/audit-log';
import { sha256Hex } from '../audit/canonical';
import { LogModel } from '../audit/entries';
import { csvChunks } from '../audit/export-csv';
import { jsonlRecordChunks, verifyExportLines } from '../audit/export-jsonl';
import { exportHeader, planExport } from '../audit/export-plan';
import { exportMeta } from '../audit/export-meta';
import { writeXlsx } from '../audit/export-xlsx';
import { filterEntries, type LogFilter } from '../audit/filter';
import type { LogRecord } from '../audit/record';
import { ChainVerifier } from '../audit/verify';
import { accountKey } from '../audit/accounts';
import { openLogDb } from '../audit/db';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { attemptStart, buildChain, mixedBodies } from '../tests/audit/fixtures';
import { median, table, type Row } from './audit-report';
import { factor, mb, msFixed } from './table';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export const ENTRIES = 100_000;

async function timeRuns(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const ms = (x: number) => msFixed(x, x < 10 ? 2 : 0);
const ratio = (a: number, b: number) => factor(a, b, 1);

async function benchAppend(): Promise<Row[]> {
  const N = 1_000;
  const runs = 5;
  const weibo = { url: 'https://weibo.com/u/2803301701' };
  const writer = await timeRuns(runs, async () => {
    const db = openLogDb({ name: 'bench', indexedDB: new IDBFactory(), IDBKeyRange });
    const log = createAuditLog({ db, settings: async () => DEFAULT_SETTINGS, extensionVersion: 'bench' });
    for (let i = 0; i < N; i++) {
      const { id } = await log.logAttempt(
        attemptStart({
          text: `第${i}条：市政府召开常务会议，研究部署安全生产工作。`,
          findings: attemptStart().findings,
        }),
        weibo,
      );
      await log.completeAttempt({ id, decision: 'published' }, weibo);
    }
    db.close();
  });
  const records = await buildChain(mixedBodies(N, { days: 10 }));
  const plain = (bulk: boolean) =>
    timeRuns(runs, async () => {
      const db = new Dexie('bench-plain', { indexedDB: new IDBFactory(), IDBKeyRange });
      db.version(1).stores({ records: 'seq, time, attempt' });
      if (bulk) await db.table('records').bulkAdd(records);
      else for (const r of records) await db.transaction('rw', db.table('records'), () => db.table('records').add(r));
      db.close();
    });
  const perRecord = await plain(false);
  const bulk = await plain(true);
  const perAttempt = writer / N;
  const perRecordAdd = (perRecord / records.length) * 2;
  return [
    {
      what: `记录并完成一次发布尝试（写入方，含校验、哈希、链，${N} 次）`,
      median: `${ms(perAttempt)}（${Math.round(1000 / perAttempt)} 次/秒）`,
      baseline: `逐条 add ${ms(perRecordAdd)}`,
      ratio: ratio(perAttempt, perRecordAdd),
    },
    {
      what: '同上，对比一次 bulkAdd 全部记录',
      median: ms(perAttempt),
      baseline: `${ms((bulk / records.length) * 2)}/次`,
      ratio: ratio(perAttempt, (bulk / records.length) * 2),
    },
  ];
}

export async function buildLog(n = ENTRIES): Promise<{ records: LogRecord[]; model: LogModel; buildMs: number }> {
  const t = performance.now();
  const records = await buildChain(mixedBodies(n, { days: 180 }));
  const buildMs = performance.now() - t;
  const model = new LogModel();
  model.add(records);
  return { records, model, buildMs };
}

async function benchVerify(records: LogRecord[]): Promise<Row[]> {
  const verify = await timeRuns(3, async () => {
    const v = new ChainVerifier();
    for (let i = 0; i < records.length; i += 5_000) await v.push(records.slice(i, i + 5_000));
    if (!v.finish().ok) throw new Error('bench chain does not verify');
  });
  const baseline = await timeRuns(3, async () => {
    for (let i = 0; i < records.length; i += 5_000)
      await Promise.all(records.slice(i, i + 5_000).map((r) => sha256Hex(JSON.stringify(r))));
  });
  const fold = await timeRuns(3, () => new LogModel().add(records));
  return [
    {
      what: `校验整条链（${records.length} 条记录）`,
      median: ms(verify),
      baseline: `只对 JSON.stringify 求哈希 ${ms(baseline)}`,
      ratio: ratio(verify, baseline),
    },
    { what: `把记录整理成条目（${records.length} 条记录）`, median: ms(fold) },
  ];
}

async function benchFilter(model: LogModel): Promise<Row[]> {
  const some = model.entries[Math.floor(model.entries.length / 3)]!.attempt; // the model holds the generated log
  const filters: [string, LogFilter][] = [
    ['平台', { platform: 'wechat' }],
    ['账号', { account: accountKey({ platform: some.platform, ...some.account! }) }],
    ['问题类别', { category: 'commercial-ad' }],
    ['规则', { rule: 'no-typo' }],
    ['处理结果', { decisions: ['published-with-reason'] }],
    ['处理结果（多选：拦截或仍要发布）', { decisions: ['blocked', 'published-with-reason'] }],
    ['时间范围（30 天）', { fromMs: Date.parse('2026-02-01T00:00:00Z'), toMs: Date.parse('2026-03-03T00:00:00Z') }],
    ['全文（中文）', { text: '常务会议' }],
    ['全文（英文，不分大小写）', { text: 'WEIBO.COM/U/3567' }],
    [
      '组合：平台+类别+全文+时间',
      { platform: 'weibo', category: 'typo', text: '施工', fromMs: Date.parse('2026-01-15T00:00:00Z') },
    ],
  ];
  const baseline = await timeRuns(21, () => model.entries.filter((e) => e.attempt.platform === 'wechat'));
  filterEntries(model.entries, { text: 'warm-up' }); // builds the lower-case search cache once
  const rows: Row[] = [];
  for (const [name, f] of filters) {
    let n = 0;
    const t = await timeRuns(21, () => (n = filterEntries(model.entries, f).length));
    rows.push({ what: `筛选：${name}（命中 ${n}）`, median: ms(t), baseline: ms(baseline), ratio: ratio(t, baseline) });
  }
  return rows;
}

/** Time of `fn`, and the heap it holds at its end (measured while its result is still alive). */
function heldBy(fn: () => unknown): { ms: number; peak: number } {
  gc();
  const base = process.memoryUsage().heapUsed;
  const t = performance.now();
  const kept = fn();
  const elapsed = performance.now() - t;
  const peak = process.memoryUsage().heapUsed - base;
  void kept;
  return { ms: elapsed, peak };
}

async function benchExport(model: LogModel): Promise<Row[]> {
  const plan = planExport(model, {}, model.entries, { ok: true, broken: [] }, new Date());
  const sample = (gen: Iterable<string>) => {
    const parts: Blob[] = [];
    let peak = 0;
    const base = process.memoryUsage().heapUsed;
    for (const chunk of gen) {
      parts.push(new Blob([chunk]));
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
    return { bytes: parts.reduce((n, p) => n + p.size, 0), peak };
  };
  const measure = async (make: () => Iterable<string>) => {
    const times: number[] = [];
    const peaks: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      gc();
      const t = performance.now();
      const r = sample(make());
      times.push(performance.now() - t);
      peaks.push(r.peak);
      bytes = r.bytes;
    }
    return { ms: median(times), peak: median(peaks), bytes };
  };
  const csv = await measure(() => csvChunks(model.entries, { mask: true }));
  const header = `${JSON.stringify(exportHeader(plan, {}, 'bench'))}\n`;
  const jsonl = await measure(function* () {
    yield header;
    yield* jsonlRecordChunks(plan.records, plan.keep);
  });
  const filtered = filterEntries(model.entries, { platform: 'wechat', category: 'commercial-ad' });
  const fplan = planExport(model, { platform: 'wechat' }, filtered, { ok: true, broken: [] }, new Date());
  const jsonlFiltered = await measure(() => jsonlRecordChunks(fplan.records, fplan.keep));
  const baseline = heldBy(() => JSON.stringify(model.entries.map((e) => e.attempt)));

  let fileText = header;
  for (const c of jsonlRecordChunks(plan.records, plan.keep)) fileText += c;
  const cli = await timeRuns(3, async () => {
    const r = await verifyExportLines(fileText.split('\n'), { sha256: nodeSha256 });
    if (!r.report.ok) throw new Error('bench export does not verify');
  });
  const n = model.entries.length;
  const meta = exportMeta(plan.statement, {}, { file: 'bench.xlsx', extension: 'bench', columns: [], masked: true });
  const xlsxTimes: number[] = [];
  let xlsxBytes = 0;
  for (let i = 0; i < 3; i++) {
    gc();
    const t = performance.now();
    let bytes = 0;
    await writeXlsx(model.entries, meta, (p) => (bytes += p.length), { mask: true });
    xlsxTimes.push(performance.now() - t);
    xlsxBytes = bytes;
  }
  const xlsx = median(xlsxTimes);
  return [
    {
      what: `导出 CSV（${n} 条，${mb(csv.bytes)}）`,
      median: `${ms(csv.ms)}，堆峰值 +${mb(csv.peak)}`,
      baseline: `一次 JSON.stringify ${ms(baseline.ms)}，+${mb(baseline.peak)}`,
      ratio: ratio(csv.ms, baseline.ms),
    },
    {
      what: `导出 Excel（${n} 条，${mb(xlsxBytes)}，流式 zip）`,
      median: ms(xlsx),
      baseline: `CSV ${ms(csv.ms)}`,
      ratio: ratio(xlsx, csv.ms),
    },
    {
      what: `导出 JSON Lines 含链（${n} 条，${mb(jsonl.bytes)}）`,
      median: `${ms(jsonl.ms)}，堆峰值 +${mb(jsonl.peak)}`,
      baseline: ms(baseline.ms),
      ratio: ratio(jsonl.ms, baseline.ms),
    },
    {
      what: `导出 JSON Lines，筛选后 ${filtered.length} 条（其余为省略段）`,
      median: `${ms(jsonlFiltered.ms)}，+${mb(jsonlFiltered.peak)}`,
    },
    { what: `离线核验导出文件（log verify 的核心，${n} 条）`, median: ms(cli) },
  ];
}

export async function runAuditBench(
  options: { browser?: boolean; onlyBrowser?: boolean; entries?: number } = {},
): Promise<void> {
  const n = options.entries ?? ENTRIES;
  console.log(`# 审计日志基准（Node ${process.version}，${new Date().toISOString()}）`);
  if (!options.onlyBrowser) table('写入（fake-indexeddb，内存）', await benchAppend());
  const { records, model, buildMs } = await buildLog(n);
  console.log(`\n（生成 ${n} 条发布尝试、${records.length} 条链记录并计算哈希：${ms(buildMs)}）`);
  if (!options.onlyBrowser) {
    table('校验与整理', await benchVerify(records));
    table(`筛选（${n} 条）`, await benchFilter(model));
    table(`导出（${n} 条）`, await benchExport(model));
  }
  if (options.browser || options.onlyBrowser) {
    const { benchDashboard } = await import('./audit-browser');
    table(`审计页面（Chromium，${n} 条）`, await benchDashboard(records));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--entries');
  await runAuditBench({
    browser: process.argv.includes('--browser'),
    onlyBrowser: process.argv.includes('--only-browser'),
    entries: at > 0 ? Number(process.argv[at + 1]) : undefined,
  });
}
