import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { LogModel } from '../../audit/entries';
import { jsonlRecordChunks } from '../../audit/export-jsonl';
import { exportHeader, planExport } from '../../audit/export-plan';
import { buildChain, mixedBodies } from '../audit/fixtures';

let dir: string;
let good: string;
let lines: string[];

function run(args: string[], stdin = '') {
  const out = new PassThrough();
  const err = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  return main(args, { stdin: input, stdout: out, stderr: err, cwd: dir }).then((code) => ({ code, stdout, stderr }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govpost-log-'));
  const model = new LogModel();
  model.add(await buildChain(mixedBodies(120, { days: 5 })));
  const plan = planExport(model, {}, model.entries, { ok: true, broken: [] }, new Date('2026-02-01T00:00:00Z'));
  const text = `${JSON.stringify(exportHeader(plan, {}, '0.1.0'))}\n${[...jsonlRecordChunks(plan.records, plan.keep)].join('')}`;
  lines = text.split('\n');
  good = join(dir, '审计日志.jsonl');
  writeFileSync(good, text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('govpost-guard log verify', () => {
  it('passes an intact export (exit 0) and states its count and head', async () => {
    const { code, stdout } = await run(['log', 'verify', '审计日志.jsonl']);
    expect(code).toBe(0);
    expect(stdout).toContain('核验通过');
    expect(stdout).toContain('发布尝试：120 条（文件头声明 120 条）');
    expect(stdout).toContain(`链头哈希：${JSON.parse(lines.at(-2)!).hash}`);
  });

  it('names the first broken link of a tampered export (exit 1)', async () => {
    const tampered = [...lines];
    const record = JSON.parse(tampered[40]!);
    record.time = '2020-01-01T00:00:00.000Z';
    tampered[40] = JSON.stringify(record);
    writeFileSync(join(dir, 'tampered.jsonl'), tampered.join('\n'));
    const { code, stdout } = await run(['log', 'verify', 'tampered.jsonl']);
    expect(code).toBe(1);
    expect(stdout).toContain('核验失败');
    expect(stdout).toContain(`首个断点：第 41 行，序号 ${record.seq} —— 内容被改动`);
  });

  it('reads standard input, and answers JSON with --json', async () => {
    const { code, stdout } = await run(['log', 'verify', '--json', '-'], lines.join('\n'));
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: true, report: { attempts: 120, ok: true } });
  });

  it('checks a later export against an earlier one’s head (--anchor): a rewritten, rehashed log is caught', async () => {
    const bodies = mixedBodies(120, { days: 5 });
    const write = async (name: string, records: Awaited<ReturnType<typeof buildChain>>) => {
      const model = new LogModel();
      model.add(records);
      const plan = planExport(model, {}, model.entries, { ok: true, broken: [] }, new Date('2026-02-02T00:00:00Z'));
      const body = [...jsonlRecordChunks(plan.records, plan.keep)].join('');
      writeFileSync(join(dir, name), `${JSON.stringify(exportHeader(plan, {}, '0.1.0'))}\n${body}`);
    };
    const more = mixedBodies(10, { seed: 2, days: 1 }).map((b) =>
      'attempt' in b ? { ...b, attempt: b.attempt.replace(/^0{8}/, 'ffffffff') } : b,
    );
    const extended = await buildChain([...bodies, ...more]);
    await write('later.jsonl', extended);
    const edited = bodies.map((b, i) => (i === 30 ? { ...b, time: '2026-01-02T00:00:00.000Z' } : b));
    await write('rewritten.jsonl', await buildChain(edited));
    await write('truncated.jsonl', extended.slice(0, 60));

    // Each file alone verifies: the rewrite was rehashed and its header rewritten with it.
    for (const name of ['later.jsonl', 'rewritten.jsonl', 'truncated.jsonl'])
      expect((await run(['log', 'verify', name])).code).toBe(0);
    expect((await run(['log', 'verify', '--anchor', '审计日志.jsonl', 'later.jsonl'])).code).toBe(0);
    const rewritten = await run(['log', 'verify', '--anchor', '审计日志.jsonl', 'rewritten.jsonl']);
    expect(rewritten.code).toBe(1);
    expect(rewritten.stdout).toContain('与锚点不符：日志被改写');
    const truncated = await run(['log', 'verify', '--anchor', '审计日志.jsonl', 'truncated.jsonl']);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toContain('日志被截断');
    const head = JSON.parse(lines[0]!).head;
    expect((await run(['log', 'verify', '--anchor', `${head.seq}:${head.hash}`, 'rewritten.jsonl'])).code).toBe(1);
    expect((await run(['log', 'verify', '--anchor', 'nowhere.jsonl', 'later.jsonl'])).code).toBe(2);
  });

  it('checks the head against one noted earlier', async () => {
    const head = JSON.parse(lines[0]!).head.hash;
    expect((await run(['log', 'verify', '--expect-head', head, '审计日志.jsonl'])).code).toBe(0);
    const other = await run(['log', 'verify', '--expect-head', 'a'.repeat(64), '审计日志.jsonl']);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('链头与 --expect-head 给出的不符');
  });

  it('refuses bad usage and files that are not exports (exit 2)', async () => {
    expect((await run(['log', 'verify'])).code).toBe(2);
    expect((await run(['log', 'check', 'x'])).code).toBe(2);
    expect((await run(['log', 'verify', 'missing.jsonl'])).stderr).toContain('找不到文件');
    writeFileSync(join(dir, 'notes.txt'), '一段说明\n');
    const notExport = await run(['log', 'verify', 'notes.txt']);
    expect(notExport.code).toBe(2);
    expect(notExport.stderr).toContain('第一行');
  });

  it('says that only the JSON Lines export carries the chain when given a CSV, its metadata or a workbook', async () => {
    writeFileSync(join(dir, 'plain.csv'), '序号,时间\r\n1,2\r\n');
    writeFileSync(join(dir, 'export.csv'), '\uFEFF"序号","时间","平台"\r\n"1","2026-03-01 08:00:00","微博"\r\n');
    writeFileSync(join(dir, 'export.meta.json'), JSON.stringify({ format: 'govpost-guard-export-meta', count: 1 }));
    writeFileSync(join(dir, 'export.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    for (const name of ['plain.csv', 'export.csv', 'export.meta.json', 'export.xlsx']) {
      const { code, stdout, stderr } = await run(['log', 'verify', name]);
      expect(code, name).toBe(2);
      expect(stdout, name).toBe('');
      expect(stderr, name).toContain('只有 JSON Lines 导出（.jsonl）带有哈希链');
    }
  });

  it('runs as `npx govpost-guard log verify` from the package bin', () => {
    const bin = resolve(import.meta.dirname, '../../bin/govpost-guard.js');
    const stdout = execFileSync(process.execPath, [bin, 'log', 'verify', good], { encoding: 'utf8' });
    expect(stdout).toContain('核验通过');
  });
});
