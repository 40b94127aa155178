/**
 * Attempts an orphaned guard could not write. When the extension is reloaded or updated in the
 * middle of an attempt, the old content script loses its browser APIs: the attempt's entry (or
 * the decision that completes it) can no longer reach the background, and the attempt would be
 * missing from the log. What the old script can still reach is the page's own storage: it seals
 * each unwritten attempt there (AES-GCM, with a key kept in the extension's storage.local, read
 * while the extension was still there), and the next guard on the same site — the page reloaded,
 * as the reload notice asks, or another tab — opens and writes it once a background answers.
 *
 * The page cannot read or forge a sealed attempt (it never sees the key); it can delete one, as it
 * could any of its storage. A sealed attempt is written once: its handover id is remembered in
 * storage.local after delivery, so a copy put back by the page is not written twice.
 */
import * as v from 'valibot';
import { oneOf, strictRecord, text } from '../rules/engine/schema';
import {
  AttemptStart,
  CompletionEditor,
  FINAL_DECISIONS,
  LIMITS,
  Review,
  type AttemptCompletion,
  type FinalDecision,
} from '../utils/protocol';
import type { FlowDeps } from './flow';

/** The page-storage key that holds the sealed attempts. */
export const HANDOVER_KEY = 'govpost-guard-unwritten';
/** At most this many sealed attempts wait in a page's storage; the oldest go first. */
export const MAX_SEALED = 20;
/** How many delivered handover ids are remembered against copies put back by the page. */
const MAX_DELIVERED = 200;

/** An attempt the log does not hold yet: its entry, or only its decision when the entry is there. */
const Unwritten = strictRecord({
  handover: text(64),
  /** When the guard gave up writing it (ISO time). */
  time: text(32),
  /** The entry, when the background never answered that it was committed. */
  start: v.optional(AttemptStart),
  /** The committed entry's id, when only its decision is missing. */
  id: v.optional(text(36)),
  decision: oneOf(FINAL_DECISIONS),
  reason: v.optional(text(LIMITS.reason)),
  /** The completion's 三审 record and the editor's name and unit, as the flow gave them. */
  review: v.optional(Review),
  editor: v.optional(CompletionEditor),
});
export type Unwritten = v.InferOutput<typeof Unwritten>;

/** The page's storage (localStorage), as the content script reaches it. */
export interface PageStore {
  read(): string | null;
  write(value: string | null): void;
}

/** The extension's storage.local, where the key and the delivered ids live. */
export interface ExtensionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** Reads the sealing key, making one on first use. */
export async function loadKey(local: ExtensionStore, subtle: SubtleCrypto = crypto.subtle): Promise<CryptoKey> {
  let raw = await local.get('handoverKey');
  if (typeof raw !== 'string') {
    const fresh = new Uint8Array(32);
    crypto.getRandomValues(fresh);
    await local.set('handoverKey', toBase64(fresh));
    // Two guards starting at once may both have made one: the one stored last is everyone's.
    raw = await local.get('handoverKey');
    if (typeof raw !== 'string') throw new Error('storage.local 没有保存交接密钥');
  }
  return subtle.importKey('raw', fromBase64(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, item: Unwritten, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const iv = new Uint8Array(12);
  crypto.getRandomValues(iv);
  const data = new TextEncoder().encode(JSON.stringify(item));
  const sealed = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key, data));
  return `${toBase64(iv)}.${toBase64(sealed)}`;
}

/** The attempt a sealed string holds, or null when it was not sealed with this key (or altered). */
export async function unseal(
  key: CryptoKey,
  sealed: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<Unwritten | null> {
  const [iv, data] = sealed.split('.');
  if (!iv || !data) return null;
  try {
    const plain = await subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, key, fromBase64(data));
    // Sealed with this key, so written by a guard; read as the schema says all the same.
    const item = v.safeParse(Unwritten, JSON.parse(new TextDecoder().decode(plain)));
    return item.success ? item.output : null;
  } catch {
    return null;
  }
}

