import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../entrypoints/background/audit-log';
import type { RecordBody, StorageRecord } from '../../audit/record';
import { LATEST_VERSION, latestOfType, recordedHead, SCHEMA } from '../../audit/db';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { allRecords, memoryDb, verifyDb } from './db';
import { attemptBody, attemptStart, buildChain, outcomeBody } from './fixtures';

const storageBody: RecordBody<StorageRecord> = {
  type: 'storage',
  time: '2026-02-01T00:00:00.000Z',
  level: 'warning',
  usage: 900,
  quota: 1000,
};

async function oldChain() {
  const a = attemptBody();
  const b = attemptBody({
    platform: 'wechat',
    kind: 'article',
    page: 'article-editor',
    url: 'https://mp.weixin.qq.com/cgi-bin/appmsg',
  });
  return buildChain([a, outcomeBody(a.attempt, 'published'), storageBody, b]);
}

describe('schema migrations', () => {
  it('declares versions in order, each once', () => {
    expect(SCHEMA.map((s) => s.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  for (const from of SCHEMA.map((s) => s.version).filter((v) => v < LATEST_VERSION)) {
    it(`upgrades a log written at version ${from} to version ${LATEST_VERSION} without touching a record`, async () => {
      const factory = new IDBFactory();
      const chain = await oldChain();
      const old = memoryDb(from, factory);
      await old.records.bulkAdd(structuredClone(chain));
      expect(old.verno).toBe(from);
      old.close();

      const db = memoryDb(undefined, factory);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      expect(await allRecords(db)).toEqual(chain);
      // Version 2: the head is known, and records are found by type.
      expect(await recordedHead(db)).toEqual({ seq: 4, hash: chain[3]!.hash });
      expect(await latestOfType(db, 'storage')).toMatchObject({ seq: 3, level: 'warning' });
      expect((await verifyDb(db)).ok).toBe(true);

      // The writer carries on from the old chain: the pending WeChat attempt can still be completed.
      const log = createAuditLog({ db, settings: async () => DEFAULT_SETTINGS, extensionVersion: '0.2.0' });
      const wechat = { url: 'https://mp.weixin.qq.com/cgi-bin/appmsg' };
      await log.completeAttempt(
        { id: chain[3]!.type === 'attempt' ? chain[3]!.attempt : '', decision: 'cancelled' },
        wechat,
      );
      await log.logAttempt(attemptStart(), { url: 'https://weibo.com/' });
      expect(await verifyDb(db)).toMatchObject({ ok: true, records: 6, attempts: 3 });
      db.close();
    });

    it(`upgrades an empty log from version ${from}`, async () => {
      const factory = new IDBFactory();
      const old = memoryDb(from, factory);
      await old.open();
      old.close();
      const db = memoryDb(undefined, factory);
      expect(await recordedHead(db)).toBeUndefined();
      expect((await verifyDb(db)).ok).toBe(true);
      db.close();
    });
  }
});
