/**
 * Puts chained records straight into the extension's IndexedDB from one of its pages, as if the
 * background had written them (records chained in Node beforehand), for dashboard tests and
 * benchmarks that need a log of a given shape or size.
 */
import type { Page } from 'playwright-core';
import type { LogRecord } from '../../audit/record';

export async function seedLog(page: Page, records: readonly LogRecord[]): Promise<void> {
  // Let the background create (and migrate) the database first.
  await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ govpost: 'getLogStatus', data: {} }),
  );
  for (let i = 0; i < records.length; i += 10_000) {
    const chunk = JSON.stringify(records.slice(i, i + 10_000));
    await page.evaluate(
      (json) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('govpost-audit-log');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['records', 'state'], 'readwrite');
            const list = JSON.parse(json) as { seq: number; hash: string }[];
            for (const r of list) tx.objectStore('records').put(r);
            const last = list[list.length - 1]!;
            tx.objectStore('state').put({ key: 'head', seq: last.seq, hash: last.hash });
            tx.oncomplete = () => (db.close(), resolve());
            tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
          };
        }),
      chunk,
    );
  }
}

type StoreOp =
  | { op: 'get'; store: 'records' | 'state'; key: IDBValidKey }
  | { op: 'put'; store: 'records' | 'state'; value: unknown }
  | { op: 'delete'; store: 'records' | 'state'; key: IDBValidKey };

/** One get, put or delete on the log's IndexedDB, from an extension page (as by hand). */
function inLogDb(page: Page, op: StoreOp): Promise<unknown> {
  return page.evaluate(
    (json) =>
      new Promise((resolve, reject) => {
        const o = JSON.parse(json) as StoreOp;
        const open = indexedDB.open('govpost-audit-log');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(o.store, 'readwrite');
          const store = tx.objectStore(o.store);
          const request = o.op === 'get' ? store.get(o.key) : o.op === 'put' ? store.put(o.value) : store.delete(o.key);
          let result: unknown;
          request.onsuccess = () => (result = request.result);
          tx.oncomplete = () => (db.close(), resolve(result));
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        };
      }),
    JSON.stringify(op),
  );
}

/** Changes fields of one stored record in place, its hash left as it was (tampering by hand). */
export async function editRecord(page: Page, seq: number, patch: Record<string, unknown>): Promise<void> {
  const record = (await inLogDb(page, { op: 'get', store: 'records', key: seq })) as Record<string, unknown>;
  await inLogDb(page, { op: 'put', store: 'records', value: { ...record, ...patch } });
}

/** Puts a stored record back as it was. */
export async function putRecord(page: Page, record: LogRecord): Promise<void> {
  await inLogDb(page, { op: 'put', store: 'records', value: record });
}

/** The checkpoint readers resume after (audit/db.ts CheckpointRow), if any. */
export async function checkpoint(page: Page): Promise<{ seq: number; hash: string; fullTime: string } | undefined> {
  return (await inLogDb(page, { op: 'get', store: 'state', key: 'verified' })) as
    { seq: number; hash: string; fullTime: string } | undefined;
}

/** Removes the checkpoint, as on a log no one has verified yet. */
export async function dropCheckpoint(page: Page): Promise<void> {
  await inLogDb(page, { op: 'delete', store: 'state', key: 'verified' });
}
