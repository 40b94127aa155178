/**
 * Sends the log to the city's collector, in the background, without ever standing in a
 * publish's way: the log is committed first (write-ahead, audit-log.ts), then its entry is put in
 * the durable outbox (outbox.ts) without the caller waiting, and batches leave from there with
 * retry, exponential backoff and jitter. Offline days, collector outages and service-worker
 * restarts lose nothing: the outbox is on disk, a restart enqueues what the log holds beyond the
 * last queued record, and the collector stores each (device, seq, hash) once.
 *
 * Enrollment happens on the first send: a key pair is made, its public half registered with the
 * policy's enrollment code. Every batch is signed and carries the next counter (a replayed batch
 * is refused by the collector). Each answer names the head the collector now holds; the log keeps
 * it as an anchor (audit/anchor.ts), so a local truncation is found even when storage is wiped too.
 */
import type { Head } from '../../audit/chain';
import type { LogRecord } from '../../audit/record';
import {
  collectorUrlProblem,
  SIGNATURE_HEADER,
  toUploadEntry,
  type BatchAnswer,
  type CollectorText,
  type EnrollAnswer,
} from '../../fleet-protocol/upload';
import type { UploadStatus } from '../../utils/protocol';
import type { ManagedPolicy, PolicyRead } from '../../utils/settings';
import { serialQueue } from '../../utils/serial';
import { newDeviceKeys, publicJwk, signBody } from './device-key';
import type { DeviceRow, OutboxDb, OutboxRow } from './outbox';

export interface UploaderDeps {
  db: OutboxDb;
  policy: () => Promise<PolicyRead>;
  /** The log, to enqueue what a restart missed. */
  log: {
    recordsAfter(seq: number, limit: number): Promise<LogRecord[]>;
    recordAt(seq: number): Promise<LogRecord | undefined>;
  };
  acknowledge: (ack: Head) => Promise<unknown>;
  extensionVersion: string;
  /**
   * Whether the browser lets the log leave for the collector (Firefox's data collection consent);
   * absent where the browser has no such consent. Nothing is sent while it says no; entries wait.
   */
  consent?: (text: CollectorText) => Promise<boolean>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Starts a timer (setTimeout by default); the alarm in index.ts also calls flush every minute. */
  later?: (ms: number, run: () => void) => void;
}

const CONSENT_NEEDED =
  '浏览器尚未允许本扩展向本市汇聚服务器发送日志：请在“附加组件和主题 → 政务新媒体发布前合规守卫 → 权限”中打开数据收集许可';
const REQUEST_TIMEOUT_MS = 20_000;
const BATCH_ENTRIES = 200;
const BATCH_BYTES = 2 * 1024 * 1024;
const BACKOFF_BASE_MS = 15_000;
const BACKOFF_MAX_MS = 30 * 60_000;
/** After a commit, wait this long so a burst of records leaves in one batch. */
const DEBOUNCE_MS = 2_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the status shows for a failed send: the collector's own words, else a Chinese-first cause. */
function failureMessage(e: unknown): string {
  if (e instanceof HttpError) return e.message;
  const name = e instanceof Error ? e.name : '';
  const detail = e instanceof Error ? e.message : String(e);
  if (name === 'TimeoutError' || name === 'AbortError')
    return `汇聚服务器 ${REQUEST_TIMEOUT_MS / 1000} 秒内没有回应（Timed out: ${detail}）`;
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (e instanceof TypeError) return `无法连接汇聚服务器，网络或服务器不可用（${detail}）`;
  return detail;
}

