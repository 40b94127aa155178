/**
 * Reading the log back from the database through the one verifier, checked against the head the
 * writer last recorded. Verification runs alongside the reading, in chain order: the dashboard
 * shows the entries as soon as they are read and the verdict when it is in; the background's
 * daily check lets reading run at most a chunk ahead, so it never holds the whole log.
 */
import { recordedHead, recordsAfter, verifiedCheckpoint, type LogDb } from './db';
import type { LogRecord } from './record';
import { localDateTime } from './export-csv';
import { ChainVerifier, type BrokenLink, type ChainReport, type VerifiedPrefix } from './verify';

export interface ReadOptions {
  chunkSize?: number;
  /** How many chunks reading may run ahead of verification (memory bound). Default: unbounded. */
  ahead?: number;
  /** Called as chunks are verified, with the number of records verified so far. */
  onVerified?: (records: number) => void;
}

export class LogReader {
  private verifier: ChainVerifier | undefined;
  private verifying: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private lastSeq = 0;
  private verified = 0;

  /** `after`: a prefix verified earlier (see resumePoint): reading and verifying start after it. */
  constructor(
    private readonly db: LogDb,
    private readonly after?: VerifiedPrefix,
  ) {
    this.lastSeq = after?.seq ?? 0;
  }

  /** Reads every record after the last one read, in order; answers how many it read. */
  async read(onChunk?: (records: LogRecord[]) => unknown, options: ReadOptions = {}): Promise<number> {
    const { chunkSize = 2_000, ahead = Infinity, onVerified } = options;
    // The recorded head first: records read after it include at least everything up to it.
    const verifier = (this.verifier ??= new ChainVerifier({ reaches: await recordedHead(this.db), after: this.after }));
    let read = 0;
    for (;;) {
      const chunk = await recordsAfter(this.db, this.lastSeq, chunkSize);
      const last = chunk.at(-1);
      if (!last) return read;
      this.lastSeq = last.seq;
      read += chunk.length;
      this.inFlight++;
      this.verifying = this.verifying.then(async () => {
        await verifier.push(chunk);
        this.inFlight--;
        this.verified += chunk.length;
        onVerified?.(this.verified);
      });
      await onChunk?.(chunk);
      if (this.inFlight > ahead) await this.verifying;
    }
  }

  /** The last seq read, and how many records were verified so far. */
  get position(): number {
    return this.lastSeq;
  }
  get verifiedSoFar(): number {
    return this.verified;
  }

  /** The verdict on everything read so far, once its verification is done. */
  async report(): Promise<ChainReport> {
    await this.verifying;
    return (this.verifier ?? new ChainVerifier()).finish();
  }
}

/**
 * Where verification may resume: the database's checkpoint, if the record at its seq still has
 * the hash it had then. If that record was rewritten (and the chain rehashed, or its hash would
 * not link), `mismatch` says so and verification must start over; if it is gone (pruned, or the
 * tail cut off), there is nothing to resume from.
 */
export async function resumePoint(db: LogDb): Promise<{ after?: VerifiedPrefix; mismatch?: BrokenLink }> {
  const checkpoint = await verifiedCheckpoint(db);
  if (!checkpoint) return {};
  const record = await db.records.get(checkpoint.seq);
  if (!record) return {};
  if (record.hash === checkpoint.hash) return { after: checkpoint };
  return {
    mismatch: {
      kind: 'link',
      seq: checkpoint.seq,
      reason: `序号 ${checkpoint.seq} 的哈希与 ${localDateTime(checkpoint.time)} 校验时记下的不符：此前的记录被改写后重新计算过哈希`,
    },
  };
}

/** A report with a break found outside the verifier (a checkpoint that no longer matches) first. */
export function withBreak(report: ChainReport, link: BrokenLink | undefined): ChainReport {
  if (!link) return report;
  return { ...report, ok: false, broken: [link, ...report.broken], brokenTotal: report.brokenTotal + 1 };
}

/** Reads and verifies the whole log once, holding at most two chunks. */
export async function readAndVerify(
  db: LogDb,
  onChunk?: (records: LogRecord[]) => unknown,
  chunkSize?: number,
): Promise<ChainReport> {
  const reader = new LogReader(db);
  await reader.read(onChunk, { chunkSize, ahead: 1 });
  return reader.report();
}
