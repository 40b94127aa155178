/**
 * The publish check's time budget. A check that cannot finish within it, throws, or reports rule
 * errors is a failure: the caller fails closed (the post is held; a written reason lets it go).
 */
import type { Checker } from '../rules/engine';
import type { Draft, Report } from '../rules/engine/types';

export const CHECK_BUDGET_MS = 1000;

export interface CheckOutcome {
  /** The report, when the engine produced one (even an incomplete one with errors). */
  report?: Report;
  /** Why the check does not count (not loaded in time, threw, rule errors, over budget). */
  failure?: string;
  ms: number;
}

export function runCheck(checker: Checker, draft: Draft, t0: number, budgetMs: number): CheckOutcome {
  let report: Report;
  try {
    report = checker.check(draft);
  } catch (e) {
    return { failure: `检查出错：${e instanceof Error ? e.message : String(e)}`, ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  if (report.errors.length)
    return {
      report,
      failure: `有 ${report.errors.length} 条规则未能完成检查（${report.errors.map((e) => e.ruleId).join('、')}）`,
      ms,
    };
  if (ms > budgetMs) return { report, failure: `检查用时 ${Math.round(ms)} 毫秒，超过 ${budgetMs} 毫秒的时限`, ms };
  return { report, ms };
}
