/**
 * Loading the log into the page: read-only, straight from the extension's own IndexedDB (the
 * background is the only writer). The entries can be shown as soon as they are read; the chain's
 * verdict follows when the verifier, running alongside, is through. New records are picked up by
 * polling; a retention run (records removed) reloads everything.
 */
import { LogModel } from '../../utils/audit/entries';
import { LogReader } from '../../utils/audit/read-log';
import type { ChainReport } from '../../utils/audit/verify';
import type { LogDb } from '../../utils/db';

export interface LoadedLog {
  model: LogModel;
  /** The chain's verdict on everything read so far. */
  verdict(): Promise<ChainReport>;
  /** Reads records appended since; `reload` after retention removed some. */
  refresh(): Promise<'same' | 'more' | 'reload'>;
}

const CHUNK = 5_000;

export async function loadLog(
  db: LogDb,
  onRead: (loaded: number, total: number) => void,
  onVerified: (verified: number, total: number) => void,
): Promise<LoadedLog> {
  const total = await db.records.count();
  const model = new LogModel();
  const reader = new LogReader(db);
  let loaded = 0;
  await reader.read(
    (chunk) => {
      model.add(chunk);
      loaded += chunk.length;
      onRead(loaded, Math.max(total, loaded));
      // Let the page paint the progress between chunks.
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
    { chunkSize: CHUNK, onVerified: (n) => onVerified(n, Math.max(total, loaded)) },
  );
  // Marks for the benchmarks (bench/audit-browser.ts): all read, and all verified.
  performance.mark('govpost-log-read');
  const verdict = reader.report().then((report) => {
    performance.mark('govpost-log-verified');
    return report;
  });
  return {
    model,
    verdict: () => verdict.then(() => reader.report()),
    async refresh() {
      const before = model.records.length;
      let pruned = false;
      await reader.read(
        (chunk) => {
          if (chunk.some((r) => r.type === 'retention')) pruned = true;
          model.add(chunk);
        },
        { chunkSize: CHUNK },
      );
      if (pruned) return 'reload';
      return model.records.length === before ? 'same' : 'more';
    },
  };
}
