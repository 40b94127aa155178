/**
 * Anchors: the log's head kept OUTSIDE the log. The chain proves that records link to each
 * other, and the database's own recorded head (audit/db.ts, `state`) catches a cut-off tail — but
 * whoever can rewrite the records can rewrite that head in the same database. Someone who edits a
 * record and rehashes everything after it, deletes records and renumbers the rest, truncates, or
 * deletes the whole database is caught only by a copy of the head that lives somewhere else:
 *
 * | source      | where it lives                                        | who checks it                      |
 * | ----------- | ----------------------------------------------------- | ---------------------------------- |
 * | `storage`   | the extension's `storage.local` (`logAnchor`)         | the background, on start and before each append |
 * | `memory`    | the background's memory while it runs                 | the background, before each append |
 * | `export`    | each JSONL export's header (`head`)                   | `govpost-guard log verify --anchor` |
 * | `collector` | the fleet collector's acknowledged head, sent back    | the background, on start and before each append |
 *
 * An anchor `{seq, hash}` says: the chain once ended at record `seq` with hash `hash`. A chain
 * matches it when it still holds that very record (same seq, same hash) or, where retention has
 * pruned it, the retention record that covers it. Any other state is a break, and `AnchorBreak`
 * says which kind. Pure: the background, the dashboard (with an incremental verifier: one lookup
 * of the record at `anchor.seq` suffices) and the CLI all decide with `compareToAnchor`.
 */
import type { Head } from './chain';

export type AnchorSource = 'storage' | 'memory' | 'export' | 'collector';

export interface Anchor extends Head {
  source: AnchorSource;
}

export type AnchorBreakKind = 'emptied' | 'truncated' | 'rewritten';

export interface AnchorBreak {
  kind: AnchorBreakKind;
  source: AnchorSource;
  /** The anchor that no longer matches. */
  anchor: Head;
  /** The chain's head when the break was found (absent: the log was empty). */
  found?: Head;
  /** Chinese, for auditors. */
  reason: string;
}

export const ANCHOR_SOURCE_LABEL: Record<AnchorSource, string> = {
  storage: '扩展存储中的链头',
  memory: '后台内存中的链头',
  export: '导出文件头中的链头',
  collector: '汇聚服务器确认的链头',
};

/**
 * The head checked against its copies outside the log, as the dashboard found it: the copies that
 * agreed (by label), and how many breaks were recorded or found now, with the first one's reason.
 */
export interface AnchorCheck {
  agreed: string[];
  breaks: number;
  firstBreak?: string;
  /**
   * The copies themselves, as compared: whoever holds the export can check its chain against them
   * (`govpost-guard log verify`). Absent in exports made before they were written.
   */
  heads?: Anchor[];
}

const SOURCES = new Set<string>(Object.keys(ANCHOR_SOURCE_LABEL));

/** The anchors of an export header's `anchors.heads` that are well formed (a file is untrusted input). */
export function anchorsOf(check: unknown): Anchor[] {
  const heads = (check as { heads?: unknown } | null | undefined)?.heads;
  if (!Array.isArray(heads)) return [];
  return heads.flatMap((h: unknown) => {
    const a = h as Partial<Anchor> | null;
    return a &&
      typeof a.seq === 'number' &&
      Number.isSafeInteger(a.seq) &&
      a.seq > 0 &&
      typeof a.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(a.hash) &&
      typeof a.source === 'string' &&
      SOURCES.has(a.source)
      ? [{ seq: a.seq, hash: a.hash, source: a.source }]
      : [];
  });
}

/** What the chain says at the anchor: its head, the record at `anchor.seq`, and retention. */
export interface ChainAtAnchor {
  head: Head | undefined;
  /** The record with the anchor's seq, if the chain still holds one. */
  atSeq: Head | undefined;
  /** Highest seq pruned by retention (0: none); a pruned anchor record is no break. */
  prunedThrough?: number;
  /** When prunedThrough === anchor.seq: the hash retention recorded for it (`anchor` field). */
  prunedAnchorHash?: string;
}

/**
 * Whether a chain still holds an anchor. `undefined` means it does; otherwise the break. The
 * chain itself must also verify (audit/verify.ts): this function only ties it to the outside.
 */
export function compareToAnchor(anchor: Anchor, chain: ChainAtAnchor): AnchorBreak | undefined {
  const label = ANCHOR_SOURCE_LABEL[anchor.source];
  const base = { source: anchor.source, anchor: { seq: anchor.seq, hash: anchor.hash }, found: chain.head };
  if (anchor.seq === 0) return undefined;
  const pruned = chain.prunedThrough ?? 0;
  if (anchor.seq <= pruned) {
    if (anchor.seq === pruned && chain.prunedAnchorHash && chain.prunedAnchorHash !== anchor.hash) {
      return {
        ...base,
        kind: 'rewritten',
        reason: `${label}是序号 ${anchor.seq}、哈希 ${short(anchor.hash)}，但保留期记录记下的该条哈希不同：链被重写过`,
      };
    }
    return undefined;
  }
  if (!chain.head) {
    return {
      ...base,
      kind: 'emptied',
      reason: `日志被清空：${label}是序号 ${anchor.seq}、哈希 ${short(anchor.hash)}，但日志中一条记录也没有（数据库被删除）`,
    };
  }
  if (chain.head.seq < anchor.seq) {
    return {
      ...base,
      kind: 'truncated',
      reason: `日志被截断：${label}是序号 ${anchor.seq}，但链只到序号 ${chain.head.seq}（序号 ${chain.head.seq + 1}–${anchor.seq} 的记录缺失）`,
    };
  }
  if (!chain.atSeq || chain.atSeq.hash !== anchor.hash) {
    return {
      ...base,
      kind: 'rewritten',
      reason: `日志被改写：${label}是序号 ${anchor.seq}、哈希 ${short(anchor.hash)}，链中序号 ${anchor.seq} 的${
        chain.atSeq ? `哈希却是 ${short(chain.atSeq.hash)}` : '记录却不存在'
      }（记录被改动后重算哈希、删除后重新编号，或整个日志被替换）`,
    };
  }
  return undefined;
}

/** The first 12 hex digits: enough to tell hashes apart in a message. */
function short(hash: string): string {
  return hash.slice(0, 12);
}
