import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { Anchor, AnchorCheck } from '../../audit/anchor';
import { LogModel } from '../../audit/entries';
import { filterEntries, type LogFilter } from '../../audit/filter';
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
    // An anchor file whose first line is no export header, or a header without a usable head.
    writeFileSync(join(dir, 'notes.txt'), '这不是 JSON\n');
    const badHead = { ...JSON.parse(lines[0]!), head: { seq: '12', hash: head.hash } };
    writeFileSync(join(dir, 'bad-head.jsonl'), `${JSON.stringify(badHead)}\n`);
    for (const name of ['notes.txt', 'bad-head.jsonl']) {
      const refused = await run(['log', 'verify', '--anchor', name, 'later.jsonl']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`--anchor：${name} 不是日志导出文件`);
    }
  });

  describe('the anchors an export carries', () => {
    type Records = Awaited<ReturnType<typeof buildChain>>;
    let records: Records;
    const exportWith = (name: string, anchors: AnchorCheck | undefined, filter: LogFilter = {}) => {
      const model = new LogModel();
      model.add(records);
      const selected = filterEntries(model.entries, filter);
      const plan = planExport(
        model,
        filter,
        selected,
        { ok: true, broken: [], anchors },
        new Date('2026-02-03T00:00:00Z'),
      );
      const body = [...jsonlRecordChunks(plan.records, plan.keep)].join('');
      writeFileSync(join(dir, name), `${JSON.stringify(exportHeader(plan, filter, '0.1.0'))}\n${body}`);
    };
    const at = (i: number, source: Anchor['source']): Anchor => ({
      seq: records[i]!.seq,
      hash: records[i]!.hash,
      source,
    });

    beforeAll(async () => {
      records = await buildChain(mixedBodies(60, { days: 3 }));
    });

    it('lists them and checks each against the file’s chain (text and --json)', async () => {
      const storage = at(records.length - 1, 'storage');
      const collector = at(40, 'collector');
      exportWith('anchored.jsonl', {
        agreed: ['扩展存储中的链头', '汇聚服务器确认的链头'],
        breaks: 0,
        heads: [storage, collector],
      });
      const text = await run(['log', 'verify', 'anchored.jsonl']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(`文件头的链头：序号 ${storage.seq}，哈希 ${storage.hash}——与文件中的链一致`);
      expect(text.stdout).toContain(
        '导出时的链校验：链本身完整（每条记录的哈希与链接均核对无误）；与扩展存储中的链头、汇聚服务器确认的链头一致',
      );
      expect(text.stdout).toContain(
        `扩展存储中的链头（序号 ${storage.seq}，哈希 ${storage.hash.slice(0, 16)}…）：文件中的链包含它 ✓`,
      );
      expect(text.stdout).toContain(
        `汇聚服务器确认的链头（序号 ${collector.seq}，哈希 ${collector.hash.slice(0, 16)}…）：文件中的链包含它 ✓`,
      );

      const json = await run(['log', 'verify', '--json', 'anchored.jsonl']);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout).anchors).toEqual({
        headMatches: true,
        atExport: { agreed: ['扩展存储中的链头', '汇聚服务器确认的链头'], breaks: 0, heads: [storage, collector] },
        checked: [
          { ...storage, status: 'matches' },
          { ...collector, status: 'matches' },
        ],
      });
    });

    it('fails when the file’s chain does not hold an anchor its header names (exit 1)', async () => {
      const rewritten = { ...at(20, 'collector'), hash: 'b'.repeat(64) };
      const beyond: Anchor = { seq: records.at(-1)!.seq + 5, hash: 'c'.repeat(64), source: 'storage' };
      exportWith('mismatch.jsonl', {
        agreed: [],
        breaks: 1,
        firstBreak: '日志被截断：扩展存储中的链头是序号 …',
        heads: [rewritten, beyond],
      });
      const text = await run(['log', 'verify', 'mismatch.jsonl']);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('核验失败');
      expect(text.stdout).toContain('与日志之外保存的链头不符 1 处');
      expect(text.stdout).toMatch(/汇聚服务器确认的链头（序号 \d+，哈希 b{16}…）：不符 ✗ —— 日志被改写/);
      expect(text.stdout).toMatch(/扩展存储中的链头（序号 \d+，哈希 c{16}…）：不符 ✗ —— 日志被截断/);
      const json = JSON.parse((await run(['log', 'verify', '--json', 'mismatch.jsonl'])).stdout);
      expect(json.ok).toBe(false);
      expect(json.anchors.checked.map((a: { status: string }) => a.status)).toEqual(['broken', 'broken']);
      expect(json.anchors.checked[0].reason).toContain('日志被改写');
    });

    it('says when a filtered export cannot check an anchor, and when an older export carries none', async () => {
      const inside = at(10, 'collector');
      const attempt = records.find((r) => r.type === 'attempt' && r.seq > 30)!;
      exportWith(
        'filtered.jsonl',
        { agreed: ['汇聚服务器确认的链头'], breaks: 0, heads: [inside] },
        { fromMs: Date.parse(attempt.time) },
      );
      const filtered = await run(['log', 'verify', '--json', 'filtered.jsonl']);
      expect(filtered.code).toBe(0);
      expect(JSON.parse(filtered.stdout).anchors.checked).toEqual([{ ...inside, status: 'unchecked' }]);
      expect((await run(['log', 'verify', 'filtered.jsonl'])).stdout).toContain('在筛选省略的记录中，本文件无法核对');

      exportWith('older.jsonl', undefined);
      const older = await run(['log', 'verify', 'older.jsonl']);
      expect(older.code).toBe(0);
      expect(older.stdout).toContain('锚点：文件头没有记录（较早版本导出的文件）');
      expect(JSON.parse((await run(['log', 'verify', '--json', 'older.jsonl'])).stdout).anchors).toEqual({
        headMatches: true,
        atExport: null,
        checked: [],
      });
    });

    it('ignores malformed anchors in a header rather than trusting them', async () => {
      const good = at(5, 'memory');
      exportWith('odd.jsonl', {
        agreed: [],
        breaks: 0,
        heads: [
          { seq: 3, hash: 'not-a-hash', source: 'storage' },
          { seq: -1, hash: 'a'.repeat(64), source: 'memory' },
          { seq: 4, hash: 'a'.repeat(64), source: 'somewhere' as Anchor['source'] },
          good,
        ],
      });
      const json = JSON.parse((await run(['log', 'verify', '--json', 'odd.jsonl'])).stdout);
      expect(json.anchors.checked).toEqual([{ ...good, status: 'matches' }]);
    });
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
