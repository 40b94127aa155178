import { describe, expect, it } from 'vitest';
import type { Draft, Finding, Report, Severity } from '../../rules/engine/types';
import { verdictOf } from '../../rules/engine/types';
import type { CheckOutcome } from '../../guard/check-budget';
import {
  runAttempt,
  StalePackError,
  type AttemptInput,
  type FlowDeps,
  type OverridePermission,
} from '../../guard/flow';
import type { PanelDecision } from '../../guard/overlay/Panel';
import type { Question } from '../../guard/panel-controller';

const DRAFT: Draft = {
  platform: 'weibo',
  kind: 'post',
  body: '做为基层干部',
  url: 'https://weibo.com/',
  account: { name: '保定发布', id: '1' },
};

function finding(severity: Exclude<Severity, 'off'>): Finding {
  return {
    ruleId: 'no-typo',
    category: 'typo',
    severity,
    field: 'body',
    range: [0, 2],
    excerpt: '做为',
    message: '错别字',
    basis: '第十三条',
    messageId: 'typo',
    suggestion: '作为',
  };
}

function outcome(...severities: Exclude<Severity, 'off'>[]): CheckOutcome {
  const findings = severities.map(finding);
  const report: Report = { verdict: verdictOf(findings), findings, errors: [], pack: { id: 'p', version: '1.0.0' } };
  return { report, ms: 1 };
}

/** A flow whose every step is recorded in order, with scripted check results and panel answers. */
function harness(options: {
  checks: CheckOutcome[];
  answers?: PanelDecision[];
  allowOverride?: OverridePermission;
  reasonWhenUnreadable?: boolean;
  logFails?: boolean;
  staleLogs?: number;
  deliverable?: boolean;
  reviewAsked?: boolean;
}) {
  const events: string[] = [];
  const starts: unknown[] = [];
  const completions: unknown[] = [];
  const questions: Question[] = [];
  const answers = [...(options.answers ?? [])];
  const checks = [...options.checks];
  let n = 0;
  let stale = options.staleLogs ?? 0;
  const deps: FlowDeps = {
    check: async () => (events.push('check'), checks.shift()!),
    log: {
      start: async (a) => {
        events.push('log');
        if (options.logFails) throw new Error('存储已满');
        if (stale > 0) {
          stale--;
          throw new StalePackError('当前启用的是新规则包');
        }
        starts.push(a);
        return { id: `a${++n}` };
      },
      complete: async (c) => (events.push(`complete:${c.decision}`), completions.push(c)),
    },
    ask: async (q) => (events.push('ask'), questions.push(q), answers.shift()!),
    allowOverride: async () => options.allowOverride ?? 'allowed',
    reasonWhenUnreadable: async () => options.reasonWhenUnreadable ?? false,
    notify: (text) => events.push(`notify:${text}`),
    checked: () => undefined,
    pack: () => ({ id: 'p', version: '1.0.0' }),
    ...(options.reviewAsked !== undefined ? { reviewAsked: () => options.reviewAsked! } : {}),
    strings: { logFailed: (m) => `日志失败：${m}`, controlGone: '按钮没了' },
  };
  const input: AttemptInput = {
    draft: DRAFT,
    page: 'home',
    origin: 'ui',
    deliverable: () => options.deliverable ?? true,
    reread: () => ({ ...DRAFT, body: '作为基层干部' }),
  };
  return { deps, input, events, starts, completions, questions };
}

describe('a pack activated between the check and the log', () => {
  it('checks again with the new pack: a post the new pack blocks does not go', async () => {
    const h = harness({ checks: [outcome(), outcome('block')], answers: [{ action: 'cancel' }], staleLogs: 1 });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual(['check', 'log', 'check', 'log', 'ask', 'complete:blocked']);
    expect(h.starts).toHaveLength(1);
  });

  it('asks again when the editor decided on the old pack’s findings, and goes once on the new pass', async () => {
    const h = harness({
      checks: [outcome('warn'), outcome()],
      answers: [{ action: 'publish', reason: '' }],
      staleLogs: 1,
    });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(true);
    expect(h.events).toEqual(['check', 'log', 'ask', 'check', 'log', 'complete:published']);
    expect(h.completions).toEqual([{ id: 'a1', decision: 'published' }]);
  });

  it('gives up and holds the post when the pack keeps changing', async () => {
    const h = harness({ checks: [outcome(), outcome(), outcome()], staleLogs: 5, answers: [{ action: 'cancel' }] });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.events.filter((e) => e === 'check')).toHaveLength(3);
    expect(h.events.at(-1)).toBe('ask');
    expect(h.questions.at(-1)).toMatchObject({ verdict: 'error', retry: true, allowOverride: false });
    expect(h.questions.at(-1)!.failure).toMatch(/^日志失败/);
  });
});

