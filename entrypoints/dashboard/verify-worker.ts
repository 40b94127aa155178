/**
 * Verifies the log off the page's main thread: the worker reads the chain from the extension's
 * IndexedDB itself and runs the one verifier over it, so the page stays responsive while 200,000
 * records are re-hashed. Messages:
 * - `check`: verify what was appended since the last check. The first one resumes after the
 *   database's checkpoint (audit/read-log.ts resumePoint), so only what was added since the chain
 *   was last verified is re-hashed; without a usable checkpoint it verifies from the start.
 * - `full`: verify the whole chain again from its start, whatever the checkpoint says; later
 *   checks continue from there.
 * Each answers `progress` …, then `verdict` (or `failed`).
 */
import { LogReader, resumePoint, withBreak } from '../../audit/read-log';
import type { BrokenLink, ChainReport } from '../../audit/verify';
import { openLogDb } from '../../audit/db';
import { serialQueue } from '../../utils/serial';

export type ToWorker = { type: 'check' | 'full' };
export type FromWorker =
  /** `verified` of `total` records this check has to re-hash; `full`: from the chain's start. */
  | { type: 'progress'; verified: number; total: number; full: boolean }
  | { type: 'verdict'; report: ChainReport; full: boolean }
  | { type: 'failed'; message: string };

const db = openLogDb();
let reader: { log: LogReader; full: boolean; mismatch?: BrokenLink } | undefined;
// Checks run one after another: the reader continues from where the last one stopped.
const serial = serialQueue();
const post = (message: FromWorker) => postMessage(message);

onmessage = ({ data }: MessageEvent<ToWorker>) => {
  void serial(async () => {
    try {
      if (data.type === 'full' || !reader) {
        const point = data.type === 'full' ? {} : await resumePoint(db);
        reader = { log: new LogReader(db, point.after), full: !point.after, mismatch: point.mismatch };
      }
      const { log, full, mismatch } = reader;
      const before = log.verifiedSoFar;
      const total = await db.records.where('seq').above(log.position).count();
      post({ type: 'progress', verified: 0, total, full });
      await log.read(undefined, {
        chunkSize: 5_000,
        ahead: 1,
        onVerified: (verified) => post({ type: 'progress', verified: verified - before, total, full }),
      });
      post({ type: 'verdict', report: withBreak(await log.report(), mismatch), full });
    } catch (e) {
      post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
};
