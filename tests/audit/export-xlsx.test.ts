/** The Excel export, written as the dashboard's worker writes it and read back with ExcelJS. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogModel } from '../../audit/entries';
import { EXPORT_COLUMNS } from '../../audit/export-columns';
import { chainCheckText, exportBaseName, exportMeta, describeFilter, metaRows } from '../../audit/export-meta';
import { planExport } from '../../audit/export-plan';
import { columnName, writeXlsx, xmlText } from '../../audit/export-xlsx';
import { filterEntries, type LogFilter } from '../../audit/filter';
import { attemptBody, buildChain, mixedBodies } from './fixtures';

const ID = '11010519491231002X';
let model: LogModel;

beforeAll(async () => {
  const bodies = mixedBodies(200, { days: 10 });
  const idText = `失主身份证号${ID}，请联系。`;
  bodies.splice(3, 0, {
    ...attemptBody({ text: '=HYPERLINK("http://evil.example","点我")', findings: [], verdict: 'pass' }),
    time: '2026-01-02T01:00:00.000Z',
  });
  bodies.splice(4, 0, {
    ...attemptBody({ text: '+86 138 1234 5678 为单位值班电话', findings: [], verdict: 'pass' }),
    time: '2026-01-02T02:00:00.000Z',
  });
  bodies.splice(5, 0, {
    ...attemptBody({
      text: idText,
      verdict: 'block',
      findings: [
        {
          ruleId: 'no-id-number',
          messageId: 'id18',
          category: 'personal-data',
          severity: 'block',
          field: 'body',
          range: [idText.indexOf(ID), idText.indexOf(ID) + ID.length],
          excerpt: ID,
          message: `「${ID}」是校验有效的居民身份证号码`,
          suggestion: '1101**********002X',
          basis: '《个人信息保护法》第二十八条',
        },
      ],
    }),
    time: '2026-01-02T03:00:00.000Z',
  });
  model = new LogModel();
  model.add(await buildChain(bodies));
});

async function workbook(filter: LogFilter, mask = true) {
  const selected = filterEntries(model.entries, filter);
  const plan = planExport(model, filter, selected, { ok: true, broken: [] }, new Date('2026-04-01T00:00:00Z'));
  const file = `${exportBaseName(plan.statement)}.xlsx`;
  const meta = exportMeta(plan.statement, filter, {
    file,
    extension: '0.1.0',
    columns: EXPORT_COLUMNS.map((c) => c.header),
    masked: mask,
  });
  const pieces: Uint8Array[] = [];
  const progress: number[] = [];
  await writeXlsx(selected, meta, (p) => pieces.push(p), { mask, chunkRows: 50, onProgress: (n) => progress.push(n) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(pieces) as unknown as ExcelJS.Buffer);
  return { wb, selected, progress, file };
}

describe('Excel export', () => {
  it('has the records sheet with the header on row 1, frozen, filtered, and one row per entry', async () => {
    const { wb, selected, progress } = await workbook({});
    expect(wb.worksheets.map((w) => w.name)).toEqual(['记录', '导出说明']);
    const sheet = wb.getWorksheet('记录')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS.map((c) => c.header)]);
    expect(sheet.rowCount).toBe(selected.length + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${columnName(EXPORT_COLUMNS.length - 1)}${selected.length + 1}`);
    expect(progress.at(-1)).toBe(selected.length);
  });

  it('types text as text, numbers as numbers and times as dates', async () => {
    const { wb, selected } = await workbook({});
    const sheet = wb.getWorksheet('记录')!;
    const col = (h: string) => EXPORT_COLUMNS.findIndex((c) => c.header === h) + 1;
    const rowOf = (text: string) => selected.findIndex((e) => e.attempt.text?.startsWith(text)) + 2;
    const formula = sheet.getRow(rowOf('=HYPERLINK')).getCell(col('正文'));
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe('=HYPERLINK("http://evil.example","点我")');
    const phone = sheet.getRow(rowOf('+86')).getCell(col('正文'));
    expect(phone.type).toBe(ExcelJS.ValueType.String);
    expect(phone.value).toBe('+86 138 1234 5678 为单位值班电话');
    const seq = sheet.getRow(2).getCell(col('序号'));
    expect(seq.type).toBe(ExcelJS.ValueType.Number);
    expect(seq.value).toBe(selected[0]!.attempt.seq);
    const time = sheet.getRow(2).getCell(col('时间'));
    expect(time.type).toBe(ExcelJS.ValueType.Date);
    // ExcelJS reads a date serial as if it were UTC; the file holds local time.
    const local = new Date(selected[0]!.attempt.time);
    expect((time.value as Date).getTime()).toBe(local.getTime() - local.getTimezoneOffset() * 60_000);
    expect(time.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });

  it('masks personal data unless asked not to', async () => {
    const masked = await workbook({ text: '失主' });
    const body = EXPORT_COLUMNS.findIndex((c) => c.header === '正文') + 1;
    expect(masked.wb.getWorksheet('记录')!.getRow(2).getCell(body).value).toBe(
      '失主身份证号1101**********002X，请联系。',
    );
    const full = await workbook({ text: '失主' }, false);
    expect(full.wb.getWorksheet('记录')!.getRow(2).getCell(body).value).toBe(`失主身份证号${ID}，请联系。`);
  });

  it('states the export on its second sheet', async () => {
    const filter: LogFilter = { decisions: ['blocked', 'published-with-reason'], platform: 'weibo' };
    const { wb, selected, file } = await workbook(filter);
    const meta = wb.getWorksheet('导出说明')!;
    const rows = new Map<string, unknown>();
    meta.eachRow((r) => rows.set(r.getCell(1).text, r.getCell(2).value));
    expect(rows.get('文件')).toBe(file);
    expect(rows.get('发布尝试条数')).toBe(selected.length);
    expect(rows.get('筛选条件')).toBe(describeFilter(filter));
    expect(String(rows.get('筛选条件'))).toContain('处理结果：已拦截、仍要发布');
    expect(rows.get('链头哈希')).toBe(model.head!.hash);
    expect(rows.get('导出时间')).toBeInstanceOf(Date);
    expect(String(rows.get('说明'))).toContain('只有 JSON Lines 导出');
    expect(file).toMatch(/^政务新媒体审计日志_\d{8}-\d{8}_\d+条_链头[0-9a-f]{12}\.xlsx$/);
  });
});

describe('the 链校验 line of the export metadata', () => {
  const broken = { chainOk: false, brokenAt: { seq: 7, reason: '内容被改动' } };
  it('states the chain’s own verification and its anchors’, together', () => {
    expect(chainCheckText({ chainOk: true, anchors: { agreed: ['扩展存储中的链头'], breaks: 0 } })).toBe(
      '链本身完整（每条记录的哈希与链接均核对无误）；与扩展存储中的链头一致',
    );
    const rewritten = chainCheckText({
      chainOk: true,
      anchors: { agreed: [], breaks: 2, firstBreak: '日志被改写：扩展存储中的链头是序号 9' },
    });
    expect(rewritten).toMatch(/^链本身完整.*；与日志之外保存的链头不符 2 处（日志被改写：扩展存储中的链头是序号 9）/);
    expect(chainCheckText({ ...broken, anchors: { agreed: [], breaks: 0 } })).toBe(
      '断链：首个断点序号 7，内容被改动；日志之外尚未保存链头，无从核对',
    );
    expect(chainCheckText(broken)).toContain('未与日志之外保存的链头核对');
  });

  it('is on the workbook’s second sheet as the page verified it', async () => {
    const selected = filterEntries(model.entries, {});
    const anchors = { agreed: [], breaks: 1, firstBreak: '日志被截断' };
    const plan = planExport(model, {}, selected, { ok: true, broken: [], anchors }, new Date());
    expect(plan.statement.anchors).toEqual(anchors);
    const meta = exportMeta(plan.statement, {}, { file: 'x.xlsx', extension: '0.1.0', columns: [], masked: true });
    const rows = new Map(metaRows(meta).map(([label, value]) => [label, value]));
    expect(rows.get('导出时的链校验')).toContain('与日志之外保存的链头不符 1 处（日志被截断）');
  });
});

describe('xmlText', () => {
  it('escapes markup, control characters and literal _xHHHH_ sequences', () => {
    expect(xmlText('<a&b>')).toBe('&lt;a&amp;b&gt;');
    expect(xmlText('铃\u0007')).toBe('铃_x0007_');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlText('\uD800x')).toBe('\uFFFDx');
  });
});
