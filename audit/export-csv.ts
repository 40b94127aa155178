/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both read the file as GBK and
 * the Chinese turns to mojibake), CRLF line ends, every cell quoted, and formulas neutralised —
 * a cell that begins with = + - @, a tab or a carriage return gets a leading apostrophe, so a post
 * that says "=HYPERLINK(…)" stays text (CSV injection, OWASP).
 *
 * The column headers are row 1.
 */
import type { AnchorCheck } from './anchor';
import type { LogEntry } from './entries';
import { EXPORT_COLUMNS, exportRow, type ExportColumn, type ExportRow } from './export-columns';

export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly (string | number | undefined | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Local date and time, as Excel recognises it: 2026-03-01 16:00:05. */
export function localDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** What an export states about itself (CSV first row, JSON Lines header). */
export interface ExportStatement {
  count: number;
  /** Time of the earliest and latest exported attempt (ISO), or null when empty. */
  first: string | null;
  last: string | null;
  /** The filter's own bounds, if it had any. */
  from: string | null;
  to: string | null;
  head: { seq: number; hash: string } | null;
  chainOk: boolean;
  /** The first broken link, when the chain is broken. */
  brokenAt?: { seq: number; reason: string };
  /** The head checked against its copies kept outside the log (absent in exports made before). */
  anchors?: AnchorCheck;
  exportedAt: string;
}

/** A column's value as CSV text: times in local time, as Excel recognises them. */
function csvValue(column: ExportColumn, row: ExportRow): string | number | undefined {
  const v = column.value(row);
  return column.type === 'datetime' ? localDateTime(v as string | undefined) : v;
}

/**
 * The file in chunks of `rows` rows, so 100,000 rows are written without holding one string:
 * the header on row 1 (so Excel's filters and pivot tables take it as the header), then one row
 * per entry. What the file holds is stated in its name and its metadata file (export-plan.ts).
 */
export function* csvChunks(entries: readonly LogEntry[], options: { mask: boolean }, rows = 2_000): Generator<string> {
  yield CSV_BOM + csvRow(EXPORT_COLUMNS.map((c) => c.header));
  for (let i = 0; i < entries.length; i += rows) {
    let chunk = '';
    const end = Math.min(entries.length, i + rows);
    for (let j = i; j < end; j++) {
      const row = exportRow(entries[j]!, options.mask);
      chunk += csvRow(EXPORT_COLUMNS.map((c) => csvValue(c, row)));
    }
    yield chunk;
  }
}
