/**
 * Loading the log into the page: read-only, straight from the extension's own IndexedDB (the
 * background is the only writer), verified while it is read, a chunk at a time so the page shows
 * progress. New records are picked up by polling; a retention run (records removed) reloads all.
 */
import { LogModel } from '../../utils/audit/entries';
import { LogReader } from '../../utils/audit/read-log';
import type { ChainReport } from '../../utils/audit/verify';
import type { LogDb } from '../../utils/db';

export interface LoadedLog {
  model: LogModel;
  report: ChainReport;
  /** Reads records appended since; answers whether anything changed, or `reload` after retention. */
  refresh(): Promise<'same' | 'more' | 'reload'>;
}

const CHUNK = 5_000;

export async function loadLog(db: LogDb, onProgress: (loaded: number, total: number) => void): Promise<LoadedLog> {
  const total = await db.records.count();
  const model = new LogModel();
  const reader = new LogReader(db);
  let loaded = 0;
  const log: LoadedLog = {
    model,
    report: await reader.read((chunk) => {
      model.add(chunk);
      loaded += chunk.length;
      onProgress(loaded, Math.max(total, loaded));
      // Let the page paint the progress between chunks.
      return new Promise((resolve) => setTimeout(resolve, 0));
    }, CHUNK),
    async refresh() {
      const before = model.records.length;
      let pruned = false;
      log.report = await reader.read((chunk) => {
        if (chunk.some((r) => r.type === 'retention')) pruned = true;
        model.add(chunk);
      }, CHUNK);
      if (pruned) return 'reload';
      return model.records.length === before ? 'same' : 'more';
    },
  };
  return log;
}