describe('a publish attempt', () => {
  it('pass: logged first (write-ahead), completed as published, then delivered — no panel', async () => {
    const h = harness({ checks: [outcome()] });
    expect(await runAttempt(h.input, h.deps)).toMatchObject({ deliver: true });
    expect(h.events).toEqual(['check', 'log', 'complete:published']);
    expect(h.starts[0]).toMatchObject({
      platform: 'weibo',
      kind: 'post',
      page: 'home',
      text: DRAFT.body,
      verdict: 'pass',
      account: DRAFT.account,
      url: DRAFT.url,
    });
  });

  it('block: cannot be published, even if the panel were to answer publish', async () => {
    const h = harness({ checks: [outcome('block', 'warn')], answers: [{ action: 'publish', reason: '理由' }] });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual(['check', 'log', 'ask', 'complete:blocked']);
    expect(h.questions[0]!.verdict).toBe('block');
  });

  it('warn: one click goes on; a reason given is recorded', async () => {
    const plain = harness({ checks: [outcome('warn')], answers: [{ action: 'publish', reason: '' }] });
    expect((await runAttempt(plain.input, plain.deps)).deliver).toBe(true);
    expect(plain.completions).toEqual([{ id: 'a1', decision: 'published' }]);
    const reasoned = harness({ checks: [outcome('warn')], answers: [{ action: 'publish', reason: '引用原文' }] });
    expect((await runAttempt(reasoned.input, reasoned.deps)).deliver).toBe(true);
    expect(reasoned.completions).toEqual([{ id: 'a1', decision: 'published-with-reason', reason: '引用原文' }]);
  });

  it('justify: only with a written reason', async () => {
    const without = harness({ checks: [outcome('justify')], answers: [{ action: 'publish', reason: '' }] });
    expect((await runAttempt(without.input, without.deps)).deliver).toBe(false);
    expect(without.completions).toEqual([{ id: 'a1', decision: 'cancelled' }]);
    const withReason = harness({
      checks: [outcome('justify', 'warn')],
      answers: [{ action: 'publish', reason: '经领导审核同意' }],
    });
    expect((await runAttempt(withReason.input, withReason.deps)).deliver).toBe(true);
    expect(withReason.completions).toEqual([{ id: 'a1', decision: 'published-with-reason', reason: '经领导审核同意' }]);
  });

  it('justify where the pack asks for the 三审 record: only with it, and it is logged with the reason', async () => {
    const review = { political: '王审核', legal: '刘法务', policy: '陈主任', secrecy: '周保密', wording: '吴校对' };
    const without = harness({
      checks: [outcome('justify')],
      answers: [{ action: 'publish', reason: '经领导审核同意' }],
      reviewAsked: true,
    });
    expect((await runAttempt(without.input, without.deps)).deliver).toBe(false);
    expect(without.questions[0]?.review).toBe(true);
    expect(without.completions).toEqual([{ id: 'a1', decision: 'cancelled' }]);
    const withReview = harness({
      checks: [outcome('justify')],
      answers: [{ action: 'publish', reason: '经领导审核同意', review }],
      reviewAsked: true,
    });
    expect((await runAttempt(withReview.input, withReview.deps)).deliver).toBe(true);
    expect(withReview.completions).toEqual([
      { id: 'a1', decision: 'published-with-reason', reason: '经领导审核同意', review },
    ]);
    // Not asked at warn, nor where the pack does not ask: nothing is recorded even if given.
    for (const [severity, asked] of [
      ['warn', true],
      ['justify', false],
    ] as const) {
      const other = harness({
        checks: [outcome(severity)],
        answers: [{ action: 'publish', reason: '经领导审核同意', review }],
        reviewAsked: asked,
      });
      expect((await runAttempt(other.input, other.deps)).deliver).toBe(true);
      expect(other.questions[0]?.review).toBeUndefined();
      expect(other.completions).toEqual([{ id: 'a1', decision: 'published-with-reason', reason: '经领导审核同意' }]);
    }
  });

  it('a check that fails or times out holds the post: logged as an error, going on needs a reason', async () => {
    const h = harness({
      checks: [{ failure: '规则包未能在 1000 毫秒内加载', ms: 1000 }],
      answers: [{ action: 'cancel' }],
    });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.starts[0]).toMatchObject({
      verdict: 'error',
      errors: [{ ruleId: 'guard', message: '规则包未能在 1000 毫秒内加载' }],
    });
    expect(h.completions).toEqual([{ id: 'a1', decision: 'check-failed' }]);
    expect(h.questions[0]).toMatchObject({ verdict: 'error', failure: '规则包未能在 1000 毫秒内加载' });

    const noReason = harness({
      checks: [{ failure: '检查出错', ms: 2 }],
      answers: [{ action: 'publish', reason: '' }],
    });
    expect((await runAttempt(noReason.input, noReason.deps)).deliver).toBe(false);
    // Before an unfinished check is overridden, it is run once more: nothing blocks, so it goes.
    const reason = harness({
      checks: [{ failure: '检查出错', ms: 2 }, outcome()],
      answers: [{ action: 'publish', reason: '紧急通知，已人工核对' }],
    });
    expect((await runAttempt(reason.input, reason.deps)).deliver).toBe(true);
    expect(reason.completions).toEqual([
      { id: 'a1', decision: 'published-with-reason', reason: '紧急通知，已人工核对' },
    ]);
  });

  it('an unreadable request is not checked: it fails closed', async () => {
    const h = harness({ checks: [], answers: [{ action: 'cancel' }] });
    expect((await runAttempt({ ...h.input, unreadable: '无法读取发布请求的内容' }, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual(['log', 'ask', 'complete:check-failed']);
  });

  it('content that could not be read is refused by default: no way on, even with a reason', async () => {
    const h = harness({ checks: [], answers: [{ action: 'publish', reason: '已人工核对' }] });
    expect((await runAttempt({ ...h.input, unreadable: '无法从平台读取要发表的稿件' }, h.deps)).deliver).toBe(false);
    expect(h.questions[0]).toMatchObject({ verdict: 'error', allowOverride: false });
    expect(h.completions).toEqual([{ id: 'a1', decision: 'check-failed' }]);
  });

  it('content that could not be read goes with a written reason where the policy allows it, and the reason is logged', async () => {
    const h = harness({
      checks: [],
      reasonWhenUnreadable: true,
      answers: [{ action: 'publish', reason: '已在平台上人工核对' }],
    });
    expect((await runAttempt({ ...h.input, unreadable: '无法从平台读取要发表的稿件' }, h.deps)).deliver).toBe(true);
    expect(h.questions[0]).toMatchObject({ verdict: 'error', allowOverride: true });
    expect(h.events).toEqual(['log', 'ask', 'complete:published-with-reason']);
    expect(h.completions).toEqual([{ id: 'a1', decision: 'published-with-reason', reason: '已在平台上人工核对' }]);
  });

  it('the policy for unreadable content never lifts an admin\'s "no overrides"', async () => {
    const h = harness({
      checks: [],
      allowOverride: 'forbidden',
      reasonWhenUnreadable: true,
      answers: [{ action: 'publish', reason: '已人工核对' }],
    });
    expect((await runAttempt({ ...h.input, unreadable: '无法从平台读取要发表的稿件' }, h.deps)).deliver).toBe(false);
    expect(h.completions).toEqual([{ id: 'a1', decision: 'check-failed' }]);
  });

  it('a log that cannot be written holds the post and opens the error panel with the way on (try again)', async () => {
    const h = harness({
      checks: [outcome(), outcome()],
      logFails: true,
      answers: [{ action: 'recheck' }, { action: 'cancel' }],
    });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual(['check', 'log', 'ask', 'check', 'log', 'ask']);
    expect(h.questions[0]).toMatchObject({ verdict: 'error', retry: true, failure: '日志失败：存储已满' });
  });

  it('a log that fails while the panel is open: whatever the editor answers, nothing goes', async () => {
    const h = harness({
      checks: [outcome('warn')],
      answers: [{ action: 'publish', reason: '理由' }, { action: 'cancel' }],
      logFails: true,
    });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual(['check', 'log', 'ask', 'ask']);
    expect(h.questions[1]).toMatchObject({ verdict: 'error', retry: true });
  });

  it('going back while the log fails asks nothing more', async () => {
    const h = harness({ checks: [outcome('warn')], answers: [{ action: 'cancel' }], logFails: true });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual(['check', 'log', 'ask']);
  });

  it('policy without overrides: warn and justify cannot be published over', async () => {
    const h = harness({
      checks: [outcome('warn')],
      answers: [{ action: 'publish', reason: '理由' }],
      allowOverride: 'forbidden',
    });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.questions[0]!.allowOverride).toBe(false);
    expect(h.questions[0]!.policyUnknown).toBeUndefined();
    expect(h.completions).toEqual([{ id: 'a1', decision: 'cancelled' }]);
  });

  it('policy not read yet: no override either, and the question says the policy is unknown', async () => {
    const h = harness({
      checks: [outcome('justify')],
      answers: [{ action: 'publish', reason: '转载已获授权' }],
      allowOverride: 'policy-unknown',
    });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.questions[0]).toMatchObject({ allowOverride: false, policyUnknown: true });
    expect(h.completions).toEqual([{ id: 'a1', decision: 'cancelled' }]);
  });

  it('fixed from the panel: the old attempt is closed and the edited draft is checked and logged anew', async () => {
    const h = harness({ checks: [outcome('warn'), outcome()], answers: [{ action: 'recheck' }] });
    const result = await runAttempt(h.input, h.deps);
    expect(result).toMatchObject({ deliver: true, draft: { body: '作为基层干部' } });
    expect(h.events).toEqual(['check', 'log', 'ask', 'complete:cancelled', 'check', 'log', 'complete:published']);
  });

  it('a control that left the page cannot be delivered to: cancelled, and the editor is told', async () => {
    const h = harness({ checks: [outcome()], deliverable: false });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual(['check', 'log', 'complete:cancelled', 'notify:按钮没了']);
  });
});

