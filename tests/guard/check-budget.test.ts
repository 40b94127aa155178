import { describe, expect, it } from 'vitest';
import defaultPack from 'virtual:default-pack';
import { compilePack, type Checker } from '../../rules/engine';
import { RULES } from '../../rules';
import { runCheck } from '../../guard/check-budget';

const draft = { platform: 'weibo', kind: 'post', body: '做为基层干部' } as const;

describe('the publish check within its budget', () => {
  it('answers the engine’s report', () => {
    const outcome = runCheck(compilePack(defaultPack, RULES), draft, performance.now(), 1000);
    expect(outcome.failure).toBeUndefined();
    expect(outcome.report?.verdict).toBe('warn');
  });

  it('fails when the engine throws, a rule errs, or the budget is exceeded', () => {
    const fake = (check: Checker['check']) => ({ check }) as Checker;
    const report = { verdict: 'pass' as const, findings: [], errors: [], pack: { id: 'p', version: '1' } };
    expect(
      runCheck(
        fake(() => {
          throw new Error('坏了');
        }),
        draft,
        performance.now(),
        1000,
      ).failure,
    ).toBe('检查出错：坏了');
    expect(
      runCheck(
        fake(() => ({ ...report, errors: [{ ruleId: 'no-typo', message: 'x' }] })),
        draft,
        performance.now(),
        1000,
      ).failure,
    ).toContain('no-typo');
    expect(
      runCheck(
        fake(() => report),
        draft,
        performance.now() - 5000,
        1000,
      ).failure,
    ).toContain('超过 1000 毫秒');
  });
});
