/**
 * A collector for tests: the embedded PostgreSQL (PGlite, in memory) or, when
 * `COLLECTOR_TEST_DATABASE_URL` is set, a real server (a fresh schema per run); and devices that
 * enroll and sign batches exactly as the extension does (WebCrypto ECDSA P-256).
 */
import { linkRecord, type Head } from '../../audit/chain';
import type { LogRecord, RecordBody } from '../../audit/record';
import { openDatabase, type Database } from '../../collector/db/database';
import { migrate } from '../../collector/db/migrations';
import { createCode, enrollDevice } from '../../collector/enrollment';
import { ingestBatch } from '../../collector/ingest';
import { newDeviceKeys, publicJwk, signBody } from '../../entrypoints/background/device-key';
import { toUploadEntry, type CollectorText, type UploadEntry } from '../../fleet-protocol/upload';
import { attemptStart } from '../audit/fixtures';

export async function testDatabase(): Promise<Database> {
  const url = process.env.COLLECTOR_TEST_DATABASE_URL;
  if (!url) {
    const db = await openDatabase();
    await migrate(db);
    return db;
  }
  // A schema of its own per test file on the shared server, dropped by the caller's close().
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDatabase({ url });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const sep = url.includes('?') ? '&' : '?';
  const db = await openDatabase({ url: `${url}${sep}options=-c%20search_path%3D${schema}` });
  await migrate(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    close: async () => {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await close();
    },
  });
}

export class TestDevice {
  counter = 0;
  head: Head | undefined;
  records: LogRecord[] = [];
  private constructor(
    readonly db: Database,
    readonly id: string,
    readonly keys: CryptoKeyPair,
  ) {}

  static async enroll(db: Database, unit: string): Promise<TestDevice> {
    const { code } = await createCode(db, unit);
    const keys = await newDeviceKeys();
    const { deviceId } = await enrollDevice(db, { code, publicKey: await publicJwk(keys), extension: '0.1.0' });
    return new TestDevice(db, deviceId, keys);
  }

  /** Appends records to this device's own chain (as its background would). */
  async log(bodies: RecordBody[]): Promise<LogRecord[]> {
    const made: LogRecord[] = [];
    for (const body of bodies) {
      const record = await linkRecord(body, this.head);
      this.head = { seq: record.seq, hash: record.hash };
      made.push(record);
    }
    this.records.push(...made);
    return made;
  }

  /** The local log wiped: the next record starts a new chain. */
  wipe() {
    this.head = undefined;
    this.records = [];
  }

  sign(body: string, keys = this.keys): Promise<string> {
    return signBody(keys, body);
  }

  async batchBody(records: LogRecord[], text: CollectorText = 'none', counter = ++this.counter): Promise<string> {
    const entries: UploadEntry[] = records.map((r) => toUploadEntry(r, text));
    return JSON.stringify({ deviceId: this.id, counter, sentAt: new Date().toISOString(), entries });
  }

  async upload(records: LogRecord[], text: CollectorText = 'none') {
    const body = await this.batchBody(records, text);
    return ingestBatch(this.db, body, await this.sign(body));
  }
}

let n = 0;
/** An attempt and its outcome, as bodies. */
export function published(
  time: string,
  options: {
    account?: string;
    decision?: string;
    reason?: string;
    text?: string;
    categories?: string[];
    /** The editor named only at the decision (asked in the panel): the attempt has none. */
    editorAtOutcome?: { name: string; unit: string };
    /** The 三审 record the outcome carries (who passed each 关). */
    review?: Record<string, string>;
  } = {},
): RecordBody[] {
  const attempt = `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;
  const start = attemptStart({
    text: options.text ?? `第 ${n} 条通知`,
    account: { name: options.account ?? '保定发布' },
    findings: (options.categories ?? []).map((category) => ({
      ...attemptStart().findings[0]!,
      category: category as never,
    })),
  });
  const { text, findings, errors: _e, ...rest } = start;
  return [
    {
      ...rest,
      type: 'attempt',
      time,
      attempt,
      text,
      textSha256: 'a'.repeat(64),
      textLength: text.length,
      logText: 'full',
      findings: findings.map(({ ruleId, messageId, category, severity, field, range, basis, excerpt, message }) => ({
        ruleId,
        messageId,
        category,
        severity: severity as never,
        field,
        range,
        basis,
        excerpt,
        message,
      })),
      errors: [],
      extension: '0.1.0',
      editor: options.editorAtOutcome ? { name: '', unit: '' } : { name: '李编辑', unit: '保定市政府办公室' },
    } as unknown as RecordBody,
    {
      type: 'outcome',
      time,
      attempt,
      decision: (options.decision ?? 'published') as never,
      reason: options.reason,
      ...(options.editorAtOutcome ? { editor: options.editorAtOutcome } : {}),
      ...(options.review ? { review: options.review } : {}),
    } as RecordBody,
  ];
}
