/**
 * Thresholds from scores: for each severity, the lowest probability at which every constrained
 * population is flagged at most at its allowed rate. Rates fall as the threshold rises, so the
 * lowest threshold meeting the constraints is also the one that finds most of the positives.
 */
import type { ModelThresholds } from '../rules/engine/model';
import type { Task } from './tasks';

export type Scores = Record<string, number[]>;

export function rate(scores: readonly number[], threshold: number): number {
  if (!scores.length) return 0;
  let n = 0;
  for (const s of scores) if (s >= threshold) n++;
  return n / scores.length;
}

const GRID = Array.from({ length: 199 }, (_, i) => Math.round((0.005 + i * 0.005) * 1000) / 1000);

function lowestMeeting(scores: Scores, maxRates: Record<string, number>, from: number): number {
  for (const t of GRID) {
    if (t < from) continue;
    if (Object.entries(maxRates).every(([pop, max]) => rate(scores[pop] ?? [], t) <= max)) return t;
  }
  return GRID[GRID.length - 1]!;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function chooseThresholds(task: Task, scores: Scores): { thresholds: ModelThresholds; why: string } {
  const warn = lowestMeeting(scores, task.warn.maxRates, 0);
  const justify = lowestMeeting(scores, task.justify.maxRates, warn);
  const limits = (maxRates: Record<string, number>) =>
    Object.entries(maxRates)
      .filter(([pop]) => scores[pop] !== undefined)
      .map(([pop, max]) => `${pop} ≤ ${pct(max)}`)
      .join('、');
  const at = (t: number) =>
    Object.keys(scores)
      .map((pop) => `${pop} ${pct(rate(scores[pop]!, t))}`)
      .join('，');
  const why =
    `阈值在训练集的 3 折交叉验证预测上选定，开发集不参与。` +
    `warn ${warn}：满足 ${limits(task.warn.maxRates)} 的最低阈值（${at(warn)}）。` +
    `justify ${justify}：满足 ${limits(task.justify.maxRates)} 的最低阈值（${at(justify)}）。`;
  return { thresholds: { warn, justify }, why };
}

/** Rates of every population at both thresholds, as percentages with one decimal. */
export function ratesAt(
  scores: Scores,
  thresholds: ModelThresholds,
): Record<string, { n: number; warn: number; justify: number }> {
  const out: Record<string, { n: number; warn: number; justify: number }> = {};
  for (const [pop, s] of Object.entries(scores)) {
    out[pop] = {
      n: s.length,
      warn: Math.round(1000 * rate(s, thresholds.warn)) / 10,
      justify: Math.round(1000 * rate(s, thresholds.justify)) / 10,
    };
  }
  return out;
}