export function createUploader(deps: UploaderDeps) {
  const now = deps.now ?? (() => Date.now());
  const random = deps.random ?? Math.random;
  const later = deps.later ?? ((ms, run) => void setTimeout(run, ms));
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const { db } = deps;
  let failures = 0;
  let nextAttempt = 0;
  let flushing: Promise<UploadStatus> | undefined;
  let timer = false;
  const status: UploadStatus = { state: 'off', pending: 0 };
  // Outbox writes one after another, so the queued head and the rows agree.
  const serial = serialQueue();

  async function configured(): Promise<{ url: string; policy: ManagedPolicy } | undefined> {
    const { policy, unreadable } = await deps.policy();
    if (unreadable) {
      // Whether there is a collector is not known: entries wait; the policy's arrival flushes.
      status.state = 'policy-unreadable';
      return undefined;
    }
    if (!policy?.collectorUrl) {
      status.state = 'off';
      return undefined;
    }
    const problem = collectorUrlProblem(policy.collectorUrl);
    if (problem) {
      Object.assign(status, { state: 'misconfigured', lastError: problem });
      return undefined;
    }
    if (deps.consent && !(await deps.consent(policy.collectorText ?? 'none').catch(() => false))) {
      Object.assign(status, { state: 'needs-consent', lastError: CONSENT_NEEDED });
      return undefined;
    }
    return { url: policy.collectorUrl.replace(/\/+$/, ''), policy };
  }

  async function put(records: LogRecord[], text: ManagedPolicy['collectorText']) {
    if (!records.length) return;
    const last = records[records.length - 1]!;
    await db.transaction('rw', db.outbox, db.state, async () => {
      await db.outbox.bulkAdd(records.map((r) => ({ entry: toUploadEntry(r, text ?? 'none') })));
      await db.state.put({ key: 'queued', head: { seq: last.seq, hash: last.hash } });
    });
  }

  /** Puts what the log holds beyond the last queued record into the outbox (after a restart). */
  async function catchUp(text: ManagedPolicy['collectorText']) {
    const queued = (await db.state.get('queued'))?.head;
    let after = 0;
    if (queued) {
      const same = await deps.log.recordAt(queued.seq);
      // The log still holds the last queued record: carry on after it. Otherwise it changed under
      // us (wiped, rewritten): send all it holds, and the collector records what differs.
      if (same?.hash === queued.hash) after = queued.seq;
    }
    for (;;) {
      const chunk = await deps.log.recordsAfter(after, 500);
      if (!chunk.length) return;
      await put(chunk, text);
      after = chunk[chunk.length - 1]!.seq;
    }
  }

  async function post(url: string, path: string, body: string, headers: Record<string, string> = {}) {
    const res = await doFetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      credentials: 'omit',
    });
    const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok)
      throw new HttpError(res.status, typeof answer.error === 'string' ? answer.error : `HTTP ${res.status}`);
    return answer;
  }

  async function device(url: string, policy: ManagedPolicy): Promise<DeviceRow | undefined> {
    const known = await db.device.get(url);
    if (known) return known;
    const code = policy.collectorEnrollmentCode?.trim();
    if (!code) {
      Object.assign(status, { state: 'not-enrolled', lastError: '策略中没有登记码（collectorEnrollmentCode）' });
      return undefined;
    }
    const keys = await newDeviceKeys();
    const answer = (await post(
      url,
      '/api/v1/enroll',
      JSON.stringify({ code, publicKey: await publicJwk(keys), extension: deps.extensionVersion }),
    )) as unknown as EnrollAnswer;
    const row: DeviceRow = {
      url,
      deviceId: answer.deviceId,
      unit: answer.unit,
      keys,
      counter: 0,
      enrolledAt: new Date(now()).toISOString(),
    };
    await db.device.put(row);
    return row;
  }

  /** Takes the next batch from the outbox: up to `limit` entries and about BATCH_BYTES. */
  async function nextBatch(limit: number) {
    const rows = await db.outbox.orderBy('id').limit(limit).toArray();
    let bytes = 0;
    const taken = [];
    for (const row of rows) {
      bytes += JSON.stringify(row.entry).length * 3;
      if (taken.length && bytes > BATCH_BYTES) break;
      // A batch holds one chain in order: a log that started again goes in the next batch.
      if (taken.length && row.entry.seq <= taken[taken.length - 1]!.entry.seq) break;
      taken.push(row);
    }
    return taken;
  }

  async function sendAll(url: string, policy: ManagedPolicy): Promise<void> {
    let dev = await device(url, policy);
    if (!dev) return;
    Object.assign(status, { url, deviceId: dev.deviceId, unit: dev.unit });
    // A batch the collector refuses for its content (422) is halved until the one entry it
    // refuses is alone; that entry is set apart and the rest go on. One bad record must not hold
    // every later one back for good; the collector records the missing sequence number as a gap.
    let limit = BATCH_ENTRIES;
    for (;;) {
      const rows = await nextBatch(limit);
      if (!rows.length) break;
      status.state = 'sending';
      // The counter is stored before the batch leaves: a retry never reuses one.
      const counter: number = dev.counter + 1;
      await db.device.update(url, { counter });
      dev = { ...dev, counter };
      const body = JSON.stringify({
        deviceId: dev.deviceId,
        counter,
        sentAt: new Date(now()).toISOString(),
        entries: rows.map((r) => r.entry),
      });
      let answer: BatchAnswer;
      try {
        answer = (await post(url, '/api/v1/batches', body, {
          [SIGNATURE_HEADER]: await signBody(dev.keys, body),
        })) as unknown as BatchAnswer;
      } catch (e) {
        if (!(e instanceof HttpError && e.status === 422)) throw e;
        if (rows.length > 1) {
          limit = Math.ceil(rows.length / 2);
          continue;
        }
        await setApart(rows[0]!, e.message);
        limit = BATCH_ENTRIES;
        continue;
      }
      await db.outbox.bulkDelete(rows.map((r) => r.id!));
      await deps.acknowledge(answer.ack).catch(() => undefined);
      status.lastSuccess = new Date(now()).toISOString();
    }
  }

  async function setApart(row: OutboxRow, error: string) {
    await db.transaction('rw', db.outbox, db.refused, async () => {
      await db.refused.add({ entry: row.entry, error, at: new Date(now()).toISOString() });
      await db.outbox.delete(row.id);
    });
    status.lastRefused = `序号 ${row.entry.seq}：${error}`;
  }

  /** The status with the counts as the database holds them now. */
  async function current(): Promise<UploadStatus> {
    const [pending, refused] = await Promise.all([db.outbox.count(), db.refused.count()]);
    return { ...status, pending, ...(refused ? { refused } : {}) };
  }

  async function flushNow(): Promise<UploadStatus> {
    const config = await configured();
    if (!config) return current();
    if (now() < nextAttempt) return current();
    try {
      await serial(() => catchUp(config.policy.collectorText));
      await sendAll(config.url, config.policy);
      failures = 0;
      nextAttempt = 0;
      if (status.state === 'sending') status.state = 'idle';
      status.lastError = undefined;
      status.nextAttempt = undefined;
    } catch (e) {
      const message = failureMessage(e);
      if (e instanceof HttpError && e.status === 403) {
        Object.assign(status, { state: 'revoked', lastError: message });
      } else {
        if (e instanceof HttpError && e.status === 401) {
          // The collector does not know this device (its database was replaced): enroll again.
          await db.device.delete(config.url);
        }
        failures++;
        const delay = Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS) * (0.5 + random());
        nextAttempt = now() + delay;
        Object.assign(status, {
          state: 'retrying',
          lastError: message,
          nextAttempt: new Date(nextAttempt).toISOString(),
        });
        schedule(delay);
      }
    }
    return current();
  }

  function schedule(ms: number) {
    if (timer) return;
    timer = true;
    later(ms, () => {
      timer = false;
      void flush();
    });
  }

  /** Sends what is waiting; concurrent calls share one run. */
  function flush(): Promise<UploadStatus> {
    flushing ??= flushNow().finally(() => (flushing = undefined));
    return flushing;
  }

  return {
    /**
     * A record the log just committed: into the outbox, and a send soon. The caller does not
     * wait (never delays a publish); a failure here is repaired by the catch-up on next flush.
     */
    enqueue(record: LogRecord): Promise<void> {
      return serial(async () => {
        const config = await configured();
        if (!config) return;
        const queued = (await db.state.get('queued'))?.head;
        // Only straight after the last queued record, or a chain starting again; anything else
        // (the very first records, a missed one) is left to the catch-up, which reads the log.
        if (!queued) return;
        if (record.seq !== queued.seq + 1) {
          if (record.seq !== 1) return;
          // A first record while something is queued: a new chain only if the queued head is no
          // longer in the log; if it is, a catch-up already queued this record.
          if ((await deps.log.recordAt(queued.seq))?.hash === queued.hash) return;
        }
        await put([record], config.policy.collectorText);
      }).then(
        () => schedule(DEBOUNCE_MS),
        () => schedule(DEBOUNCE_MS),
      );
    },
    flush,
    /** The admin's policy changed (a collector named, another address or code): try now, not after a backoff. */
    policyChanged(): Promise<UploadStatus> {
      failures = 0;
      nextAttempt = 0;
      return flush();
    },
    async status(): Promise<UploadStatus> {
      await configured();
      return current();
    },
  };
}

export type Uploader = ReturnType<typeof createUploader>;
