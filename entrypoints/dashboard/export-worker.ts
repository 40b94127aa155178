/**
 * Writes the table exports (CSV, Excel) off the page's main thread. The worker reads the log from
 * the extension's IndexedDB itself, up to the record the page had when the export began (one
 * snapshot, whatever is appended meanwhile), applies the page's filter with the same code, and
 * streams the file into Blob parts, reporting progress. The page never holds the file as a string
 * and never stops answering. The Excel writer (and fflate) are in this worker's script alone,
 * which is fetched only when an export starts.
 *
 * Messages: `export` → `progress` …, then `done` (the file and its metadata) or `failed`.
 */
import { recordsAfter, openLogDb } from '../../audit/db';
import { LogModel } from '../../audit/entries';
import { EXPORT_COLUMNS } from '../../audit/export-columns';
import { csvChunks } from '../../audit/export-csv';
import { exportBaseName, exportMeta, type ExportMeta } from '../../audit/export-meta';
import { planExport, type ChainAtExport } from '../../audit/export-plan';
import { writeXlsx, XLSX_TYPE } from '../../audit/export-xlsx';
import { filterEntries, type LogFilter } from '../../audit/filter';

export type TableFormat = 'csv' | 'xlsx';

export type ToExportWorker = {
  type: 'export';
  format: TableFormat;
  filter: LogFilter;
  /** The last record the page had read: the export is of the log up to it. */
  through: number;
  chain: ChainAtExport;
  extension: string;
  mask: boolean;
};

export type FromExportWorker =
  | { type: 'progress'; phase: 'read' | 'write'; done: number; total: number }
  | { type: 'done'; blob: Blob; fileName: string; meta: ExportMeta }
  | { type: 'failed'; message: string };

const post = (m: FromExportWorker) => postMessage(m);
const CHUNK = 5_000;

async function readThrough(through: number): Promise<LogModel> {
  const db = openLogDb();
  try {
    const model = new LogModel();
    let after = 0;
    while (after < through) {
      const chunk = (await recordsAfter(db, after, CHUNK)).filter((r) => r.seq <= through);
      if (chunk.length === 0) break;
      model.add(chunk);
      after = chunk[chunk.length - 1]!.seq;
      post({ type: 'progress', phase: 'read', done: after, total: through });
    }
    return model;
  } finally {
    db.close();
  }
}

async function run(job: ToExportWorker): Promise<void> {
  const model = await readThrough(job.through);
  const selected = filterEntries(model.entries, job.filter);
  const plan = planExport(model, job.filter, selected, job.chain, new Date());
  const fileName = `${exportBaseName(plan.statement)}.${job.format}`;
  const meta = exportMeta(plan.statement, job.filter, {
    file: fileName,
    extension: job.extension,
    columns: EXPORT_COLUMNS.map((c) => c.header),
    masked: job.mask,
  });
  const parts: BlobPart[] = [];
  const progress = (done: number) => post({ type: 'progress', phase: 'write', done, total: selected.length });
  let blob: Blob;
  if (job.format === 'xlsx') {
    await writeXlsx(selected, meta, (piece) => parts.push(piece as Uint8Array<ArrayBuffer>), {
      mask: job.mask,
      onProgress: progress,
    });
    blob = new Blob(parts, { type: XLSX_TYPE });
  } else {
    let rows = 0;
    for (const chunk of csvChunks(selected, { mask: job.mask }, 2_000)) {
      parts.push(chunk);
      rows = Math.min(selected.length, rows + 2_000);
      progress(rows);
    }
    blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
  }
  post({ type: 'done', blob, fileName, meta });
}

onmessage = ({ data }: MessageEvent<ToExportWorker>) => {
  run(data).catch((e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
};
