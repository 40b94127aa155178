/**
 * Reading the log back from the database through the one verifier, checked against the head the
 * writer last recorded. Verification runs alongside the reading, in chain order: the dashboard
 * shows the entries as soon as they are read and the verdict when it is in; the background's
 * daily check lets reading run at most a chunk ahead, so it never holds the whole log.
 */
import { recordedHead, recordsAfter, type LogDb } from './db';
import type { LogRecord } from './record';
import { ChainVerifier, type ChainReport } from './verify';

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

  constructor(private readonly db: LogDb) {}

  /** Reads every record after the last one read, in order; answers how many it read. */
  async read(onChunk?: (records: LogRecord[]) => unknown, options: ReadOptions = {}): Promise<number> {
    const { chunkSize = 2_000, ahead = Infinity, onVerified } = options;
    // The recorded head first: records read after it include at least everything up to it.
    const verifier = (this.verifier ??= new ChainVerifier({ reaches: await recordedHead(this.db) }));
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

  /** The verdict on everything read so far, once its verification is done. */
  async report(): Promise<ChainReport> {
    await this.verifying;
    return (this.verifier ?? new ChainVerifier()).finish();
  }
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
