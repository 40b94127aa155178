/**
 * The audit log's only writer. Content scripts reach it through the protocol (logAttempt,
 * completeAttempt, reportAdapterProblem); every payload is parsed here with its schema (utils/protocol.ts), and every record is
 * appended to the hash chain one at a time, so two tabs publishing at once still get one chain.
 *
 * Write-ahead: logAttempt answers only once the pending attempt is committed, and the guard lets
 * the post go only after that answer; if the write fails, the caller gets the error and the post
 * stays blocked (an attempt is never dropped silently).
 */
import { sha256Hex } from '../../audit/canonical';
import { linkRecord, type Head } from '../../audit/chain';
import { compareToAnchor, type Anchor, type AnchorBreak } from '../../audit/anchor';
import type { AttemptRecord, LoggedFinding, LogRecord, RecordBody, StorageLevel } from '../../audit/record';
import { storageLevel, storageMessage, type StorageEstimate } from '../../audit/storage-level';
import { readAndVerify } from '../../audit/read-log';
import type { ChainReport } from '../../audit/verify';
import { guardedPlatform } from '../../utils/callers';
import {
  chainAt,
  chainAtSeqs,
  lastRecord,
  latestOfType,
  recordedHead,
  recordsOfAttempt,
  saveCheckpoint,
  verifiedCheckpoint,
  type LogDb,
} from '../../audit/db';
import { memoryAnchorStore, type AnchorState, type AnchorStore, type RecordedBreak } from './log-anchor';
import { parseRequest, type AttemptStart, type LogStatus } from '../../utils/protocol';
import type { Settings } from '../../utils/settings';
import { serialQueue } from '../../utils/serial';
import { personalDataAsPolicyAsks } from './log-personal-data';
import { planRetention } from './retention';

export interface AuditLogDeps {
  db: LogDb;
  /** The settings in force when an attempt is logged (editor, logText). */
  settings: () => Promise<Settings>;
  extensionVersion: string;
  /** `navigator.storage.estimate`, where there is one. */
  estimate?: () => Promise<StorageEstimate>;
  /** Tells the user (the toolbar badge) when the storage level changes. */
  onStorageLevel?: (level: StorageLevel, message: string | undefined) => void;
  now?: () => Date;
  newId?: () => string;
  /** Where the head is kept outside the log (storage.local in the extension; memory in tests). */
  anchors?: AnchorStore;
  /** Called after each committed record (the collector's outbox takes it from there). */
  onCommit?: (record: LogRecord) => void;
}

/** Storage is re-estimated at most this often while attempts come in. */
const STORAGE_CHECK_MS = 60_000;
const DAY_MS = 86_400_000;

/** Where a message came from: the page URL of the content script's frame. */
export interface Caller {
  url?: string;
}

/** Repeated reports of the same broken adapter within this window are one problem, not many. */
const PROBLEM_REPEAT_MS = 10 * 60_000;

export class LogWriteError extends Error {}
class HeadMoved extends Error {
  override message = '日志链头已变化';
}

