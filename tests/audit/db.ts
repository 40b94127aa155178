/** A fresh in-memory IndexedDB per test, and the chain read back and verified. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { LogRecord } from '../../audit/record';
import { readAndVerify } from '../../audit/read-log';
import { openLogDb, type LogDb } from '../../audit/db';

export function memoryDb(upTo?: number, factory = new IDBFactory()): LogDb {
  return openLogDb({ name: 'govpost-audit-log-test', indexedDB: factory, IDBKeyRange, upTo });
}

export async function allRecords(db: LogDb): Promise<LogRecord[]> {
  return db.records.orderBy('seq').toArray();
}

/** Reads and verifies in small chunks, so chunk boundaries are exercised too. */
export function verifyDb(db: LogDb) {
  return readAndVerify(db, undefined, 5);
}
