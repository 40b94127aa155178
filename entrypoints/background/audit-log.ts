/**
 * The audit log's only writer. Content scripts reach it through the protocol (logAttempt,
 * completeAttempt, reportAdapterProblem); every payload is validated here, and every record is
 * appended to the hash chain one at a time, so two tabs publishing at once still get one chain.
 *
 * Write-ahead: logAttempt answers only once the pending attempt is committed, and the guard lets
 * the post go only after that answer; if the write fails, the caller gets the error and the post
 * stays blocked (an attempt is never dropped silently).
 */
import { sha256Hex } from '../../utils/audit/canonical';
import { linkRecord, type Head } from '../../utils/audit/chain';
import type { AttemptRecord, LoggedFinding, LogRecord, RecordBody } from '../../utils/audit/record';
import { validateAdapterProblem, validateAttemptStart, validateCompletion } from '../../utils/audit/validate';
import { guardedPlatform } from '../../utils/callers';
import { lastRecord, recordsOfAttempt, type LogDb } from '../../utils/db';
import type { AttemptStart } from '../../utils/protocol';
import type { Settings } from '../../utils/settings';

export interface AuditLogDeps {
  db: LogDb;
  /** The settings in force when an attempt is logged (editor, logText). */
  settings: () => Promise<Settings>;
  extensionVersion: string;
  now?: () => Date;
  newId?: () => string;
}

/** Where a message came from: the page URL of the content script's frame. */
export interface Caller {
  url?: string;
}

/** Repeated reports of the same broken adapter within this window are one problem, not many. */
const PROBLEM_REPEAT_MS = 10 * 60_000;

export class LogWriteError extends Error {}

export function createAuditLog(deps: AuditLogDeps) {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const { db } = deps;
  let head: Head | undefined;
  let headKnown = false;
  let queue: Promise<unknown> = Promise.resolve();
  const problemsSeen = new Map<string, number>();

  /** Runs writes one after another: each needs the head the previous one left. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function currentHead(): Promise<Head | undefined> {
    if (!headKnown) {
      const last = await lastRecord(db);
      head = last && { seq: last.seq, hash: last.hash };
      headKnown = true;
    }
    return head;
  }

  /** Appends one record; call only inside `serial`. */
  async function append<R extends LogRecord>(body: RecordBody<R>): Promise<R> {
    const record = await linkRecord<R>(body, await currentHead());
    try {
      await db.transaction('rw', db.records, async () => {
        // Another writer (a second background instance) would have moved the head: never fork.
        const last = await db.records.orderBy('seq').last();
        if ((last?.seq ?? 0) !== record.seq - 1) throw new LogWriteError('日志链头已变化');
        await db.records.add(record);
      });
    } catch (e) {
      headKnown = false;
      const name = e instanceof Error ? ((e as { inner?: Error }).inner?.name ?? e.name) : '';
      const why = name === 'QuotaExceededError' ? '存储空间不足' : e instanceof Error ? e.message : String(e);
      throw new LogWriteError(`审计日志写入失败（${why}），本次操作未记录。请联系管理员清理空间或导出日志。`);
    }
    head = { seq: record.seq, hash: record.hash };
    return record;
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
    return {
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
    };
  }

  function requireSamePlatform(platform: string, caller: Caller) {
    const from = guardedPlatform(caller.url);
    if (from !== platform) throw new LogWriteError(`拒绝：来自 ${caller.url ?? '未知页面'} 的请求不能记录或完成 ${platform} 平台的发布尝试`);
  }

  return {
    /** Stores an attempt as pending; the answer means it is committed. */
    async logAttempt(input: unknown, caller: Caller): Promise<{ id: string }> {
      const start = validateAttemptStart(input);
      requireSamePlatform(start.platform, caller);
      const body = await attemptBody(start);
      await serial(() => append(body));
      return { id: body.attempt };
    },

    /** Appends the editor's decision for a pending attempt (once). */
    async completeAttempt(input: unknown, caller: Caller): Promise<{ ok: true }> {
      const done = validateCompletion(input);
      await serial(async () => {
        const records = await recordsOfAttempt(db, done.id);
        const attempt = records.find((r): r is AttemptRecord => r.type === 'attempt');
        if (!attempt) throw new LogWriteError(`没有这条发布尝试：${done.id}`);
        requireSamePlatform(attempt.platform, caller);
        if (records.some((r) => r.type === 'outcome')) throw new LogWriteError(`发布尝试 ${done.id} 已有处理结果，不能再改`);
        await append({ type: 'outcome', time: now().toISOString(), attempt: done.id, decision: done.decision, reason: done.reason });
      });
      return { ok: true };
    },

    /** Records that an adapter could not find what it guards (once per problem per 10 minutes). */
    async reportAdapterProblem(input: unknown, caller: Caller): Promise<{ ok: true }> {
      const problem = validateAdapterProblem(input);
      requireSamePlatform(problem.platform, caller);
      const key = `${problem.platform}\n${problem.page}\n${problem.problem}`;
      const t = now().getTime();
      if (t - (problemsSeen.get(key) ?? -Infinity) < PROBLEM_REPEAT_MS) return { ok: true };
      await serial(() => append({ type: 'adapter-problem', time: now().toISOString(), ...problem }));
      problemsSeen.set(key, t);
      return { ok: true };
    },

    head: () => serial(currentHead),
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
