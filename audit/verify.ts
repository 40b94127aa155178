/**
 * THE chain verifier: the one piece of code that decides whether a log is intact. The dashboard
 * runs it over the database, the background before pruning, the CLI over an exported file.
 * Pure and streaming: records arrive in chunks (hashes of a chunk are computed in parallel), so
 * 200,000 records never have to be in one array.
 *
 * What it checks, in chain order:
 * 1. format — each item is a known record type (or an omitted run of an export) with its links;
 * 2. order  — sequence numbers follow each other (a gap means deleted records, a step back a
 *             reordering);
 * 3. link   — each `prev` is the hash of the record before; the first record's `prev` is the
 *             genesis value, or, after retention, the `anchor` of a retention record naming it;
 * 4. hash   — each record's hash, recomputed over its canonical form, is the one it carries;
 * 5. content — one outcome per attempt, for an attempt earlier in the chain;
 * 6. end    — for an export, the chain ends on the head and count its header states; for the
 *             database, it still reaches the head the writer last recorded (truncation).
 * After a break it resynchronises on the record it broke at, so later breaks are reported on
 * their own; `broken[0]` is always the first broken link.
 *
 * It can also resume after a prefix verified earlier (the database's checkpoint, `after`): then
 * the first record must link to that prefix's last one, and only what follows is re-hashed. What
 * the prefix held is taken on trust from the checkpoint (the caller re-checks its last hash);
 * a full verification, from the start, is what proves it again.
 */
import * as v from 'valibot';
import { recordHash, sha256Hex, type Sha256 } from './canonical';
import type { Head } from './chain';
import { ChainItem, GENESIS_HASH, type LogRecord, type OmittedRun } from './record';

export type BreakKind = 'format' | 'order' | 'missing' | 'link' | 'hash' | 'start' | 'content' | 'end';

export interface BrokenLink {
  kind: BreakKind;
  /** The record the chain breaks at (for `end`: the last record present). */
  seq: number;
  /** Line of an exported file, when verifying one. */
  line?: number;
  /** Chinese, for auditors. */
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  /** Records checked in full, and attempts among them. */
  records: number;
  attempts: number;
  /** Records an export left out (covered by omitted runs). */
  omitted: number;
  /** First and last sequence numbers seen; `head` is the hash the chain ends on. */
  first?: number;
  head?: Head;
  /** The first few breaks in chain order; broken[0] is the first broken link. */
  broken: BrokenLink[];
  brokenTotal: number;
  /** Set when verification resumed after a prefix verified earlier: only what follows was re-hashed. */
  resumedFrom?: VerifiedPrefix;
}

/** A prefix of the chain verified earlier, through `seq` whose record had `hash`. */
export interface VerifiedPrefix extends Head {
  /** Records and attempts the chain held through `seq`, as counted then. */
  records: number;
  attempts: number;
  /** When the chain through `seq` was last verified, and when last verified from its start. */
  time: string;
  fullTime: string;
}

/** What an export's header promises; checked at the end. */
export interface ChainExpectation {
  head?: Head;
  attempts?: number;
}

export const BROKEN_LIST_LIMIT = 100;
/**
 * Digests in flight at once. WebCrypto hops to another thread per digest: a few in flight hide
 * that hop; hundreds only queue (measured: Chromium fastest at 1–8, Node at 8–16).
 */
const DIGEST_CONCURRENCY = 8;

async function hashAll(values: readonly unknown[], sha256: Sha256): Promise<(string | null)[]> {
  const out = new Array<string | null>(values.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const i = next++;
      if (isFullRecord(values[i])) out[i] = await recordHash(values[i] as LogRecord, sha256).catch(() => null);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DIGEST_CONCURRENCY, values.length) }, worker));
  return out;
}

type Item = { value: unknown; line?: number };

export class ChainVerifier {
  private last: Head | undefined;
  private start: { seq: number; prev: string; line?: number; resolved: boolean } | undefined;
  private readonly attemptIds = new Set<string>();
  private readonly completed = new Set<string>();
  private readonly breaks: BrokenLink[] = [];
  /** A break at the chain's start is found late (at a retention record, or at the end) but comes first. */
  private startBreak: BrokenLink | undefined;
  private brokenTotal = 0;
  private records = 0;
  private attempts = 0;
  private omitted = 0;
  /** A head the chain must reach (the writer's record of its last commit): `true` once it did. */
  private reached: boolean;

