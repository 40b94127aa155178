/**
 * The Excel export: an Office Open XML workbook (.xlsx) written as a stream, so 100,000 rows never
 * exist as one string or as cell objects — rows become XML a chunk at a time and go straight into
 * fflate's streaming zip. Excel and WPS open it as a table that needs no fixing:
 *
 * - sheet 记录: header on row 1, frozen, with AutoFilter; text cells are inline strings, so a post
 *   that begins with = or + is shown as typed and is never a formula, with no apostrophe before
 *   “+86 …”; numbers are numbers; times are dates (local time, yyyy-mm-dd hh:mm:ss);
 * - sheet 导出说明: what the export holds (export-meta.ts).
 *
 * Pure apart from fflate: runs in the dashboard's export worker and in Node (tests, benchmarks).
 */
import { Zip, ZipDeflate } from 'fflate';
import type { LogEntry } from './entries';
import { EXPORT_COLUMNS, exportRow, type ColumnType } from './export-columns';
import { metaRows, type ExportMeta } from './export-meta';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const RECORDS_SHEET = '记录';
export const META_SHEET = '导出说明';
/** Excel's limit for one cell's text. */
export const CELL_TEXT_LIMIT = 32_767;
const CUT_NOTE = '…（超出 Excel 单元格上限，全文见 JSON Lines 导出）';

const encoder = new TextEncoder();

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Text as XML character data. Characters XML 1.0 cannot carry (control characters, lone
 * surrogates) are written as OOXML's _xHHHH_ escapes or U+FFFD, and a literal "_x0041_" in the
 * text is escaped so Excel does not decode it: the cell shows exactly the logged text.
 */
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
const NOT_IN_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

export function xmlText(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** An ISO time as an Excel date serial in the local time zone (days since 1899-12-30). */
export function excelDate(iso: string): number {
  const ms = Date.parse(iso);
  const local = ms - new Date(ms).getTimezoneOffset() * 60_000;
  return local / 86_400_000 + 25_569;
}

/** Styles: 0 plain, 1 date-time, 2 bold header, 3 wrapped text (metadata values). */
const STYLE = { date: 1, header: 2, wrap: 3 } as const;

function cell(ref: string, value: string | number | undefined, type: ColumnType | 'header'): string {
  if (value === undefined || value === '') return '';
  if (type === 'number' && typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (type === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
    return `<c r="${ref}" s="${STYLE.date}"><v>${excelDate(value)}</v></c>`;
  let text = String(value);
  if (text.length > CELL_TEXT_LIMIT) text = text.slice(0, CELL_TEXT_LIMIT - CUT_NOTE.length) + CUT_NOTE;
  const style = type === 'header' ? ` s="${STYLE.header}"` : '';
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function row(index: number, cells: string): string {
  return `<row r="${index}">${cells}</row>`;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetStart(frozenHeader: boolean, widths: readonly number[]): string {
  const pane = frozenHeader
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : '';
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"${frozenHeader ? '' : ' tabSelected="0"'}>${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
}

const STATIC_PARTS: Record<string, string> = {
  '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>GovPost Guard</Application></Properties>`,
  'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  'xl/styles.xml': `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
};

function workbook(rows: number): string {
  const last = `$${columnName(EXPORT_COLUMNS.length - 1)}$${rows + 1}`;
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${RECORDS_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${META_SHEET}" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${RECORDS_SHEET}'!$A$1:${last}</definedName></definedNames></workbook>`;
}

function metaSheet(meta: ExportMeta): string {
  let xml = sheetStart(false, [16, 100]);
  xml += row(1, cell('A1', '项目', 'header') + cell('B1', '内容', 'header'));
  metaRows(meta).forEach(([label, value, type], i) => {
    const r = i + 2;
    const v = cell(`B${r}`, value, type);
    xml += row(
      r,
      cell(`A${r}`, label, 'text') +
        (type === 'text' ? v.replace('t="inlineStr"', `t="inlineStr" s="${STYLE.wrap}"`) : v),
    );
  });
  return `${xml}</sheetData></worksheet>`;
}

export interface XlsxOptions {
  mask: boolean;
  /** Rows per chunk handed to the zip (and between progress reports). */
  chunkRows?: number;
  /** zlib level; 1 is several times faster than 6 for a file about a quarter larger. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  onProgress?(rowsWritten: number): void;
}

/**
 * Writes the workbook, handing each compressed piece to `sink` as it is made (a Blob part list,
 * a file stream). Resolves once the last piece is out. Async between chunks, so a caller in a
 * worker can answer messages (progress, cancel) meanwhile.
 */
export async function writeXlsx(
  entries: readonly LogEntry[],
  meta: ExportMeta,
  sink: (piece: Uint8Array) => void,
  options: XlsxOptions,
): Promise<void> {
  const { chunkRows = 1_000, level = 1 } = options;
  const state: { failure?: Error } = {};
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const zip = new Zip((err, data, final) => {
    if (err) state.failure = new Error(`无法写出 Excel 文件：${err.message}`);
    else sink(data);
    if (final || err) finished();
  });
  const put = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level });
    zip.add(file);
    file.push(encoder.encode(text), true);
  };
  for (const [name, text] of Object.entries(STATIC_PARTS)) put(name, text);
  put('xl/workbook.xml', workbook(entries.length));

  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level });
  zip.add(sheet);
  sheet.push(
    encoder.encode(
      sheetStart(
        true,
        EXPORT_COLUMNS.map((c) => c.width),
      ) + row(1, EXPORT_COLUMNS.map((c, i) => cell(`${columnName(i)}1`, c.header, 'header')).join('')),
    ),
  );
  const letters = EXPORT_COLUMNS.map((_, i) => columnName(i));
  for (let i = 0; i < entries.length; i += chunkRows) {
    let xml = '';
    const end = Math.min(entries.length, i + chunkRows);
    for (let j = i; j < end; j++) {
      const r = j + 2;
      const data = exportRow(entries[j]!, options.mask);
      let cells = '';
      EXPORT_COLUMNS.forEach((c, k) => (cells += cell(`${letters[k]}${r}`, c.value(data), c.type)));
      xml += row(r, cells);
    }
    sheet.push(encoder.encode(xml));
    options.onProgress?.(end);
    if (state.failure) throw state.failure;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const range = `A1:${letters[letters.length - 1]}${entries.length + 1}`;
  sheet.push(encoder.encode(`</sheetData><autoFilter ref="${range}"/></worksheet>`), true);
  put('xl/worksheets/sheet2.xml', metaSheet(meta));
  zip.end();
  await done;
  if (state.failure) throw state.failure;
}
