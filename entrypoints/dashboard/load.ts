/**
 * Loading the log into the page: read-only, straight from the extension's own IndexedDB (the
 * background is the only writer). The page reads the records to show them; a worker reads them
 * too and verifies the chain (verify-worker.ts), so the table appears as soon as the records are
 * in and the verdict follows without blocking the page. New records are picked up by polling; a
 * retention run (records removed) reloads everything.
 */
import { LogModel } from '../../audit/entries';
import type { ChainReport } from '../../audit/verify';
import { recordsAfter, type LogDb } from '../../audit/db';
import type { FromWorker } from './verify-worker';
import VerifyWorker from './verify-worker?worker';

export interface LoadedLog {
  model: LogModel;
  /** Reads records appended since; `reload` after retention removed some. */
  refresh(): Promise<'same' | 'more' | 'reload'>;
  /** Asks the worker to verify what was read since its last check. */
  verify(): void;
  close(): void;
}

export interface LoadEvents {
  onRead(loaded: number, total: number): void;
  onVerified(verified: number, total: number): void;
  onVerdict(report: ChainReport): void;
  onFailure(message: string): void;
}

const CHUNK = 5_000;

export async function loadLog(db: LogDb, events: LoadEvents): Promise<LoadedLog> {
  const total = await db.records.count();
  const worker = new VerifyWorker();
  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    if (data.type === 'progress') events.onVerified(data.verified, Math.max(total, model.records.length));
    else if (data.type === 'verdict') {
      performance.mark('govpost-log-verified'); // for bench/audit-browser.ts
      events.onVerdict(data.report);
    } else events.onFailure(`校验失败：${data.message}`);
  };

  const model = new LogModel();
  let last = 0;
  /** Reads every record after the last one read; answers whether a retention run was among them. */
  async function readMore(onChunk?: () => void): Promise<boolean> {
    let pruned = false;
    for (;;) {
      const chunk = await recordsAfter(db, last, CHUNK);
      const end = chunk.at(-1);
      if (!end) return pruned;
      if (chunk.some((r) => r.type === 'retention')) pruned = true;
      model.add(chunk);
      last = end.seq;
      onChunk?.();
    }
  }
  await readMore(() => events.onRead(model.records.length, Math.max(total, model.records.length)));
  performance.mark('govpost-log-read');
  // Only now: reading the same records at the same time would slow the page's own reading down.
  worker.postMessage({ type: 'check' });

  return {
    model,
    async refresh() {
      const before = model.records.length;
      if (await readMore()) return 'reload';
      return model.records.length === before ? 'same' : 'more';
    },
    verify: () => worker.postMessage({ type: 'check' }),
    close: () => worker.terminate(),
  };
}
