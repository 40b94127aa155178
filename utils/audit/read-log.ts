/**
 * Reading the log back from the database through the one verifier, checked against the head the
 * writer last recorded. The background's daily check and the dashboard both read this way; the
 * dashboard keeps its reader to pick up records appended later (`read` again continues).
 */
import { recordedHead, recordsAfter, type LogDb } from '../db';
import type { LogRecord } from './record';
import { ChainVerifier, type ChainReport } from './verify';

export class LogReader {
  private verifier: ChainVerifier | undefined;
  private lastSeq = 0;

  constructor(private readonly db: LogDb) {}

  /** Reads and verifies every record after the last one read; `onChunk` sees them in order. */
  async read(onChunk?: (records: LogRecord[]) => unknown, chunkSize = 2_000): Promise<ChainReport> {
    // The recorded head first: records read after it include at least everything up to it.
    this.verifier ??= new ChainVerifier({ reaches: await recordedHead(this.db) });
    for (;;) {
      const chunk = await recordsAfter(this.db, this.lastSeq, chunkSize);
      if (chunk.length === 0) break;
      await this.verifier.push(chunk);
      await onChunk?.(chunk);
      this.lastSeq = chunk[chunk.length - 1].seq;
    }
    return this.verifier.finish();
  }
}

/** Reads and verifies the whole log once. */
export function readAndVerify(db: LogDb, onChunk?: (records: LogRecord[]) => unknown, chunkSize?: number): Promise<ChainReport> {
  return new LogReader(db).read(onChunk, chunkSize);
}
