/** The 三审 record of an override in every export: five columns in the tables, the outcome as written in JSON Lines. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogModel } from '../../audit/entries';
import { csvChunks } from '../../audit/export-csv';
import { EXPORT_COLUMNS } from '../../audit/export-columns';
import { jsonlRecordChunks, verifyExportLines } from '../../audit/export-jsonl';
import { exportMeta } from '../../audit/export-meta';
import { exportHeader, planExport } from '../../audit/export-plan';
import { writeXlsx } from '../../audit/export-xlsx';
import type { LogRecord } from '../../audit/record';
import { attemptBody, buildChain, outcomeBody } from './fixtures';

const REVIEW = { political: '王审核', legal: '刘法务', policy: '陈主任', secrecy: '周保密', wording: '吴校对' };
const GATES = ['政治关', '法律关', '政策关', '保密关', '文字关'];

let records: LogRecord[];
let model: LogModel;
beforeAll(async () => {
  const reviewed = attemptBody({ text: '经三审的通知', verdict: 'justify' });
  const plain = attemptBody({ text: '没有三审记录的通知', verdict: 'warn' });
  records = await buildChain([
    reviewed,
    { ...outcomeBody(reviewed.attempt, 'published-with-reason', '经三审同意发布'), review: REVIEW },
    plain,
    outcomeBody(plain.attempt, 'published'),
  ]);
  model = new LogModel();
  model.add(records);
});

const plan = () => planExport(model, {}, model.entries, { ok: true, broken: [] }, new Date('2026-04-01T00:00:00Z'));

describe('the 三审 record in the exports', () => {
  it('has five columns, one per 关, after the reason', () => {
    const headers = EXPORT_COLUMNS.map((c) => c.header);
    const at = headers.indexOf('发布理由');
    expect(headers.slice(at + 1, at + 6)).toEqual(GATES);
  });

  it('writes who passed each 关 in the CSV, and nothing where there was no record', () => {
    const text = [...csvChunks(model.entries, { mask: true })].join('');
    const lines = text.slice(1).split('\r\n');
    const header = lines[0]!;
    for (const gate of GATES) expect(header).toContain(`"${gate}"`);
    const reviewed = lines.find((l) => l.includes('经三审的通知'))!;
    expect(reviewed).toContain('"经三审同意发布","王审核","刘法务","陈主任","周保密","吴校对"');
    const plain = lines.find((l) => l.includes('没有三审记录的通知'))!;
    expect(plain).toContain('"","","","","",""');
  });

  it('writes them as text cells in the Excel file', async () => {
    const meta = exportMeta(
      plan().statement,
      {},
      {
        file: 'x.xlsx',
        extension: '0.1.0',
        columns: EXPORT_COLUMNS.map((c) => c.header),
        masked: true,
      },
    );
    const pieces: Uint8Array[] = [];
    await writeXlsx(model.entries, meta, (p) => pieces.push(p), { mask: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(pieces) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('记录')!;
    const col = (h: string) => EXPORT_COLUMNS.findIndex((c) => c.header === h) + 1;
    const row = model.entries.findIndex((e) => e.attempt.text === '经三审的通知') + 2;
    expect(GATES.map((g) => sheet.getRow(row).getCell(col(g)).value)).toEqual(Object.values(REVIEW));
  });

  it('keeps the outcome with its record in JSON Lines, and the export verifies', async () => {
    const p = plan();
    const text = `${JSON.stringify(exportHeader(p, {}, '0.1.0'))}\n${[...jsonlRecordChunks(p.records, p.keep, 64)].join('')}`;
    const outcome = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { type?: string; review?: unknown })
      .find((r) => r.type === 'outcome' && r.review);
    expect(outcome?.review).toEqual(REVIEW);
    expect((await verifyExportLines(text.split('\n'))).report.ok).toBe(true);
  });
});
