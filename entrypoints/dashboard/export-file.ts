/**
 * Writing an export without freezing the page: the text is produced a chunk at a time, each
 * chunk handed to a Blob at once (the browser keeps Blob data out of the page's heap), the page
 * yields between chunks so the progress bar moves, and the file is saved with a download link.
 */
import type { LogEntry, LogModel } from '../../audit/entries';
import { csvChunks } from '../../audit/export-csv';
import { jsonlRecordChunks } from '../../audit/export-jsonl';
import { exportHeader, planExport, type ExportPlan } from '../../audit/export-plan';
import type { LogFilter } from '../../audit/filter';
import type { ChainReport } from '../../audit/verify';

export type ExportFormat = 'csv' | 'jsonl';

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Rows (or lines) per chunk: small enough that producing one stays well under a frame budget's worth of jank. */
const CHUNK = 500;

async function writeBlob(
  chunks: Iterable<string>,
  progress: () => number,
  onProgress: (share: number) => void,
  type: string,
): Promise<Blob> {
  const parts: Blob[] = [];
  let lastYield = performance.now();
  for (const chunk of chunks) {
    if (chunk) parts.push(new Blob([chunk]));
    if (performance.now() - lastYield > 30) {
      onProgress(progress());
      await yieldToPage();
      lastYield = performance.now();
    }
  }
  onProgress(1);
  return new Blob(parts, { type });
}

function fileName(plan: ExportPlan, format: ExportFormat): string {
  const day = (iso: string | null) => (iso ? iso.slice(0, 10).replace(/-/g, '') : '无');
  const s = plan.statement;
  return `政务新媒体审计日志_${day(s.first)}-${day(s.last)}_${s.count}条.${format}`;
}

export interface ExportResult {
  plan: ExportPlan;
  fileName: string;
  bytes: number;
}

export async function exportEntries(
  format: ExportFormat,
  model: LogModel,
  filter: LogFilter,
  selected: readonly LogEntry[],
  chain: ChainReport,
  extension: string,
  onProgress: (share: number) => void,
): Promise<ExportResult> {
  const plan = planExport(model, filter, selected, chain, new Date());
  let blob: Blob;
  if (format === 'csv') {
    let rows = 0;
    const chunks = (function* () {
      for (const chunk of csvChunks(selected, plan.statement, CHUNK)) {
        yield chunk;
        rows += CHUNK;
      }
    })();
    blob = await writeBlob(
      chunks,
      () => Math.min(1, rows / Math.max(1, selected.length)),
      onProgress,
      'text/csv;charset=utf-8',
    );
  } else {
    let scanned = 0;
    const header = `${JSON.stringify(exportHeader(plan, filter, extension))}\n`;
    const chunks = (function* () {
      yield header;
      yield* jsonlRecordChunks(plan.records, plan.keep, CHUNK, (n) => (scanned = n));
    })();
    blob = await writeBlob(
      chunks,
      () => scanned / Math.max(1, plan.records.length),
      onProgress,
      'application/x-ndjson;charset=utf-8',
    );
  }
  const name = fileName(plan, format);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { plan, fileName: name, bytes: blob.size };
}
