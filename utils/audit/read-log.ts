/**
 * Reading the whole log back from the database through the one verifier, checked against the
 * head the writer last recorded. The background's daily check and the dashboard both read this
 * way; the dashboard also keeps the records (`onChunk`) to show them.
 */
import { recordedHead, scanRecords, type LogDb } from '../db';
import type { LogRecord } from './record';
import { ChainVerifier, type ChainReport } from './verify';

export async function readAndVerify(db: LogDb, onChunk?: (records: LogRecord[]) => unknown, chunkSize?: number): Promise<ChainReport> {
  // The recorded head first: records read after it include at least everything up to it.
  const verifier = new ChainVerifier({ reaches: await recordedHead(db) });
  await scanRecords(
    db,
    async (chunk) => {
      await verifier.push(chunk);
      await onChunk?.(chunk);
    },
    chunkSize,
  );
  return verifier.finish();
}
