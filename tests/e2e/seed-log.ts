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
