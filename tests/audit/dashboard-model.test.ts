import { beforeAll, describe, expect, it } from 'vitest';
import { accountKey } from '../../audit/accounts';
import { LogModel } from '../../audit/entries';
import { filterEntries } from '../../audit/filter';
import type { LogRecord, RetentionRecord } from '../../audit/record';
import { accountActivity, overrideRates, perDay, topRules } from '../../audit/stats';
import { attemptBody, buildChain, mixedBodies, outcomeBody } from './fixtures';

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let records: LogRecord[];
let model: LogModel;
beforeAll(async () => {
  records = await buildChain(mixedBodies(400, { days: 20 }));
  model = new LogModel();
  for (let i = 0; i < records.length; i += 37) model.add(records.slice(i, i + 37));
});

describe('LogModel', () => {
  it('folds each outcome into its attempt and keeps the rest pending', () => {
    expect(model.entries).toHaveLength(400);
    expect(model.records).toHaveLength(records.length);
    const pending = model.entries.filter((e) => e.decision === 'pending');
    const outcomes = records.filter((r) => r.type === 'outcome').length;
    expect(pending.length).toBe(400 - outcomes);
    expect(pending.length).toBeGreaterThan(0);
    for (const e of model.entries) if (e.outcome) expect(e.outcome.attempt).toBe(e.attempt.attempt);
  });

  it('marks overrides: published although the check found something', () => {
    const overrides = model.entries.filter((e) => e.override);
    expect(overrides.length).toBeGreaterThan(0);
    for (const e of overrides) {
      expect(['published', 'published-with-reason']).toContain(e.decision);
      expect(e.attempt.verdict).not.toBe('pass');
    }
  });
});

describe('filterEntries', () => {
  it('filters by each field, and by all at once', () => {
    const all = model.entries;
    const weibo = filterEntries(all, { platform: 'weibo' });
    expect(weibo.length).toBeGreaterThan(0);
    expect(weibo.every((e) => e.attempt.platform === 'weibo')).toBe(true);

    const key = accountKey({ platform: 'wechat', name: '保定卫健', id: 'gh_bdwj' });
    expect(filterEntries(all, { account: key }).every((e) => e.attempt.account?.name === '保定卫健')).toBe(true);
    expect(
      filterEntries(all, { category: 'commercial-ad' }).every(
        (e) => e.decision === 'blocked' || e.decision === 'pending',
      ),
    ).toBe(true);
    expect(filterEntries(all, { rule: 'no-typo' }).every((e) => e.rules.includes('no-typo'))).toBe(true);
    expect(filterEntries(all, { verdicts: ['justify'] }).every((e) => e.attempt.verdict === 'justify')).toBe(true);
    expect(filterEntries(all, { decisions: ['pending'] })).toHaveLength(all.filter((e) => !e.outcome).length);

    const from = Date.parse('2026-01-05T00:00:00Z');
    const to = Date.parse('2026-01-06T00:00:00Z');
    const day = filterEntries(all, { fromMs: from, toMs: to });
    expect(day.length).toBe(20);
    expect(day.every((e) => e.timeMs >= from && e.timeMs < to)).toBe(true);

    // Several values of one field: any of them (blocked or overridden is one filter).
    const either = filterEntries(all, { decisions: ['blocked', 'published-with-reason'] });
    expect(either.length).toBe(
      all.filter((e) => e.decision === 'blocked' || e.decision === 'published-with-reason').length,
    );
    expect(new Set(either.map((e) => e.decision))).toEqual(new Set(['blocked', 'published-with-reason']));
    expect(filterEntries(all, { verdicts: [], decisions: [] })).toHaveLength(all.length);

    const combined = filterEntries(all, { platform: 'weibo', decisions: ['blocked'], fromMs: from });
    expect(combined.every((e) => e.attempt.platform === 'weibo' && e.decision === 'blocked' && e.timeMs >= from)).toBe(
      true,
    );
  });

  it('searches free text in text, reason and URL, ignoring ASCII case', () => {
    expect(filterEntries(model.entries, { text: '第17条' }).map((e) => e.attempt.text)).toEqual([
      expect.stringContaining('（第17条）'),
    ]);
    expect(
      filterEntries(model.entries, { text: '分管领导' }).every((e) => e.decision === 'published-with-reason'),
    ).toBe(true);
    expect(filterEntries(model.entries, { text: 'WEIBO.COM/U' }).length).toBeGreaterThan(0);
    expect(filterEntries(model.entries, { text: '不存在的词' })).toHaveLength(0);
    // Characters that mean something in a regular expression are searched literally.
    expect(filterEntries(model.entries, { text: 'U/2803301701' }).length).toBeGreaterThan(0);
    expect(filterEntries(model.entries, { text: 'U/(.*)' })).toHaveLength(0);
    expect(filterEntries(model.entries, { text: '（第17条）' })).toHaveLength(1);
  });

  it('returns everything for an empty filter', () => {
    expect(filterEntries(model.entries, { text: '  ' })).toHaveLength(400);
  });
});

