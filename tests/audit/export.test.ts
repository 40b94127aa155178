import { beforeAll, describe, expect, it } from 'vitest';
import { LogModel } from '../../audit/entries';
import { csvCell, csvChunks, csvRow } from '../../audit/export-csv';
import { EXPORT_COLUMNS } from '../../audit/export-columns';
import { jsonlRecordChunks, verifyExportLines } from '../../audit/export-jsonl';
import { exportHeader, planExport } from '../../audit/export-plan';
import { filterEntries, type LogFilter } from '../../audit/filter';
import type { LogRecord } from '../../audit/record';
import { ChainVerifier } from '../../audit/verify';
import { attemptBody, buildChain, mixedBodies } from './fixtures';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `"'=HYPERLINK(""http://evil.example"",""点我"")"`],
    ['+86 138', `"'+86 138"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\r\n换行', `"'\r\n换行"`],
    ['普通文字，含逗号', '"普通文字，含逗号"'],
    ['a,b "c"', '"a,b ""c"""'],
    ['多行\n正文', '"多行\n正文"'],
    ['中间的=号', '"中间的=号"'],
  ])('neutralises and quotes %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes empty cells for missing values and ends rows with CRLF', () => {
    expect(csvRow([undefined, null, 3])).toBe('"","","3"\r\n');
  });
});

/** A minimal RFC 4180 reader, enough to read back what the exporter wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

let records: LogRecord[];
let model: LogModel;
beforeAll(async () => {
  const bodies = mixedBodies(300, { days: 10 });
  bodies.splice(5, 0, {
    ...attemptBody({ text: "=cmd|' /C calc'!A0", findings: [], verdict: 'pass' }),
    time: '2026-01-01T01:00:00.000Z',
  });
  records = await buildChain(bodies);
  model = new LogModel();
  model.add(records);
});

function exportAll(filter: LogFilter) {
  const selected = filterEntries(model.entries, filter);
  const plan = planExport(model, filter, selected, { ok: true, broken: [] }, new Date('2026-04-01T00:00:00Z'));
  return { selected, plan };
}

describe('CSV export', () => {
  it('starts with a BOM and the Chinese headers on row 1, then one row per entry', () => {
    const { selected } = exportAll({ platform: 'weibo' });
    const text = [...csvChunks(selected, { mask: true }, 50)].join('');
    expect(text.startsWith('\uFEFF"序号","时间","平台"')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(rows.slice(1)).toHaveLength(selected.length);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(selected.map((e) => e.attempt.seq));
    expect(rows.slice(1).every((r) => r[2] === '微博')).toBe(true);
    // Rule names in Chinese; ids only in their own column.
    const rule = EXPORT_COLUMNS.findIndex((c) => c.header === '规则');
    const ruleId = EXPORT_COLUMNS.findIndex((c) => c.header === '规则ID');
    const withRules = rows.slice(1).find((r) => r[ruleId]);
    expect(withRules![rule]).not.toMatch(/no-|require-/);
    expect(withRules![ruleId]).toMatch(/^(no-|require-)/);
  });

  it('keeps a formula-like post as text', () => {
    const { selected } = exportAll({ text: 'calc' });
    const rows = parseCsv([...csvChunks(selected, { mask: true })].join('').slice(1));
    const body = EXPORT_COLUMNS.findIndex((c) => c.header === '正文');
    expect(rows[1]![body]).toBe("'=cmd|' /C calc'!A0");
  });
});

async function verifyText(text: string) {
  return verifyExportLines(text.split('\n'));
}

function jsonl(filter: LogFilter) {
  const { plan } = exportAll(filter);
  const header = exportHeader(plan, filter, '0.1.0');
  return `${JSON.stringify(header)}\n${[...jsonlRecordChunks(plan.records, plan.keep, 64)].join('')}`;
}

describe('JSON Lines export', () => {
  it('verifies in full when unfiltered', async () => {
    const { header, report } = await verifyText(jsonl({}));
    expect(report.ok).toBe(true);
    expect(report.records).toBe(records.length);
    expect(report.omitted).toBe(0);
    expect(header?.count).toBe(301);
    expect(report.head?.hash).toBe(records.at(-1)!.hash);
  });

  it('verifies a filtered set across omitted runs, and holds exactly its entries', async () => {
    const filter: LogFilter = { decisions: ['blocked'], platform: 'wechat' };
    const text = jsonl(filter);
    const { header, report } = await verifyText(text);
    expect(report.ok).toBe(true);
    const expected = filterEntries(model.entries, filter);
    expect(header?.count).toBe(expected.length);
    expect(report.attempts).toBe(expected.length);
    const attempts = text
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((r) => r.type === 'attempt');
    expect(attempts.map((a) => a.attempt)).toEqual(expected.map((e) => e.attempt.attempt));
    expect(report.omitted + report.records).toBe(records.length);
  });

  it('detects an edited, deleted, reordered or truncated export and names the line', async () => {
    const lines = jsonl({}).split('\n');
    const edited = [...lines];
    edited[10] = edited[10]!
      .replace('"decision":"published"', '"decision":"blocked"')
      .replace('"verdict":"warn"', '"verdict":"pass"');
    if (edited[10] === lines[10])
      edited[10] = edited[10].replace(/"time":"[^"]+"/, '"time":"2020-01-01T00:00:00.000Z"');
    const e = await verifyExportLines(edited);
    expect(e.report.broken[0]).toMatchObject({ kind: 'hash', line: 11 });

    const deleted = [...lines.slice(0, 20), ...lines.slice(21)];
    expect((await verifyExportLines(deleted)).report.broken[0]).toMatchObject({ kind: 'missing', line: 21 });

    const reordered = [...lines];
    reordered.splice(30, 2, reordered[31]!, reordered[30]!);
    expect((await verifyExportLines(reordered)).report.broken[0]!.line).toBe(31);

    const truncated = lines.slice(0, 200);
    const t = await verifyExportLines(truncated);
    expect(t.report.ok).toBe(false);
    expect(t.report.broken[0]).toMatchObject({ kind: 'end' });
  });

  it('refuses a file that is not an export', async () => {
    expect((await verifyExportLines(['{"hello":1}'])).notAnExport).toContain('不是 GovPost Guard');
    expect((await verifyExportLines(['not json'])).notAnExport).toContain('第一行');
  });

  it('matches what the database-side verifier says about the same records', async () => {
    const direct = new ChainVerifier();
    await direct.push(records);
    const fromFile = await verifyText(jsonl({}));
    expect(fromFile.report.head).toEqual(direct.finish().head);
  });
});

describe('what an export holds', () => {
  it('keeps retention records always, notices only when the filter selects by time alone', async () => {
    const a = attemptBody({ time: '2026-05-02T00:00:00.000Z' });
    const chain = await buildChain([
      a,
      {
        type: 'adapter-problem',
        time: '2026-05-02T01:00:00.000Z',
        platform: 'weibo',
        page: 'home',
        url: 'https://weibo.com/',
        problem: '找不到发布按钮',
      },
      { type: 'storage', time: '2026-06-01T00:00:00.000Z', level: 'warning', usage: 900, quota: 1000 },
      {
        type: 'retention',
        time: '2026-06-02T00:00:00.000Z',
        days: 30,
        before: '2026-05-03T00:00:00.000Z',
        prunedThrough: 0,
        anchor: '0'.repeat(64),
        pruned: { records: 0, attempts: 0 },
        accounts: [],
      },
    ]);
    const m = new LogModel();
    m.add(chain);
    const types = (filter: LogFilter) => {
      const plan = planExport(m, filter, filterEntries(m.entries, filter), { ok: true, broken: [] }, new Date());
      return plan.records.filter(plan.keep).map((r) => r.type);
    };
    expect(types({})).toEqual(['attempt', 'adapter-problem', 'storage', 'retention']);
    expect(types({ fromMs: Date.parse('2026-05-01T00:00:00Z'), toMs: Date.parse('2026-05-03T00:00:00Z') })).toEqual([
      'attempt',
      'adapter-problem',
      'retention',
    ]);
    expect(types({ platform: 'weibo' })).toEqual(['attempt', 'retention']);
    expect(types({ platform: 'wechat' })).toEqual(['retention']);
  });
});
