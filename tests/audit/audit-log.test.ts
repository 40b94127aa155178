import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../entrypoints/background/audit-log';
import { sha256Hex } from '../../audit/canonical';
import { LogReader } from '../../audit/read-log';
import * as v from 'valibot';
import { LogRecord, type AttemptRecord, type OutcomeRecord } from '../../audit/record';
import type { LogDb } from '../../audit/db';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { allRecords, memoryDb, verifyDb } from './db';
import { attemptStart } from './fixtures';

const weibo = { url: 'https://weibo.com/u/2803301701' };
const wechat = { url: 'https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/appmsg_edit' };

let db: LogDb;
let settings: Settings;
let log: AuditLog;

beforeEach(() => {
  db = memoryDb();
  settings = { ...DEFAULT_SETTINGS, editorName: '李编辑', editorUnit: '保定市政府办公室' };
  log = createAuditLog({
    db,
    settings: async () => settings,
    extensionVersion: '0.1.0',
    now: () => new Date('2026-03-01T08:00:00Z'),
  });
});
afterEach(() => db.close());

describe('write-ahead', () => {
  it('stores the attempt as pending before answering, then appends the outcome', async () => {
    const { id } = await log.logAttempt(attemptStart(), weibo);
    const pending = (await allRecords(db))[0] as AttemptRecord;
    expect(pending).toMatchObject({
      type: 'attempt',
      attempt: id,
      seq: 1,
      platform: 'weibo',
      verdict: 'warn',
      extension: '0.1.0',
    });
    expect(pending.editor).toEqual({ name: '李编辑', unit: '保定市政府办公室' });
    expect(pending.text).toBe(attemptStart().text);
    expect(pending.textSha256).toBe(await sha256Hex(attemptStart().text));

    await log.completeAttempt({ id, decision: 'published-with-reason', reason: '已核实，为规范用语' }, weibo);
    const records = await allRecords(db);
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual(pending); // the attempt itself is never rewritten
    expect(records[1]).toMatchObject({
      type: 'outcome',
      attempt: id,
      decision: 'published-with-reason',
      reason: '已核实，为规范用语',
      prev: pending.hash,
    });
    expect((await verifyDb(db)).ok).toBe(true);
  });

  it('records on the outcome the name and unit the editor gave after the attempt, and the chain verifies', async () => {
    settings = { ...DEFAULT_SETTINGS };
    const { id } = await log.logAttempt(attemptStart(), weibo);
    // The content script sends the name and unit it holds (the panel just asked for them).
    const editor = { name: '赵编辑', unit: '保定市政府办公室' };
    await log.completeAttempt({ id, decision: 'published-with-reason', reason: '已核实，为规范用语', editor }, weibo);
    const [attempt, outcome] = (await allRecords(db)) as [AttemptRecord, OutcomeRecord];
    expect(attempt.editor).toEqual({ name: '', unit: '' });
    expect(outcome.editor).toEqual({ name: '赵编辑', unit: '保定市政府办公室' });
    // The record schema keeps it (exports, uploads and imports are read through it).
    expect(v.parse(LogRecord, outcome)).toEqual(outcome);
    expect((await verifyDb(db)).ok).toBe(true);

    // Known at the attempt: the outcome does not repeat them, and what it says never replaces them.
    settings = { ...DEFAULT_SETTINGS, editorName: '李编辑', editorUnit: '保定市政府办公室' };
    const second = await log.logAttempt(attemptStart(), weibo);
    await log.completeAttempt({ id: second.id, decision: 'published', editor }, weibo);
    expect(((await allRecords(db)).at(-1) as OutcomeRecord).editor).toBeUndefined();

    // Only what the attempt lacked is taken: a name the attempt recorded (e.g. set by policy) stays.
    settings = { ...DEFAULT_SETTINGS, editorName: '李编辑' };
    const third = await log.logAttempt(attemptStart(), weibo);
    await log.completeAttempt({ id: third.id, decision: 'published', editor }, weibo);
    expect(((await allRecords(db)).at(-1) as OutcomeRecord).editor).toEqual({
      name: '李编辑',
      unit: '保定市政府办公室',
    });
  });

  it('completes without reading the settings again', async () => {
    settings = { ...DEFAULT_SETTINGS };
    const { id } = await log.logAttempt(attemptStart(), weibo);
    let reads = 0;
    const counting = createAuditLog({
      db,
      settings: async () => (reads++, settings),
      extensionVersion: '0.1.0',
      now: () => new Date('2026-03-01T08:00:00Z'),
    });
    await counting.completeAttempt({ id, decision: 'published' }, weibo);
    expect(reads).toBe(0);
    expect(((await allRecords(db)).at(-1) as OutcomeRecord).editor).toBeUndefined();
  });

  it('records the 三审 record an override carried, and the chain verifies', async () => {
    const review = { political: '王审核', legal: '刘法务', policy: '陈主任', secrecy: '周保密', wording: '吴校对' };
    const { id } = await log.logAttempt(attemptStart(), weibo);
    await log.completeAttempt({ id, decision: 'published-with-reason', reason: '经三审同意发布', review }, weibo);
    const outcome = (await allRecords(db)).at(-1) as OutcomeRecord;
    expect(outcome.review).toEqual(review);
    expect(v.parse(LogRecord, outcome)).toEqual(outcome);
    expect((await verifyDb(db)).ok).toBe(true);

    // A record missing a name is refused, and nothing is appended.
    const second = await log.logAttempt(attemptStart(), weibo);
    await expect(
      log.completeAttempt(
        {
          id: second.id,
          decision: 'published-with-reason',
          reason: '经三审同意发布',
          review: { ...review, legal: '' },
        },
        weibo,
      ),
    ).rejects.toThrow('review.legal');
    expect((await allRecords(db)).at(-1)?.type).toBe('attempt');
  });

  it('leaves an attempt that is never completed visible as pending', async () => {
    await log.logAttempt(attemptStart(), weibo);
    const { id } = await log.logAttempt(attemptStart({ text: '第二条' }), weibo);
    await log.completeAttempt({ id, decision: 'blocked' }, weibo);
    const records = await allRecords(db);
    const completed = new Set(records.filter((r): r is OutcomeRecord => r.type === 'outcome').map((r) => r.attempt));
    const pending = records.filter((r) => r.type === 'attempt' && !completed.has(r.attempt));
    expect(pending).toHaveLength(1);
  });

  it('completes an attempt once only, and only an attempt that exists', async () => {
    const { id } = await log.logAttempt(attemptStart(), weibo);
    await log.completeAttempt({ id, decision: 'cancelled' }, weibo);
    await expect(log.completeAttempt({ id, decision: 'published' }, weibo)).rejects.toThrow('已有处理结果');
    await expect(
      log.completeAttempt({ id: '7d444840-9dc0-11d1-b245-5ffdce74fad2', decision: 'published' }, weibo),
    ).rejects.toThrow('没有这条发布尝试');
    expect(await allRecords(db)).toHaveLength(2);
  });

  it('refuses an attempt or completion from the other platform’s pages', async () => {
    await expect(log.logAttempt(attemptStart(), wechat)).rejects.toThrow('拒绝');
    const { id } = await log.logAttempt(attemptStart(), weibo);
    await expect(log.completeAttempt({ id, decision: 'published' }, wechat)).rejects.toThrow('拒绝');
    await expect(log.logAttempt(attemptStart(), {})).rejects.toThrow('拒绝');
    expect(await allRecords(db)).toHaveLength(1);
  });

  it('refuses invalid payloads without writing anything', async () => {
    await expect(log.logAttempt({ ...attemptStart(), verdict: 'fine' }, weibo)).rejects.toThrow(
      '「logAttempt」参数无效：verdict',
    );
    await expect(log.completeAttempt({ id: 'x', decision: 'published' }, weibo)).rejects.toThrow(
      '「completeAttempt」参数无效',
    );
    expect(await allRecords(db)).toHaveLength(0);
  });
});