export function createAuditLog(deps: AuditLogDeps) {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const { db } = deps;
  const anchors = deps.anchors ?? memoryAnchorStore();
  let head: Head | undefined;
  let headKnown = false;
  /** The head this background last committed: the memory anchor (undefined until it commits). */
  let memoryHead: Head | undefined;
  let anchorState: AnchorState | undefined;
  const problemsSeen = new Map<string, number>();
  let storage: { level: StorageLevel; estimate?: StorageEstimate; checkedAt: number } = {
    level: 'ok',
    checkedAt: -Infinity,
  };

  /** Runs writes one after another: each needs the head the previous one left. */
  const serial = serialQueue();

  /**
   * The head to link the next record to. Read from the database after a start or a conflict, and
   * checked against every copy of the head kept outside it (audit/anchor.ts): the background's
   * memory, storage.local, the collector's acknowledged head, and the database's own recorded
   * head. A record or tail deleted, a chain rewritten and rehashed, a database deleted: each is
   * recorded — in the chain and in the anchor state, whose breaks are never cleared — before
   * anything else is appended, so carrying on never hides it. Call only inside `serial`.
   */
  async function currentHead(): Promise<Head | undefined> {
    if (headKnown) return head;
    const [last, recorded, state] = await Promise.all([lastRecord(db), recordedHead(db), readAnchorState()]);
    head = last && { seq: last.seq, hash: last.hash };
    headKnown = true;
    const outside = outsideAnchors(state);
    const breaks: AnchorBreak[] = [];
    const seqs = outside.map((a) => a.seq);
    const at = await chainAtSeqs(db, seqs);
    for (const anchor of outside) {
      const found = compareToAnchor(anchor, at.get(anchor.seq)!);
      // One break per kind and place: the memory and storage copies usually agree.
      if (found && !breaks.some((b) => b.anchor.seq === found.anchor.seq && b.anchor.hash === found.anchor.hash))
        breaks.push(found);
    }
    if (breaks.length) {
      await noteBreaks(breaks);
      return head;
    }
    if (recorded && (!head || head.seq < recorded.seq || (head.seq === recorded.seq && head.hash !== recorded.hash))) {
      const from = Math.min(head?.seq ?? 0, recorded.seq - 1) + 1;
      await append({
        type: 'integrity',
        time: now().toISOString(),
        brokenSeq: from,
        reason: `序号 ${from}–${recorded.seq} 的记录缺失或被改写（日志尾部被删除）：写入方最后记下的链头是序号 ${recorded.seq}、哈希 ${recorded.hash}`,
      });
    }
    return head;
  }

  /** Every copy of the head kept outside the log, the memory first. */
  function outsideAnchors(state: AnchorState): Anchor[] {
    const outside: Anchor[] = [];
    if (memoryHead) outside.push({ ...memoryHead, source: 'memory' });
    if (state.head) outside.push({ ...state.head, source: 'storage' });
    if (state.collector) outside.push({ ...state.collector, source: 'collector' });
    return outside;
  }

  async function readAnchorState(): Promise<AnchorState> {
    anchorState ??= (await anchors.read()) ?? { breaks: [] };
    return anchorState;
  }

  /**
   * Records anchor breaks: first in the anchor state outside the log (append-only: no code path
   * removes a break), then as integrity records in the chain. The collector's acknowledged head
   * belongs to the chain that broke: it is kept with the break and no longer checked, so the same
   * break is not recorded again at every start.
   */
  async function noteBreaks(breaks: AnchorBreak[]) {
    const state = await readAnchorState();
    const time = now().toISOString();
    const recorded: RecordedBreak[] = breaks.map((b) => ({ ...b, time }));
    anchorState = { ...state, head: head, collector: undefined, breaks: [...state.breaks, ...recorded] };
    await anchors.write(anchorState);
    memoryHead = head;
    for (const b of breaks) {
      await append({
        type: 'integrity',
        time,
        brokenSeq: Math.min(b.anchor.seq, (b.found?.seq ?? 0) + 1),
        reason: b.reason,
      });
    }
  }

  /**
   * Appends one record, and records the new head in the same transaction; `alsoInTransaction`
   * runs first in that transaction (retention deletes there). Call only inside `serial`.
   */
  async function append<R extends LogRecord>(
    body: RecordBody<R>,
    alsoInTransaction?: () => Promise<unknown>,
  ): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const record = await linkRecord<R>(body, await currentHead());
      try {
        await db.transaction('rw', db.records, db.state, async () => {
          // The database moved under us (a second background instance, a hand edit): never fork.
          const last = await db.records.orderBy('seq').last();
          if ((last?.seq ?? 0) !== record.seq - 1 || (last && last.hash !== record.prev)) throw new HeadMoved();
          await alsoInTransaction?.();
          await db.records.add(record);
          await db.state.put({ key: 'head', seq: record.seq, hash: record.hash });
        });
        head = { seq: record.seq, hash: record.hash };
        memoryHead = head;
        const state = await readAnchorState();
        anchorState = { ...state, head };
        await anchors.write(anchorState);
        deps.onCommit?.(record);
        return record;
      } catch (e) {
        headKnown = false;
        // The database no longer ends on the head this background committed: re-read it and
        // compare with every anchor (memory first) before linking anything to it.
        if (e instanceof HeadMoved && attempt < 3) continue;
        const name = e instanceof Error ? ((e as { inner?: Error }).inner?.name ?? e.name) : '';
        const why = name === 'QuotaExceededError' ? '存储空间不足' : e instanceof Error ? e.message : String(e);
        throw new LogWriteError(`审计日志写入失败（${why}），本次操作未记录。请联系管理员清理空间或导出日志。`);
      }
    }
  }

  async function attemptBody(start: AttemptStart): Promise<RecordBody<AttemptRecord>> {
    const settings = await deps.settings();
    const full = settings.logText === 'full';
    const findings: LoggedFinding[] = start.findings.map((f) => {
      const logged: LoggedFinding = {
        ruleId: f.ruleId,
        messageId: f.messageId,
        category: f.category,
        severity: f.severity,
        field: f.field,
        range: [f.range[0], f.range[1]],
        basis: f.basis,
      };
      // In hash-only mode nothing that quotes the text is kept.
      if (full) Object.assign(logged, { excerpt: f.excerpt, message: f.message, suggestion: f.suggestion });
      return logged;
    });
    return personalDataAsPolicyAsks(
      {
        type: 'attempt',
        time: now().toISOString(),
        attempt: newId(),
        platform: start.platform,
        kind: start.kind,
        page: start.page,
        account: start.account,
        url: start.url,
        title: start.title,
        text: full ? start.text : undefined,
        textSha256: await sha256Hex(start.text),
        textLength: start.text.length,
        logText: settings.logText,
        verdict: start.verdict,
        findings,
        errors: start.errors.map((e) => ({ ruleId: e.ruleId, message: e.message })),
        pack: { id: start.pack.id, version: start.pack.version },
        extension: deps.extensionVersion,
        editor: { name: settings.editorName, unit: settings.editorUnit },
      },
      settings,
    );
  }

  /**
   * The editor's name and unit when they were given after the attempt was logged (the panel asks
   * for them the first time the editor publishes over findings): the outcome records them. The
   * content script sends what it holds; only what the attempt's own `editor` lacks is taken from
   * it, so a name the policy set (and the attempt recorded) is never replaced.
   */
  function editorGivenSince(
    attempt: AttemptRecord,
    given: { name: string; unit: string } | undefined,
  ): { name: string; unit: string } | undefined {
    if (!given || (attempt.editor.name && attempt.editor.unit)) return undefined;
    const name = attempt.editor.name || given.name;
    const unit = attempt.editor.unit || given.unit;
    return name !== attempt.editor.name || unit !== attempt.editor.unit ? { name, unit } : undefined;
  }

  /** Records a broken chain once (not again while it is the same break). Inside `serial`. */
  async function recordBreak(report: ChainReport) {
    const [first] = report.broken;
    if (!first) return;
    const last = await latestOfType(db, 'integrity');
    if (last && last.brokenSeq === first.seq && last.reason === first.reason) return;
    await append({ type: 'integrity', time: now().toISOString(), brokenSeq: first.seq, reason: first.reason });
  }

  /** Re-estimates storage; a change of level is recorded in the chain and shown. Inside `serial`. */
  async function checkStorage(): Promise<StorageLevel> {
    if (!deps.estimate) return storage.level;
    const estimate = await deps.estimate();
    const level = storageLevel(estimate);
    storage = { level, estimate, checkedAt: now().getTime() };
    const recorded = (await latestOfType(db, 'storage'))?.level ?? 'ok';
    if (level !== recorded)
      await append({ type: 'storage', time: now().toISOString(), level, usage: estimate.usage, quota: estimate.quota });
    deps.onStorageLevel?.(level, storageMessage(level, estimate));
    return level;
  }

  function storageWarning(): string | undefined {
    return storage.estimate && storageMessage(storage.level, storage.estimate);
  }

  function requireSamePlatform(platform: string, caller: Caller) {
    const from = guardedPlatform(caller.url);
    if (from !== platform)
      throw new LogWriteError(`拒绝：来自 ${caller.url ?? '未知页面'} 的请求不能记录或完成 ${platform} 平台的发布尝试`);
  }

  return {
    /** Stores an attempt as pending; the answer means it is committed. */
    async logAttempt(input: unknown, caller: Caller): Promise<{ id: string; storageWarning?: string }> {
      const start = parseRequest('logAttempt', input);
      requireSamePlatform(start.platform, caller);
      const body = await attemptBody(start);
      await serial(() => append(body));
      if (now().getTime() - storage.checkedAt >= STORAGE_CHECK_MS) {
        // After answering: the post must not wait for an estimate. A failed check is retried next time.
        void serial(checkStorage).catch(() => undefined);
      }
      const warning = storageWarning();
      return warning ? { id: body.attempt, storageWarning: warning } : { id: body.attempt };
    },

    /** Appends the editor's decision for a pending attempt (once). */
    async completeAttempt(input: unknown, caller: Caller): Promise<{ ok: true }> {
      const done = parseRequest('completeAttempt', input);
      await serial(async () => {
        const records = await recordsOfAttempt(db, done.id);
        const attempt = records.find((r): r is AttemptRecord => r.type === 'attempt');
        if (!attempt) throw new LogWriteError(`没有这条发布尝试：${done.id}`);
        requireSamePlatform(attempt.platform, caller);
        if (records.some((r) => r.type === 'outcome'))
          throw new LogWriteError(`发布尝试 ${done.id} 已有处理结果，不能再改`);
        await append({
          type: 'outcome',
          time: now().toISOString(),
          attempt: done.id,
          decision: done.decision,
          reason: done.reason,
          editor: editorGivenSince(attempt, done.editor),
          review: done.review,
        });
      });
      return { ok: true };
    },

    /** Records that an adapter could not find what it guards (once per problem per 10 minutes). */
    async reportAdapterProblem(input: unknown, caller: Caller): Promise<{ ok: true }> {
      const problem = parseRequest('reportAdapterProblem', input);
      requireSamePlatform(problem.platform, caller);
      const key = `${problem.platform}\n${problem.page}\n${problem.problem}`;
      const t = now().getTime();
      if (t - (problemsSeen.get(key) ?? -Infinity) < PROBLEM_REPEAT_MS) return { ok: true };
      await serial(() => append({ type: 'adapter-problem', time: now().toISOString(), ...problem }));
      problemsSeen.set(key, t);
      return { ok: true };
    },

    /**
     * The daily check: verify the whole chain (a break is recorded, and then nothing is pruned, so
     * retention can never hide tampering), prune what the retention policy lets go, re-estimate
     * storage.
     */
    maintain(retentionDays: number | undefined): Promise<{ report: ChainReport; pruned: number }> {
      return serial(async () => {
        headKnown = false; // re-read the head: a cut-off tail is recorded before verifying
        await currentHead();
        const report = await readAndVerify(db);
        let pruned = 0;
        let prunedAttempts = 0;
        if (!report.ok) await recordBreak(report);
        else if (retentionDays !== undefined && Number.isSafeInteger(retentionDays) && retentionDays >= 1) {
          const before = new Date(now().getTime() - retentionDays * DAY_MS).toISOString();
          const plan = await planRetention(db, before);
          if (plan) {
            await append(
              {
                type: 'retention',
                time: now().toISOString(),
                days: retentionDays,
                before,
                prunedThrough: plan.through,
                anchor: plan.anchor,
                pruned: { records: plan.records, attempts: plan.attempts },
                accounts: plan.accounts,
              },
              () => db.records.where('seq').belowOrEqual(plan.through).delete(),
            );
            pruned = plan.records;
            prunedAttempts = plan.attempts;
          }
        }
        // Readers resume after what was verified here (audit/read-log.ts); after a break, from the start.
        const time = now().toISOString();
        await saveCheckpoint(
          db,
          report.ok && report.head
            ? {
                ...report.head,
                records: report.records - pruned,
                attempts: report.attempts - prunedAttempts,
                time,
                fullTime: time,
              }
            : undefined,
        );
        await checkStorage();
        return { report, pruned };
      });
    },

    /**
     * A page verified the chain (ChainVerified): the checkpoint moves forward to the head it
     * reached, if the record there is in the chain with that hash; a resumed verification keeps
     * the time of the last full one, and needs the checkpoint it resumed from to still be there.
     */
    async noteChainVerified(input: unknown): Promise<{ saved: boolean }> {
      const note = parseRequest('noteChainVerified', input);
      return serial(async () => {
        if (!note.ok || !note.head) {
          if (!note.ok && note.full) await saveCheckpoint(db, undefined);
          return { saved: false };
        }
        const { seq, hash } = note.head;
        const [record, current] = await Promise.all([db.records.get(seq), verifiedCheckpoint(db)]);
        if (record?.hash !== hash || (current && current.seq > seq) || (!note.full && !current))
          return { saved: false };
        const time = now().toISOString();
        const fullTime = note.full ? time : current!.fullTime;
        await saveCheckpoint(db, { seq, hash, records: note.records, attempts: note.attempts, time, fullTime });
        return { saved: true };
      });
    },

    /** For the popup and the dashboard: head, storage, last integrity problem. */
    status(): Promise<LogStatus> {
      return serial(async () => {
        const h = await currentHead();
        if (storage.checkedAt === -Infinity) await checkStorage();
        const integrity = await latestOfType(db, 'integrity');
        const state = await readAnchorState();
        return {
          anchorBreaks: state.breaks.map(({ time, kind, source, reason }) => ({ time, kind, source, reason })),
          anchors: outsideAnchors(state),
          head: h ?? null,
          storage: {
            level: storage.level,
            usage: storage.estimate?.usage,
            quota: storage.estimate?.quota,
            message: storageWarning(),
          },
          lastIntegrityProblem: integrity
            ? { time: integrity.time, seq: integrity.brokenSeq, reason: integrity.reason }
            : null,
        };
      });
    },

    checkStorage: () => serial(checkStorage),
    head: () => serial(currentHead),
    /** Every anchor break ever found (never cleared), and the anchors now kept. */
    anchors: () => serial(async () => (await currentHead(), { ...(await readAnchorState()) })),
    /**
     * The collector acknowledged this head: keep it as an anchor, if the chain holds it (a stale
     * acknowledgement for a chain that broke since is ignored).
     */
    acknowledge: (ack: Head) =>
      serial(async () => {
        await currentHead();
        const state = await readAnchorState();
        if (state.collector && state.collector.seq >= ack.seq) return false;
        if (compareToAnchor({ ...ack, source: 'collector' }, await chainAt(db, ack.seq))) return false;
        anchorState = { ...state, collector: ack };
        await anchors.write(anchorState);
        return true;
      }),
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
