/**
 * The audit log's database, in the extension's own origin (never a page's: a content script that
 * opened IndexedDB would write into weibo.com's storage, where the page can read and delete it).
 * Only the background writes; the dashboard reads.
 *
 * Schema history. Each version stays declared forever, so a browser that skipped versions still
 * upgrades step by step. Migrations may add tables, indexes and derived data; they never rewrite
 * a chained record (that would break its hash, see audit/canonical.ts).
 *
 * | version | change |
 * | ------- | ------ |
 * | 1 | `records`: the hash chain, keyed by `seq`; indexes `time` (retention) and `attempt` (completion) |
 * | 2 | index `[type+seq]` (latest retention, storage and integrity records without a scan); table `state` with the head the writer last committed, so a cut-off tail is noticed (filled from the chain on upgrade) |
 *
 * `state` also holds, under `verified`, how far the chain was last verified (the checkpoint readers
 * resume from, see audit/read-log.ts); a new key needs no new version.
 */
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { ChainAtAnchor } from './anchor';
import type { LogRecord } from './record';
import type { VerifiedPrefix } from './verify';

export const LOG_DB_NAME = 'govpost-audit-log';

/** Bookkeeping beside the chain (not chained): `head` is the last record the writer committed. */
export interface StateRow {
  key: 'head';
  seq: number;
  hash: string;
}

/**
 * How far the chain was last verified: the record at `seq` had `hash` and everything up to it
 * verified. Not chained and kept where the log is, so it proves nothing by itself: it only spares
 * readers re-hashing what was verified already, and is re-checked against the record at `seq`
 * before use. Written by the background only (after its own daily check, or a page's verdict).
 */
export interface CheckpointRow extends VerifiedPrefix {
  key: 'verified';
}

export type LogDb = Dexie & {
  records: EntityTable<LogRecord, 'seq'>;
  state: EntityTable<StateRow | CheckpointRow, 'key'>;
};

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA: readonly SchemaVersion[] = [
  { version: 1, stores: { records: 'seq, time, attempt' } },
  {
    version: 2,
    stores: { records: 'seq, time, attempt, [type+seq]', state: 'key' },
    async upgrade(tx) {
      const last = (await tx.table('records').orderBy('seq').last()) as LogRecord | undefined;
      if (last) await tx.table('state').put({ key: 'head', seq: last.seq, hash: last.hash } satisfies StateRow);
    },
  },
];

export const LATEST_VERSION = SCHEMA.reduce((v, s) => Math.max(v, s.version), 0);

export interface OpenOptions extends Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> {
  name?: string;
  /** Declare only the versions up to this one (tests build old databases with it). */
  upTo?: number;
}

export function openLogDb(options: OpenOptions = {}): LogDb {
  const { name = LOG_DB_NAME, upTo = LATEST_VERSION, ...idb } = options;
  // Write-ahead means the attempt must be on disk before the post may go: ask Chrome to flush.
  const db = new Dexie(name, { ...idb, chromeTransactionDurability: 'strict' }) as LogDb;
  for (const step of SCHEMA) {
    if (step.version > upTo) break;
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  return db;
}

/** The last record of the chain, if any. */
export function lastRecord(db: LogDb): Promise<LogRecord | undefined> {
  return db.records.orderBy('seq').last();
}

/** Up to `limit` records after `afterSeq`, in chain order: how readers page through the log. */
export function recordsAfter(db: LogDb, afterSeq: number, limit: number): Promise<LogRecord[]> {
  return db.records.where('seq').above(afterSeq).limit(limit).toArray();
}

/** The latest record of a type (retention, storage, integrity), if any. */
export function latestOfType<T extends LogRecord['type']>(
  db: LogDb,
  type: T,
): Promise<Extract<LogRecord, { type: T }> | undefined> {
  return db.records.where('[type+seq]').between([type, Dexie.minKey], [type, Dexie.maxKey]).last() as Promise<
    Extract<LogRecord, { type: T }> | undefined
  >;
}

/** The head the writer last committed (see version 2). */
export async function recordedHead(db: LogDb): Promise<{ seq: number; hash: string } | undefined> {
  const row = await db.state.get('head');
  return row && { seq: row.seq, hash: row.hash };
}

/** The newest `limit` records, in chain order: the first screen of a reader, without the rest. */
export async function lastRecords(db: LogDb, limit: number): Promise<LogRecord[]> {
  return (await db.records.orderBy('seq').reverse().limit(limit).toArray()).reverse();
}

/** How far the chain was last verified, if it was (see CheckpointRow). */
export async function verifiedCheckpoint(db: LogDb): Promise<VerifiedPrefix | undefined> {
  const row = await db.state.get('verified');
  if (row?.key !== 'verified') return undefined;
  const { key: _, ...prefix } = row;
  return prefix;
}

/** Moves the checkpoint (`undefined` removes it: the next reader verifies from the start). */
export async function saveCheckpoint(db: LogDb, prefix: VerifiedPrefix | undefined): Promise<void> {
  if (prefix) await db.state.put({ key: 'verified', ...prefix });
  else await db.state.delete('verified');
}

/** The records of one attempt: the attempt itself and, once completed, its outcome. */
export function recordsOfAttempt(db: LogDb, attempt: string): Promise<LogRecord[]> {
  return db.records.where('attempt').equals(attempt).sortBy('seq');
}

/**
 * Reads the chain in order, a chunk at a time (the dashboard and the background's checks);
 * `onChunk` returns `false` to stop early.
 */
export async function scanRecords(
  db: LogDb,
  onChunk: (records: LogRecord[]) => unknown,
  chunkSize = 2_000,
): Promise<void> {
  let after = 0;
  for (;;) {
    const chunk = await recordsAfter(db, after, chunkSize);
    const last = chunk.at(-1);
    if (!last) return;
    if ((await onChunk(chunk)) === false) return;
    after = last.seq;
  }
}

/**
 * What the chain says at each of these anchors' seqs (see audit/anchor.ts): head, that record,
 * retention. The head and the latest retention record are read once for all of them.
 */
export async function chainAtSeqs(db: LogDb, seqs: readonly number[]): Promise<Map<number, ChainAtAnchor>> {
  const unique = [...new Set(seqs)];
  if (unique.length === 0) return new Map();
  const stored = unique.filter((seq) => seq > 0);
  const [last, records, retention] = await Promise.all([
    lastRecord(db),
    db.records.bulkGet(stored),
    latestOfType(db, 'retention'),
  ]);
  const bySeq = new Map(stored.map((seq, i) => [seq, records[i]]));
  const at = (seq: number): ChainAtAnchor => {
    const atSeq = bySeq.get(seq);
    return {
      head: last && { seq: last.seq, hash: last.hash },
      atSeq: atSeq && { seq: atSeq.seq, hash: atSeq.hash },
      prunedThrough: retention?.prunedThrough ?? 0,
      prunedAnchorHash: retention?.prunedThrough === seq ? retention.anchor : undefined,
    };
  };
  return new Map(unique.map((seq) => [seq, at(seq)]));
}

/** What the chain says at one anchor's seq (see chainAtSeqs). */
export async function chainAt(db: LogDb, seq: number): Promise<ChainAtAnchor> {
  return (await chainAtSeqs(db, [seq])).get(seq)!;
}
