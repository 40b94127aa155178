/** A fresh in-memory IndexedDB per test, and the chain read back and verified. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { LogRecord } from '../../utils/audit/record';
import { ChainVerifier } from '../../utils/audit/verify';
import { openLogDb, scanRecords, type LogDb } from '../../utils/db';

export function memoryDb(upTo?: number, factory = new IDBFactory()): LogDb {
  return openLogDb({ name: 'govpost-audit-log-test', indexedDB: factory, IDBKeyRange, upTo });
}

export async function allRecords(db: LogDb): Promise<LogRecord[]> {
  return db.records.orderBy('seq').toArray();
}

export async function verifyDb(db: LogDb) {
  const verifier = new ChainVerifier();
  await scanRecords(db, (chunk) => verifier.push(chunk), 5);
  return verifier.finish();
}