  /**
   * `reaches`: a head the chain must reach (the database's recorded head). `sha256`: the digest
   * to use (WebCrypto unless given; the same function, computed faster where one is at hand).
   */
  constructor(private readonly options: { reaches?: Head; sha256?: Sha256; after?: VerifiedPrefix } = {}) {
    this.reached = !options.reaches;
    const { after, reaches } = options;
    if (after) {
      this.start = { seq: after.seq + 1, prev: after.hash, resolved: true };
      this.last = { seq: after.seq, hash: after.hash };
      if (reaches && reaches.seq <= after.seq) {
        this.reached = true;
        if (reaches.seq === after.seq && reaches.hash !== after.hash)
          this.fail('link', after.seq, undefined, `序号 ${after.seq} 的哈希与写入方记下的链头不符（链的尾部被改写）`);
      }
    }
  }

  /** Verifies the next items of the chain, in order. `firstLine` numbers them in an export. */
  async push(values: readonly unknown[], firstLine?: number): Promise<void> {
    const hashes = await hashAll(values, this.options.sha256 ?? sha256Hex);
    values.forEach((value, i) =>
      this.check({ value, line: firstLine === undefined ? undefined : firstLine + i }, hashes[i] ?? null),
    );
  }

  /** The verdict once every item is pushed. */
  finish(expect: ChainExpectation = {}): ChainReport {
    const breaks = [...this.breaks];
    let total = this.brokenTotal;
    // finish() may be called again after more pushes (the dashboard keeps reading): no mutation here.
    const startBreak: BrokenLink | undefined =
      this.startBreak ??
      (this.start && !this.start.resolved
        ? {
            kind: 'start',
            seq: this.start.seq,
            line: this.start.line,
            reason: `链的开头缺失：第一条记录的序号是 ${this.start.seq}，但没有保留期记录说明序号 ${this.start.seq - 1} 及之前的记录是按策略清理的（记录被删除）`,
          }
        : undefined);
    if (startBreak) {
      total++;
      breaks.unshift(startBreak);
    }
    const end = this.endBreak(expect);
    if (end) {
      total++;
      breaks.push(end);
    }
    const after = this.options.after;
    return {
      ok: total === 0,
      records: this.records,
      attempts: this.attempts,
      omitted: this.omitted,
      first: this.start?.seq,
      head: this.last,
      broken: breaks.slice(0, BROKEN_LIST_LIMIT),
      brokenTotal: total,
      ...(after && { resumedFrom: after }),
    };
  }

  private endBreak(expect: ChainExpectation): BrokenLink | undefined {
    const seq = this.last?.seq ?? 0;
    const reaches = this.options.reaches;
    if (reaches && !this.reached && seq < reaches.seq) {
      return {
        kind: 'end',
        seq,
        reason: `链在序号 ${seq} 之后缺失（尾部被截断）：写入方最后记下的链头是序号 ${reaches.seq}`,
      };
    }
    if (expect.head && (!this.last || this.last.seq !== expect.head.seq || this.last.hash !== expect.head.hash)) {
      const reason =
        this.last && this.last.seq < expect.head.seq
          ? `文件在序号 ${seq} 之后被截断：文件头声明链头为序号 ${expect.head.seq}`
          : `链头与文件头声明的不符：应为序号 ${expect.head.seq}、哈希 ${expect.head.hash}，实际为序号 ${seq}、哈希 ${this.last?.hash ?? '（无）'}`;
      return { kind: 'end', seq, reason };
    }
    if (expect.attempts !== undefined && expect.attempts !== this.attempts) {
      return {
        kind: 'end',
        seq,
        reason: `发布尝试条数与文件头声明的不符：声明 ${expect.attempts} 条，实际 ${this.attempts} 条`,
      };
    }
    return undefined;
  }

  private fail(kind: BreakKind, seq: number, line: number | undefined, reason: string) {
    this.brokenTotal++;
    if (this.breaks.length < BROKEN_LIST_LIMIT) this.breaks.push({ kind, seq, line, reason });
  }

