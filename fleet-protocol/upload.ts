/**
 * The upload protocol between the extension and the city's collector, shared by both sides:
 * what an enrollment and a batch look like on the wire (valibot schemas, so the collector refuses
 * anything else with a clear message), and how a log record becomes an upload entry under the
 * policy's text setting.
 *
 * - `POST /api/v1/enroll` `{code, publicKey, extension}` → `{deviceId, unit}`: the enrollment
 *   code an admin made for a unit, and the device's ECDSA P-256 public key (JWK). The private key
 *   never leaves the browser (WebCrypto, non-extractable, in the extension's IndexedDB).
 * - `POST /api/v1/batches` with the JSON body below and `X-GovPost-Signature`: base64 of the
 *   device's ECDSA P-256/SHA-256 signature over the exact body bytes. `counter` must exceed every
 *   counter the collector accepted from that device (a replayed batch is refused); each retry is
 *   signed anew with the next counter. Entries are idempotent by (device, seq, hash).
 *   Answer: `{ack: {seq, hash}, accepted, duplicates, events}` — the head the collector holds.
 */
import * as v from 'valibot';
import { linkFields, RECORD_TYPES, type LogRecord } from '../audit/record';

export const SIGNATURE_HEADER = 'x-govpost-signature';
export const MAX_BATCH_ENTRIES = 500;
/** A batch body larger than this is refused before parsing (a full-text article is ≤ 100k chars). */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

export const PublicKeyJwk = v.object({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
  y: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type PublicKeyJwk = v.InferOutput<typeof PublicKeyJwk>;

export const EnrollRequest = v.object({
  code: v.pipe(v.string(), v.minLength(8), v.maxLength(64)),
  publicKey: PublicKeyJwk,
  extension: v.pipe(v.string(), v.maxLength(32)),
});
export type EnrollRequest = v.InferOutput<typeof EnrollRequest>;

export interface EnrollAnswer {
  deviceId: string;
  unit: string;
}

/**
 * One log record as uploaded: the chained record exactly as logged, except that under
 * `collectorText: none` the fields quoting the draft (text, title, findings' excerpt, message,
 * suggestion) are left out and `redacted` is set — the collector then checks links, not content.
 */
export const UploadEntry = v.looseObject({
  seq: linkFields.seq,
  prev: linkFields.prev,
  hash: linkFields.hash,
  type: v.picklist(RECORD_TYPES),
  // The log's own clock writes ISO 8601 in UTC; a year outside 2000–2099 is no device's log.
  time: v.pipe(v.string(), v.isoTimestamp(), v.regex(/^20\d\d-/, '时间不在 2000–2099 年之间')),
  redacted: v.optional(v.boolean()),
});
export type UploadEntry = v.InferOutput<typeof UploadEntry> & Record<string, unknown>;

export const Batch = v.object({
  deviceId: v.pipe(v.string(), v.regex(/^\d{1,18}$/)),
  counter: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  sentAt: v.pipe(v.string(), v.isoTimestamp()),
  entries: v.pipe(v.array(UploadEntry), v.minLength(1), v.maxLength(MAX_BATCH_ENTRIES)),
});
export type Batch = v.InferOutput<typeof Batch>;

export interface BatchAnswer {
  ack: { seq: number; hash: string };
  accepted: number;
  duplicates: number;
  events: number;
}

export type CollectorText = 'none' | 'full';

/** A log record as it travels under the policy's `collectorText` (default: no text). */
export function toUploadEntry(record: LogRecord, text: CollectorText): UploadEntry {
  if (text === 'full' || record.type !== 'attempt') return { ...record };
  const { text: _text, title: _title, findings, ...rest } = record;
  return {
    ...rest,
    findings: findings.map(({ excerpt: _e, message: _m, suggestion: _s, ...meta }) => meta),
    redacted: true,
  };
}

/** The record to hash again from an upload entry (only when it was not redacted). */
export function recordOf(entry: UploadEntry): Record<string, unknown> {
  const { redacted: _r, ...record } = entry;
  return record;
}

/** Loopback collectors may use http (a test or one-machine setup); anything else must be https. */
export function collectorUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `汇聚服务器地址不是有效网址：${url}`;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback)) return undefined;
  return `汇聚服务器地址必须是 https（本机测试可用 http://127.0.0.1）：${url}`;
}

export function base64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const b of view) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