describe('a block found is final', () => {
  const withErrors = (o: CheckOutcome, failure: string): CheckOutcome => ({
    ...o,
    report: { ...o.report!, errors: [{ ruleId: 'no-emotional-language', message: '规则出错' }] },
    failure,
  });

  it('a rule that errs beside a block does not turn the block into an overridable error', async () => {
    const h = harness({
      checks: [withErrors(outcome('block'), '有 1 条规则未能完成检查（no-emotional-language）')],
      answers: [{ action: 'publish', reason: '已人工核对' }],
    });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.starts[0]).toMatchObject({ verdict: 'block' });
    expect(h.questions[0]).toMatchObject({ verdict: 'block' });
    expect(h.completions).toEqual([{ id: 'a1', decision: 'blocked' }]);
  });

  it('a check past its time budget that found a block stays blocked', async () => {
    const over = { ...outcome('warn', 'block'), failure: '检查用时 4000 毫秒，超过 1000 毫秒的时限', ms: 4000 };
    const h = harness({ checks: [over], answers: [{ action: 'publish', reason: '已人工核对' }] });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.starts[0]).toMatchObject({ verdict: 'block' });
    expect(h.completions).toEqual([{ id: 'a1', decision: 'blocked' }]);
  });

  it('a check that could not finish is run again before an override: a block it finds then is final', async () => {
    const h = harness({
      checks: [{ failure: '规则包未能在 1000 毫秒内加载', ms: 1000 }, outcome('block')],
      answers: [
        { action: 'publish', reason: '紧急通知' },
        { action: 'publish', reason: '紧急通知' },
      ],
    });
    expect((await runAttempt(h.input, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual([
      'check',
      'log',
      'ask',
      'check',
      'complete:check-failed',
      'log',
      'ask',
      'complete:blocked',
    ]);
    expect(h.starts.map((s) => (s as { verdict: string }).verdict)).toEqual(['error', 'block']);
  });
});

describe('a request that publishes a draft saved on the server', () => {
  const warned = {
    checks: [outcome('warn'), outcome('block')],
    answers: [{ action: 'publish' as const, reason: '引用原文' }],
  };

  it('is read again before an override lets it go: unchanged, it goes with the reason', async () => {
    const h = harness(warned);
    const input: AttemptInput = { ...h.input, origin: 'network', readSavedAgain: async () => ({ ...DRAFT }) };
    expect((await runAttempt(input, h.deps)).deliver).toBe(true);
    expect(h.events).toEqual(['check', 'log', 'ask', 'complete:published-with-reason']);
  });

  it('saved again while the panel was open: this attempt ends, and what would go is checked afresh', async () => {
    const h = harness({ ...warned, answers: [...warned.answers, { action: 'cancel' }] });
    const changed: Draft = { ...DRAFT, body: '失主身份证号11010519491231002X' };
    const input: AttemptInput = { ...h.input, origin: 'network', readSavedAgain: async () => changed };
    const result = await runAttempt(input, h.deps);
    expect(result).toMatchObject({ deliver: false, draft: changed });
    expect(h.events).toEqual(['check', 'log', 'ask', 'complete:cancelled', 'check', 'log', 'ask', 'complete:blocked']);
    expect(h.starts[1]).toMatchObject({ text: changed.body, verdict: 'block' });
  });

  it('cannot be read again: held as a failed check, and the editor is told why', async () => {
    const h = harness(warned);
    const input: AttemptInput = {
      ...h.input,
      origin: 'network',
      readSavedAgain: () => Promise.reject(new Error('无法从平台读取要发表的稿件：平台答复 HTTP 500')),
    };
    expect((await runAttempt(input, h.deps)).deliver).toBe(false);
    expect(h.events).toEqual([
      'check',
      'log',
      'ask',
      'notify:无法从平台读取要发表的稿件：平台答复 HTTP 500',
      'complete:check-failed',
    ]);
  });

  it('is not read again when it passes: nothing was shown, nothing waited', async () => {
    const h = harness({ checks: [outcome()] });
    let reads = 0;
    const input: AttemptInput = { ...h.input, origin: 'network', readSavedAgain: async () => (reads++, DRAFT) };
    expect((await runAttempt(input, h.deps)).deliver).toBe(true);
    expect(reads).toBe(0);
  });
});