  private check({ value, line }: Item, computed: string | null) {
    const problem = formatProblem(value);
    if (problem) {
      const seq =
        typeof (value as { seq?: unknown })?.seq === 'number'
          ? (value as { seq: number }).seq
          : (this.last?.seq ?? 0) + 1;
      this.fail('format', seq, line, `记录格式不对：${problem}`);
      return;
    }
    const item = value as LogRecord | OmittedRun;
    const seq = item.type === 'omitted' ? item.from : item.seq;
    const end = item.type === 'omitted' ? item.to : item.seq;

    if (!this.start) {
      this.start = { seq, prev: item.prev, line, resolved: seq === 1 };
      if (seq === 1 && item.prev !== GENESIS_HASH)
        this.fail('link', seq, line, '第一条记录的 prev 不是创世值（64 个 0）：链的开头被改动');
    } else if (this.last) {
      if (seq <= this.last.seq) {
        this.fail('order', seq, line, `顺序被打乱：序号 ${seq} 出现在序号 ${this.last.seq} 之后`);
      } else if (seq > this.last.seq + 1) {
        const gap = seq - 1 === this.last.seq + 1 ? `${seq - 1}` : `${this.last.seq + 1}–${seq - 1}`;
        this.fail('missing', seq, line, `缺少序号 ${gap} 的记录（被删除）：序号 ${this.last.seq} 之后直接是 ${seq}`);
      } else if (item.prev !== this.last.hash) {
        this.fail(
          'link',
          seq,
          line,
          `与上一条断开：序号 ${seq} 的 prev 不是序号 ${this.last.seq} 的哈希（其中一条被改动后重新计算过哈希）`,
        );
      }
    }

    if (item.type === 'omitted') {
      this.omitted += item.to - item.from + 1;
    } else {
      this.records++;
      if (computed !== item.hash) {
        this.fail('hash', seq, line, `内容被改动：按记录内容重新计算的哈希与记录中的哈希不符（序号 ${seq}）`);
      }
      this.checkContent(item, line);
    }
    this.last = { seq: end, hash: item.hash };
    const reaches = this.options.reaches;
    if (reaches && !this.reached && end === reaches.seq) {
      this.reached = true;
      if (item.hash !== reaches.hash)
        this.fail('link', end, line, `序号 ${end} 的哈希与写入方记下的链头不符（链的尾部被改写）`);
    }
  }

  private checkContent(record: LogRecord, line: number | undefined) {
    switch (record.type) {
      case 'attempt':
        this.attempts++;
        if (this.attemptIds.has(record.attempt))
          this.fail('content', record.seq, line, `发布尝试 ${record.attempt} 出现了两次`);
        this.attemptIds.add(record.attempt);
        break;
      case 'outcome':
        if (this.completed.has(record.attempt)) {
          this.fail('content', record.seq, line, `发布尝试 ${record.attempt} 有第二个处理结果`);
        } else if (!this.attemptIds.has(record.attempt) && this.start?.seq === 1) {
          this.fail('content', record.seq, line, `处理结果引用的发布尝试 ${record.attempt} 不在它之前的链中`);
        }
        this.completed.add(record.attempt);
        break;
      case 'retention': {
        const start = this.start!;
        if (record.prunedThrough >= record.seq) {
          this.fail('content', record.seq, line, `保留期记录声称清理到序号 ${record.prunedThrough}，不早于它自己`);
        } else if (!start.resolved && record.prunedThrough === start.seq - 1) {
          start.resolved = true;
          if (record.anchor !== start.prev) {
            this.startBreak = {
              kind: 'start',
              seq: start.seq,
              line: start.line,
              reason: `链的开头与保留期记录（序号 ${record.seq}）不符：序号 ${start.seq} 的 prev 不是清理时记下的哈希`,
            };
          }
        } else if (record.prunedThrough >= start.seq) {
          this.fail(
            'content',
            record.seq,
            line,
            `保留期记录声称序号 ${record.prunedThrough} 及之前已清理，但序号 ${start.seq} 仍在`,
          );
        }
        break;
      }
      default:
        break;
    }
  }
}

function isFullRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type !== 'omitted';
}

/** What makes an item unusable for linking (ChainItem's first problem); null when it can be checked. */
function formatProblem(value: unknown): string | null {
  const result = v.safeParse(ChainItem, value, { abortEarly: true });
  return result.success ? null : (result.issues[0]?.message ?? '格式不对');
}
