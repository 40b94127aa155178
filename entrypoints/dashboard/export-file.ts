/**
 * Writing an export without freezing the page: the text is produced a chunk at a time, each
 * chunk handed to a Blob at once (the browser keeps Blob data out of the page's heap), the page
 * yields between chunks so the progress bar moves, and the file is saved with a download link.
 */
import type { LogEntry, LogModel } from '../../audit/entries';
import { jsonlRecordChunks } from '../../audit/export-jsonl';
import { exportHeader, planExport, type ChainAtExport, type ExportPlan } from '../../audit/export-plan';
import type { LogFilter } from '../../audit/filter';
import type { ChainReport } from '../../audit/verify';
import { exportBaseName, type ExportMeta } from '../../audit/export-meta';
import type { FromExportWorker, TableFormat, ToExportWorker } from './export-worker';
import ExportWorker from './export-worker?worker';

export type ExportFormat = TableFormat | 'jsonl';

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

export interface ExportResult {
  statement: ExportPlan['statement'];
  fileName: string;
  bytes: number;
  /** For a CSV: its metadata, offered as a JSON file beside it. */
  meta?: ExportMeta;
}

/** Saves a Blob under a name through a download link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The metadata of a table export as the JSON file saved beside it. */
export function saveMeta(meta: ExportMeta): void {
  const name = meta.file.replace(/\.(csv|xlsx)$/, '.meta.json');
  saveBlob(new Blob([`${JSON.stringify(meta, null, 2)}\n`], { type: 'application/json' }), name);
}

/** CSV or Excel, written by the export worker from the log up to `through`. */
export function exportTable(
  job: Omit<ToExportWorker, 'type'>,
  onProgress: (share: number, phase: 'read' | 'write') => void,
): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    const worker = new ExportWorker();
    worker.onmessage = ({ data }: MessageEvent<FromExportWorker>) => {
      if (data.type === 'progress') {
        // Reading is the first ~40 % of the work, writing the rest.
        const share = data.total ? data.done / data.total : 1;
        onProgress(data.phase === 'read' ? share * 0.4 : 0.4 + share * 0.6, data.phase);
        return;
      }
      worker.terminate();
      if (data.type === 'failed') return reject(new Error(data.message));
      performance.mark('govpost-export-done'); // for bench/audit-browser.ts
      saveBlob(data.blob, data.fileName);
      resolve({ statement: data.meta, fileName: data.fileName, bytes: data.blob.size, meta: data.meta });
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ type: 'export', ...job } satisfies ToExportWorker);
  });
}

/** The JSON Lines export with the chain, written on the page a chunk at a time. */
export async function exportEntries(
  format: 'jsonl',
  model: LogModel,
  filter: LogFilter,
  selected: readonly LogEntry[],
  chain: ChainReport & ChainAtExport,
  extension: string,
  onProgress: (share: number) => void,
): Promise<ExportResult> {
  const plan = planExport(model, filter, selected, chain, new Date());
  let scanned = 0;
  const header = `${JSON.stringify(exportHeader(plan, filter, extension))}\n`;
  const chunks = (function* () {
    yield header;
    yield* jsonlRecordChunks(plan.records, plan.keep, CHUNK, (n) => (scanned = n));
  })();
  const blob = await writeBlob(
    chunks,
    () => scanned / Math.max(1, plan.records.length),
    onProgress,
    'application/x-ndjson;charset=utf-8',
  );
  const name = `${exportBaseName(plan.statement)}.${format}`;
  saveBlob(blob, name);
  return { statement: plan.statement, fileName: name, bytes: blob.size };
}
