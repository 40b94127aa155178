/**
 * What a whole pack costs to run. Each pack pattern is bounded on its own (safe-pattern.ts), but
 * a pack can hold thousands of them, and a pattern with no literal runs over the whole text: a
 * thousand such patterns took half a minute on a long article. Admission therefore times the
 * compiled pack on a reference text of real posts (reference-text.ts) and refuses a pack that
 * cannot check it well within the publish check's budget.
 *
 * Timing is noisy on a busy machine, so a pack is refused only on the best of several runs, and
 * the sample grows (1,000, then 5,000, then all 20,000 characters): a pack so slow that a small
 * sample is already ten times over the budget in proportion is refused after a fraction of the
 * time the whole text would take, instead of freezing the browser or the CLI while it is judged
 * (checking cost grows at least linearly with the text, so the whole can only be worse).
 */
import type { Checker } from '../rules/engine/checker';
import type { Draft } from '../rules/engine/types';
import { CHECK_BUDGET_MS } from '../guard/check-budget';
import { REFERENCE_TEXT } from './reference-text';

/**
 * The most a pack may take to check the whole reference text (the best of three runs): 40% of
 * the publish check's budget, so a slower office computer still checks a long article in time.
 * The default pack takes a few milliseconds on a quiet machine.
 */
export const PACK_COST_BUDGET_MS = 400;

const SAMPLES = [1_000, 5_000] as const;
/** A sample estimated this many times over the budget is refused without checking the whole text. */
const EARLY_FACTOR = 10;
/** Runs per size at most (samples, whole text); more runs only while the figure is over the line. */
const SAMPLE_RUNS = 2;
const FULL_RUNS = 3;

export interface PackCost {
  /** Milliseconds for the whole reference text: measured, or estimated from a smaller sample. */
  ms: number;
  /** Characters actually checked for the figure. */
  sample: number;
  over: boolean;
}

function referenceDraft(chars: number): Draft {
  const body = REFERENCE_TEXT.slice(0, chars);
  return { platform: 'wechat', kind: 'article', title: body.slice(0, 30), body };
}

/** The best of up to `runs` timings, stopping at the first one within `line`. */
function best(checker: Checker, chars: number, line: number, runs: number, now: () => number): number {
  const draft = referenceDraft(chars);
  let ms = Infinity;
  for (let run = 0; run < runs && ms > line; run++) {
    const t0 = now();
    checker.check(draft);
    ms = Math.min(ms, now() - t0);
  }
  return ms;
}

/**
 * The clock a pack is timed with: this process's CPU time where the runtime tells it (Node: the
 * CLI and the tests), so other programs busy on the same machine do not make a pack look slow;
 * wall time in the browser, which has no such clock (a refusal there is retried at the next
 * update check).
 */
export function costClock(): () => number {
  const node = (globalThis as { process?: { cpuUsage?(): { user: number; system: number } } }).process;
  if (typeof node?.cpuUsage !== 'function') return () => performance.now();
  return () => {
    const { user, system } = node.cpuUsage!();
    return (user + system) / 1000;
  };
}

export function measurePackCost(
  checker: Checker,
  budgetMs = PACK_COST_BUDGET_MS,
  now: () => number = costClock(),
): PackCost {
  const full = REFERENCE_TEXT.length;
  // Built lazily by some rules: not the pack's cost.
  checker.check(referenceDraft(100));
  for (const sample of SAMPLES) {
    const line = (budgetMs * EARLY_FACTOR * sample) / full;
    const ms = best(checker, sample, line, SAMPLE_RUNS, now);
    if (ms > line) return { ms: (ms * full) / sample, sample, over: true };
  }
  const ms = best(checker, full, budgetMs, FULL_RUNS, now);
  return { ms, sample: full, over: ms > budgetMs };
}

/** One Chinese sentence that says the cost and the budget. */
export function describeCost(cost: PackCost, budgetMs = PACK_COST_BUDGET_MS): string {
  const what =
    cost.sample < REFERENCE_TEXT.length
      ? `按前 ${cost.sample} 字推算，检查 ${REFERENCE_TEXT.length} 字参考文本约需 ${Math.round(cost.ms)} 毫秒`
      : `检查 ${REFERENCE_TEXT.length} 字参考文本用时 ${Math.round(cost.ms)} 毫秒`;
  return `${what}，超过准入上限 ${budgetMs} 毫秒（发布前检查的时限为 ${CHECK_BUDGET_MS} 毫秒）：请减少没有固定文字的模式，或拆分词典`;
}