describe('stats', () => {
  it('counts attempts, blocks and overrides per day, by category, with empty days', async () => {
    const a = attemptBody({ time: '2026-03-01T04:00:00.000Z', verdict: 'block' });
    const b = attemptBody({ time: '2026-03-03T04:00:00.000Z' });
    const m = new LogModel();
    m.add(await buildChain([a, outcomeBody(a.attempt, 'blocked'), b, outcomeBody(b.attempt, 'published')]));
    const days = perDay(m.entries, utcDay);
    expect(days.map((d) => [d.day, d.attempts, d.blocks, d.overrides])).toEqual([
      ['2026-03-01', 1, 1, 0],
      ['2026-03-02', 0, 0, 0],
      ['2026-03-03', 1, 0, 1],
    ]);
    expect(days[0]!.byCategory).toEqual({ typo: { blocks: 1, overrides: 0 } });
    expect(days[2]!.byCategory).toEqual({ typo: { blocks: 0, overrides: 1 } });
  });

  it('sums per-day counts to the totals', () => {
    const days = perDay(model.entries, utcDay);
    expect(days.reduce((n, d) => n + d.attempts, 0)).toBe(400);
    expect(days.reduce((n, d) => n + d.blocks, 0)).toBe(model.entries.filter((e) => e.decision === 'blocked').length);
    expect(days).toHaveLength(20);
  });

  it('ranks rules by the attempts they fired on', () => {
    const top = topRules(model.entries, 3);
    expect(top).toHaveLength(3);
    expect(top[0]!.attempts).toBeGreaterThanOrEqual(top[1]!.attempts);
    expect(top[0]!.attempts).toBe(model.entries.filter((e) => e.rules.includes(top[0]!.ruleId)).length);
  });

  it('gives each account its override rate over warned, completed attempts', () => {
    for (const r of overrideRates(model.entries)) {
      const warned = model.entries.filter(
        (e) =>
          e.attempt.account?.name === r.name &&
          e.decision !== 'pending' &&
          (e.attempt.verdict === 'warn' || e.attempt.verdict === 'justify'),
      );
      expect(r.warned).toBe(warned.length);
      expect(r.overrides).toBe(warned.filter((e) => e.override).length);
      expect(r.rate).toBeCloseTo(r.overrides / r.warned);
    }
  });

  it('finds silent accounts, remembering what retention pruned', async () => {
    const recent = attemptBody({ time: '2026-03-20T02:00:00.000Z', account: { name: '保定发布' } });
    const m = new LogModel();
    m.add(
      await buildChain([recent, { ...outcomeBody(recent.attempt, 'published'), time: '2026-03-20T02:01:00.000Z' }]),
    );
    const retention = {
      accounts: [
        {
          platform: 'wechat',
          name: '保定卫健',
          attempts: 3,
          published: 2,
          lastAttempt: '2026-01-10T00:00:00.000Z',
          lastPublish: '2026-01-02T00:00:00.000Z',
        },
      ],
    } as unknown as RetentionRecord;
    const now = Date.parse('2026-03-25T00:00:00Z');
    const activity = accountActivity(m.entries, retention, now, 14);
    expect(activity.map((a) => [a.name, a.silentDays, a.silent])).toEqual([
      ['保定卫健', 82, true],
      ['保定发布', 4, false],
    ]);
  });
});