describe('the chain under load', () => {
  it('keeps one valid chain when many tabs log and complete at once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) => log.logAttempt(attemptStart({ text: `第${i}条` }), weibo)),
    );
    await Promise.all(
      ids.map(({ id }, i) => log.completeAttempt({ id, decision: i % 3 ? 'published' : 'blocked' }, weibo)),
    );
    const report = await verifyDb(db);
    expect(report).toMatchObject({ ok: true, records: 80, attempts: 40 });
    expect((await allRecords(db)).map((r) => r.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  });

  it('continues the chain after a restart (a new writer on the same database)', async () => {
    await log.logAttempt(attemptStart(), weibo);
    const again = createAuditLog({ db, settings: async () => settings, extensionVersion: '0.1.1' });
    await again.logAttempt(attemptStart(), weibo);
    expect((await verifyDb(db)).ok).toBe(true);
    expect(await again.head()).toMatchObject({ seq: 2 });
  });
});

describe('hash-only mode', () => {
  it('keeps the SHA-256 of the text and nothing that quotes it', async () => {
    settings = { ...settings, logText: 'hash' };
    const start = attemptStart({
      text: '请联系张三，身份证号 130602199001011234。',
      findings: attemptStart().findings,
    });
    await log.logAttempt(start, weibo);
    const record = (await allRecords(db))[0] as AttemptRecord;
    expect(record.text).toBeUndefined();
    expect(record.logText).toBe('hash');
    expect(record.textSha256).toBe(await sha256Hex(start.text));
    expect(record.textLength).toBe(start.text.length);
    expect(record.findings[0]).toEqual({
      ruleId: 'no-typo',
      messageId: 'typo',
      category: 'typo',
      severity: 'warn',
      field: 'body',
      range: [17, 19],
      basis: '第十三条 文字关',
    });
    expect(JSON.stringify(record)).not.toContain('130602');
  });
});