function readList(page: PageStore): string[] {
  try {
    const list: unknown = JSON.parse(page.read() ?? '[]');
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

function writeList(page: PageStore, list: string[]): void {
  // A full page storage drops the oldest first; nothing here may throw into the caller.
  for (let kept = list.slice(-MAX_SEALED); ; kept = kept.slice(1)) {
    try {
      page.write(kept.length ? JSON.stringify(kept) : null);
      return;
    } catch {
      if (kept.length === 0) return;
    }
  }
}

/** The decision an attempt left undecided ends with: it was never let through. */
export function refusedDecision(verdict: AttemptStart['verdict']): FinalDecision {
  return verdict === 'block' ? 'blocked' : verdict === 'error' ? 'check-failed' : 'cancelled';
}

interface Open {
  start: AttemptStart;
  id?: string;
  /** The decision the flow is writing now. */
  completion?: AttemptCompletion;
  handedOver?: boolean;
}

export interface HandoverDeps {
  page: PageStore;
  local: ExtensionStore;
  /** The sealing key, read while the extension is there (undefined: it could not be). */
  key: Promise<CryptoKey | undefined>;
  /** Whether this script's extension is gone (reloaded, updated, removed). */
  orphaned(): boolean;
  now(): Date;
  uuid(): string;
}

export class Handover {
  private readonly open = new Set<Open>();
  /** Seals in progress, so a test (and the invalidation handler) can wait for them. */
  private sealing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: HandoverDeps) {}

  /** The flow's log, with every attempt followed until its decision is written. */
  follow(log: FlowDeps['log']): FlowDeps['log'] {
    return {
      start: async (attempt) => {
        const open: Open = { start: attempt };
        this.open.add(open);
        try {
          const answer = await log.start(attempt);
          open.id = answer.id;
          return answer;
        } catch (e) {
          // Not written because the extension went away: kept for the next guard. Otherwise the
          // flow says why and the editor may try again (a new entry).
          if (this.deps.orphaned()) this.handOver(open);
          else this.open.delete(open);
          throw e;
        }
      },
      complete: async (done) => {
        const open = [...this.open].find((o) => o.id === done.id);
        if (open) open.completion = done;
        try {
          const answer = await log.complete(done);
          if (open) this.open.delete(open);
          return answer;
        } catch (e) {
          if (open && this.deps.orphaned()) this.handOver(open);
          else if (open) this.open.delete(open);
          throw e;
        }
      },
    };
  }

  /** The extension went away: every attempt not fully written is sealed into the page's storage. */
  orphaned(): Promise<unknown> {
    for (const open of this.open) this.handOver(open);
    return this.sealing;
  }

  private handOver(open: Open): void {
    if (open.handedOver) return;
    open.handedOver = true;
    this.open.delete(open);
    const decision = open.completion?.decision ?? refusedDecision(open.start.verdict);
    const item: Unwritten = {
      handover: this.deps.uuid(),
      time: this.deps.now().toISOString(),
      ...(open.id ? { id: open.id } : { start: open.start }),
      decision,
      ...(open.completion?.reason ? { reason: open.completion.reason } : {}),
      ...(open.completion?.review ? { review: open.completion.review } : {}),
      ...(open.completion?.editor ? { editor: open.completion.editor } : {}),
    };
    this.sealing = Promise.all([
      this.sealing,
      this.deps.key
        .then((key) => (key ? seal(key, item) : undefined))
        .then((sealed) => {
          if (sealed) writeList(this.deps.page, [...readList(this.deps.page), sealed]);
        })
        .catch(() => undefined),
    ]);
  }

  /**
   * Writes the attempts an earlier guard on this site sealed, through `send` (logAttempt, then
   * completeAttempt). Each stays in the page's storage until it is written — the page may be
   * reloaded again meanwhile — and once its entry is written only its decision is kept; those that
   * cannot be written now wait for the next try; those not sealed with this extension's key are
   * dropped. Answers how many were written.
   */
  async deliver(send: {
    start(attempt: AttemptStart): Promise<{ id: string }>;
    complete(done: AttemptCompletion): Promise<unknown>;
  }): Promise<number> {
    const key = await this.deps.key;
    if (!key) return 0;
    const sealed = readList(this.deps.page);
    if (sealed.length === 0) return 0;
    const delivered = await this.delivered();
    let written = 0;
    for (let s of sealed) {
      const item = await unseal(key, s);
      if (!item || delivered.includes(item.handover)) {
        this.replace(s, null);
        continue;
      }
      try {
        let id = item.id;
        if (id === undefined && item.start) {
          id = (await send.start(item.start)).id;
          const { start: _written, ...rest } = item;
          const next = await seal(key, { ...rest, id });
          this.replace(s, next);
          s = next;
        }
        if (id === undefined) {
          this.replace(s, null);
          continue;
        }
        try {
          const { decision, reason, review, editor } = item;
          await send.complete({
            id,
            decision,
            ...(reason ? { reason } : {}),
            ...(review ? { review } : {}),
            ...(editor ? { editor } : {}),
          });
        } catch (e) {
          // Already completed (a copy written earlier): nothing is left to write.
          if (!(e instanceof Error && /已有处理结果/.test(e.message))) throw e;
        }
        this.replace(s, null);
        delivered.push(item.handover);
        written++;
      } catch {
        // Not written now: it stays sealed for the next try.
      }
    }
    await this.deps.local.set('handoverDelivered', delivered.slice(-MAX_DELIVERED)).catch(() => undefined);
    return written;
  }

  /** Replaces (or with null removes) one sealed attempt in the page's storage, in one step. */
  private replace(old: string, next: string | null): void {
    const list = readList(this.deps.page);
    const i = list.indexOf(old);
    if (i < 0) return;
    if (next === null) list.splice(i, 1);
    else list[i] = next;
    writeList(this.deps.page, list);
  }

  private async delivered(): Promise<string[]> {
    const list = await this.deps.local.get('handoverDelivered').catch(() => undefined);
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}
