/**
 * Loading the log into the page: read-only, straight from the extension's own IndexedDB (the
 * background is the only writer). The newest records come first, read backwards through the
 * chain's key, so the table's first screen shows at once however long the log is; the whole log
 * is read behind it (filters, counts, exports and charts need all of it) and replaces that first
 * page when it is in. A worker verifies the chain meanwhile (verify-worker.ts), only what was
 * added since the last verified checkpoint. New records are picked up by polling; a retention
 * run (records removed) reloads everything.
 */
import { chainRecords } from '../../audit/chain-verdict';
import { LogModel } from '../../audit/entries';
import type { ChainReport } from '../../audit/verify';
import { lastRecords, recordsAfter, type LogDb } from '../../audit/db';
import { sendMessage } from '../../utils/messaging';
import type { FromWorker, ToWorker } from './verify-worker';
import VerifyWorker from './verify-worker?worker';

export interface LoadedLog {
  /** The newest records first (`complete` false), then the whole log. */
  readonly model: LogModel;
  readonly complete: boolean;
  /** Reads records appended since; `reload` after retention removed some. Only once complete. */
  refresh(): Promise<'same' | 'more' | 'reload'>;
  /** Asks the worker to verify what was read since its last check, or (`full`) all of it again. */
  verify(full?: boolean): void;
  close(): void;
}

export interface LoadEvents {
  onRead(loaded: number, total: number): void;
  /** The whole log is read: `model` now holds all of it. */
  onComplete(): void;
  /** `verified` of the `total` records this check re-hashes; `full`: from the chain's start. */
  onVerified(verified: number, total: number, full: boolean): void;
  onVerdict(report: ChainReport, full: boolean): void;
  onFailure(message: string): void;
}

/** Records in the first page: a few hundred attempts, more than a screen and the detail pane need. */
const FIRST_PAGE = 1_000;
const CHUNK = 5_000;

export async function loadLog(db: LogDb, events: LoadEvents): Promise<LoadedLog> {
  const newest = await lastRecords(db, FIRST_PAGE);
  const first = new LogModel();
  first.add(newest);
  const oldest = newest[0]?.seq ?? 0;
  // A log that fits the first page (or starts at it) is complete already.
  const before = oldest > 1 ? await db.records.where('seq').below(oldest).count() : 0;
  performance.mark('govpost-log-first-page'); // for bench/audit-browser.ts

  let model = first;
  let complete = before === 0;
  let last = newest.at(-1)?.seq ?? 0;
  let closed = false;

  const worker = new VerifyWorker();
  const post = (message: ToWorker) => worker.postMessage(message);
  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    if (data.type === 'progress') events.onVerified(data.verified, data.total, data.full);
    else if (data.type === 'verdict') {
      performance.mark('govpost-log-verified'); // for bench/audit-browser.ts
      events.onVerdict(data.report, data.full);
      noteVerified(data.report, data.full);
    } else events.onFailure(`校验失败：${data.message}`);
  };
  post({ type: 'check' });

  /** Reads every record after `last` into `into`; answers whether a retention run was among them. */
  async function readMore(into: LogModel, onChunk?: () => void): Promise<boolean> {
    let pruned = false;
    for (;;) {
      const chunk = await recordsAfter(db, last, CHUNK);
      const end = chunk.at(-1);
      if (!end || closed) return pruned;
      if (chunk.some((r) => r.type === 'retention')) pruned = true;
      into.add(chunk);
      last = end.seq;
      onChunk?.();
    }
  }

  if (complete) performance.mark('govpost-log-read');
  else {
    // Behind the first screen: the whole log, from its start, into a model of its own.
    void (async () => {
      const whole = new LogModel();
      const total = before + newest.length;
      last = 0;
      await readMore(whole, () => events.onRead(whole.records.length, Math.max(total, whole.records.length)));
      if (closed) return;
      model = whole;
      complete = true;
      performance.mark('govpost-log-read'); // for bench/audit-browser.ts
      events.onComplete();
    })().catch((e: unknown) => events.onFailure(`无法读取日志：${e instanceof Error ? e.message : String(e)}`));
  }

  return {
    get model() {
      return model;
    },
    get complete() {
      return complete;
    },
    async refresh() {
      if (!complete) return 'same';
      const count = model.records.length;
      if (await readMore(model)) return 'reload';
      return model.records.length === count ? 'same' : 'more';
    },
    verify: (full = false) => post({ type: full ? 'full' : 'check' }),
    close() {
      closed = true;
      worker.terminate();
    },
  };
}

/**
 * Tells the background how far the chain verified, so the next reader resumes there (or, after a
 * failed full verification, starts over). Best effort: without it the next load verifies more.
 */
function noteVerified(report: ChainReport, full: boolean): void {
  void sendMessage('noteChainVerified', {
    ok: report.ok,
    full,
    head: report.head && report.head.seq > 0 ? { seq: report.head.seq, hash: report.head.hash } : undefined,
    records: chainRecords(report),
    attempts: (report.resumedFrom?.attempts ?? 0) + report.attempts,
  }).catch(() => undefined);
}