describe('the records written', () => {
  it('are what the record schemas describe, in full-text and hash-only mode', async () => {
    const { id } = await log.logAttempt(attemptStart(), weibo);
    await log.completeAttempt({ id, decision: 'published-with-reason', reason: '已核实' }, weibo);
    settings = { ...settings, logText: 'hash' };
    const second = await log.logAttempt(attemptStart({ platform: 'wechat', kind: 'article', url: wechat.url }), wechat);
    await log.completeAttempt({ id: second.id, decision: 'blocked' }, wechat);
    await log.reportAdapterProblem(
      { platform: 'weibo', page: 'home', url: 'https://weibo.com/', problem: '找不到发布按钮' },
      weibo,
    );
    const records = await allRecords(db);
    expect(records.map((r) => r.type)).toEqual(['attempt', 'outcome', 'attempt', 'outcome', 'adapter-problem']);
    for (const record of records) expect(v.safeParse(LogRecord, record).issues).toBeUndefined();
    // And a schema does refuse what the writer never writes.
    const wrong = { ...records[0]!, platform: 'douyin' };
    expect(v.safeParse(LogRecord, wrong).issues?.map((i) => i.message)).toEqual(['应为 weibo / wechat 之一']);
  });
});

describe('adapter problems', () => {
  it('records a problem once per ten minutes', async () => {
    const problem = { platform: 'weibo', page: 'home', url: 'https://weibo.com/', problem: '找不到发布按钮' };
    await log.reportAdapterProblem(problem, weibo);
    await log.reportAdapterProblem(problem, weibo);
    const records = await allRecords(db);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ type: 'adapter-problem', problem: '找不到发布按钮' });
  });
});

describe('write failures', () => {
  it('rejects with a clear error and leaves the chain intact when the disk is full', async () => {
    await log.logAttempt(attemptStart(), weibo);
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.records.hook('creating', full);
    await expect(log.logAttempt(attemptStart(), weibo)).rejects.toThrow('审计日志写入失败（存储空间不足）');
    db.records.hook('creating').unsubscribe(full);
    await log.logAttempt(attemptStart(), weibo);
    const report = await verifyDb(db);
    expect(report).toMatchObject({ ok: true, records: 2 });
  });
});

describe('reading the log back', () => {
  it('shows records while verification catches up, and gives the verdict once done', async () => {
    for (let i = 0; i < 12; i++) await log.logAttempt(attemptStart({ text: `第${i}条` }), weibo);
    const reader = new LogReader(db);
    const seen: number[] = [];
    const verified: number[] = [];
    await reader.read((chunk) => seen.push(...chunk.map((r) => r.seq)), {
      chunkSize: 5,
      onVerified: (n) => verified.push(n),
    });
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await reader.report()).toMatchObject({ ok: true, records: 12 });
    expect(verified.at(-1)).toBe(12);
    // Reading again picks up only what was appended since.
    await log.logAttempt(attemptStart(), weibo);
    expect(await reader.read()).toBe(1);
    expect(await reader.report()).toMatchObject({ ok: true, records: 13 });
  });
});

describe('personal data in the log', () => {
  const ID = '11010519491231002X';
  const text = `寻找失主，身份证号${ID}，请联系。`;
  const idFinding = {
    ruleId: 'no-id-number',
    messageId: 'id18',
    category: 'personal-data' as const,
    severity: 'block' as const,
    field: 'body' as const,
    range: [text.indexOf(ID), text.indexOf(ID) + ID.length] as [number, number],
    excerpt: ID,
    message: `「${ID}」是校验有效的居民身份证号码`,
    suggestion: '1101**********002X',
    basis: '《个人信息保护法》第二十八条',
  };

  it('is stored masked in the text and the finding, the hash still that of the original', async () => {
    await log.logAttempt(attemptStart({ text, verdict: 'block', findings: [idFinding] }), weibo);
    const [record] = (await allRecords(db)) as AttemptRecord[];
    expect(JSON.stringify(record)).not.toContain(ID);
    expect(record!.text).toBe('寻找失主，身份证号1101**********002X，请联系。');
    expect(record!.findings[0]).toMatchObject({ excerpt: '1101**********002X', range: idFinding.range });
    expect(record!.textSha256).toBe(await sha256Hex(text));
    expect((await verifyDb(db)).ok).toBe(true);
  });

  it('is kept in full only when the policy asks for it', async () => {
    settings = { ...settings, logPersonalData: 'full' };
    await log.logAttempt(attemptStart({ text, verdict: 'block', findings: [idFinding] }), weibo);
    const [record] = (await allRecords(db)) as AttemptRecord[];
    expect(record!.text).toBe(text);
  });
});
