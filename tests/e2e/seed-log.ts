/**
 * Puts chained records straight into the extension's IndexedDB from one of its pages, as if the
 * background had written them (records chained in Node beforehand), for dashboard tests and
 * benchmarks that need a log of a given shape or size.
 */
import type { Page } from 'playwright-core';
import type { LogRecord } from '../../audit/record';
import { logStatus } from './harness';

export async function seedLog(page: Page, records: readonly LogRecord[]): Promise<void> {
  // Let the background create (and migrate) the database first.
  const status = await logStatus(page);
  if (typeof status === 'string') throw new Error(`后台没有回答日志状态：${status}`);
  for (let i = 0; i < records.length; i += 10_000) {
    const chunk = records.slice(i, i + 10_000);
    const last = chunk.at(-1)!;
    await inLogDb(page, [
      ...chunk.map((value): StoreOp => ({ op: 'put', store: 'records', value })),
      { op: 'put', store: 'state', value: { key: 'head', seq: last.seq, hash: last.hash } },
    ]);
  }
}

type StoreOp =
  | { op: 'get'; store: 'records' | 'state'; key: IDBValidKey }
  | { op: 'put'; store: 'records' | 'state'; value: unknown }
  | { op: 'delete'; store: 'records' | 'state'; key: IDBValidKey };

/**
 * Gets, puts and deletes on the log's IndexedDB, in order and in one transaction, from an
 * extension page (as by hand); answers what each get found.
 */
function inLogDb(page: Page, ops: readonly StoreOp[]): Promise<unknown[]> {
  return page.evaluate(
    (json) =>
      new Promise<unknown[]>((resolve, reject) => {
        const list = JSON.parse(json) as StoreOp[];
        const open = indexedDB.open('govpost-audit-log');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...new Set(list.map((o) => o.store))], 'readwrite');
          const results: unknown[] = [];
          list.forEach((o, i) => {
            const store = tx.objectStore(o.store);
            if (o.op === 'put') store.put(o.value);
            else if (o.op === 'delete') store.delete(o.key);
            else {
              const request = store.get(o.key);
              request.onsuccess = () => (results[i] = request.result);
            }
          });
          tx.oncomplete = () => (db.close(), resolve(results));
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        };
      }),
    JSON.stringify(ops),
  );
}

/** Changes fields of one stored record in place, its hash left as it was (tampering by hand). */
export async function editRecord(page: Page, seq: number, patch: Record<string, unknown>): Promise<void> {
  const [record] = (await inLogDb(page, [{ op: 'get', store: 'records', key: seq }])) as [Record<string, unknown>];
  await inLogDb(page, [{ op: 'put', store: 'records', value: { ...record, ...patch } }]);
}

/** Puts a stored record back as it was. */
export async function putRecord(page: Page, record: LogRecord): Promise<void> {
  await inLogDb(page, [{ op: 'put', store: 'records', value: record }]);
}

/** The checkpoint readers resume after (audit/db.ts CheckpointRow), if any. */
export async function checkpoint(page: Page): Promise<{ seq: number; hash: string; fullTime: string } | undefined> {
  const [row] = await inLogDb(page, [{ op: 'get', store: 'state', key: 'verified' }]);
  return row as { seq: number; hash: string; fullTime: string } | undefined;
}

/** Removes the checkpoint, as on a log no one has verified yet. */
export async function dropCheckpoint(page: Page): Promise<void> {
  await inLogDb(page, [{ op: 'delete', store: 'state', key: 'verified' }]);
}
