/**
 * The durable outbox for the city's collector: its own IndexedDB database in the extension's
 * origin (`govpost-collector`), apart from the log, so the log's schema is untouched and a wiped
 * log does not take its un-uploaded entries with it.
 *
 * | table    | rows |
 * | -------- | ---- |
 * | `outbox` | upload entries waiting to be sent, in commit order (auto-increment key) |
 * | `device` | per collector URL: device id, unit, the key pair (non-extractable private key), the batch counter |
 * | `state`  | `queued`: the last log record put in the outbox, so a restart enqueues what it missed |
 * | `refused`| entries the collector refused for their content (422), with its words: kept, never resent |
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Head } from '../../audit/chain';
import type { UploadEntry } from '../../fleet-protocol/upload';

export const OUTBOX_DB_NAME = 'govpost-collector';

export interface OutboxRow {
  id?: number;
  entry: UploadEntry;
}

export interface DeviceRow {
  url: string;
  deviceId: string;
  unit: string;
  keys: CryptoKeyPair;
  /** The last batch counter used (each send, retries included, uses the next one). */
  counter: number;
  enrolledAt: string;
}

export interface RefusedRow {
  id?: number;
  entry: UploadEntry;
  /** The collector's words. */
  error: string;
  at: string;
}

export interface StateRow {
  key: 'queued';
  head: Head;
}

export type OutboxDb = Dexie & {
  outbox: EntityTable<OutboxRow, 'id'>;
  device: EntityTable<DeviceRow, 'url'>;
  state: EntityTable<StateRow, 'key'>;
  refused: EntityTable<RefusedRow, 'id'>;
};

export function openOutboxDb(
  options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> & { name?: string } = {},
): OutboxDb {
  const { name = OUTBOX_DB_NAME, ...idb } = options;
  const db = new Dexie(name, { ...idb, chromeTransactionDurability: 'strict' }) as OutboxDb;
  db.version(1).stores({ outbox: '++id', device: 'url', state: 'key' });
  db.version(2).stores({ refused: '++id' });
  return db;
}
