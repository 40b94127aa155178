/**
 * Verifies the log off the page's main thread: the worker reads the chain from the extension's
 * IndexedDB itself and runs the one verifier over it, so the page stays responsive while 200,000
 * records are re-hashed. Messages: `check` (verify what was appended since the last check; the
 * first one verifies everything) → `progress` …, then `verdict`.
 */
import { LogReader } from '../../audit/read-log';
import type { ChainReport } from '../../audit/verify';
import { openLogDb } from '../../audit/db';
import { serialQueue } from '../../utils/serial';

export type ToWorker = { type: 'check' };
export type FromWorker =
  | { type: 'progress'; verified: number }
  | { type: 'verdict'; report: ChainReport }
  | { type: 'failed'; message: string };

const reader = new LogReader(openLogDb());
// Checks run one after another: the reader continues from where the last one stopped.
const serial = serialQueue();
const post = (message: FromWorker) => postMessage(message);

onmessage = () => {
  void serial(async () => {
    try {
      await reader.read(undefined, {
        chunkSize: 5_000,
        ahead: 1,
        onVerified: (verified) => post({ type: 'progress', verified }),
      });
      post({ type: 'verdict', report: await reader.report() });
    } catch (e) {
      post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
};
