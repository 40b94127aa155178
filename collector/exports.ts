/**
 * Any fleet view as a file: CSV for Excel and WPS (the same cell rules as the extension's export:
 * BOM, CRLF, quoted, formulas neutralised — audit/export-csv.ts) or JSON Lines (one row a line).
 */
import { CSV_BOM, csvRow } from '../audit/export-csv';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

export function csvFile<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  let out = CSV_BOM + csvRow(columns.map((c) => c.header));
  for (const row of rows) out += csvRow(columns.map((c) => c.value(row)));
  return out;
}

export function jsonlFile(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}

export function fileResponse(name: string, format: 'csv' | 'jsonl', body: string): Response {
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return new Response(body, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
      'cache-control': 'no-store',
    },
  });
}
