/**
 * Long numbers as people type them: groups of digits separated by a few spaces or hyphens
 * (138 1234 5678, 6222-0212-3456-7890, +86 138…, or 1 3 8 … typed to dodge a filter), read on
 * the folded text so that full-width digits and invisible characters change nothing.
 *
 * A run is maximal: where groups are separated only by spaces or hyphens there is no telling
 * where one number ends and the next begins, so rules decide on whole runs or on group-aligned
 * parts of them, never on a slice that cuts through a group.
 */
import type { FieldView } from '../engine/define-rule';
import { foldedToOriginal } from '../engine/normalize';
import type { Range } from '../engine/types';
import { overlapsUrl, urlsIn } from './urls';

export interface DigitGroup {
  readonly digits: string;
  /** Folded offsets. */
  readonly start: number;
  readonly end: number;
}

export interface DigitRun {
  readonly groups: readonly DigitGroup[];
  /** All digits of the run, separators removed. */
  readonly digits: string;
  /** Folded offset of a leading `+` (international prefix), or -1. */
  readonly plus: number;
}

/**
 * An optional `+`, then digit groups joined by 1–3 spaces or hyphens; a decimal point or a dot
 * between digits keeps the run going so that amounts, versions and IP addresses are one run
 * (and then rejected as a whole).
 */
const RUN = /(?:\+[ -]{0,3})?\d+(?:(?:[ -]{1,3}|\.)\d+)*/g;

/**
 * Characters that make a digit run part of something else: a code (letters), a masked number
 * (138****5678), a path or parameter. Decimals are caught by the run itself.
 */
const EMBEDDING = /[a-z0-9_*#@/\\&=%]/;

/**
 * Digit runs of a field that stand alone: not inside a URL, not glued to letters (product or
 * order codes), not masked (138****5678), not a decimal number, IP or version. Found once per
 * field and check, however many rules ask.
 */
export function digitRuns(field: FieldView): readonly DigitRun[] {
  return field.memo(findDigitRuns);
}

function findDigitRuns(field: FieldView): readonly DigitRun[] {
  const folded = field.normalized.folded;
  const urls = urlsIn(field);
  const runs: DigitRun[] = [];
  for (const { range, match } of field.matchFolded(RUN)) {
    const text = match[0];
    if (text.includes('.')) continue;
    const at = match.index;
    if (EMBEDDING.test(folded[at - 1] ?? '') || EMBEDDING.test(folded[at + text.length] ?? '')) continue;
    if (overlapsUrl(urls, range[0], range[1])) continue;
    const groups: DigitGroup[] = [];
    const group = /\d+/g;
    for (let g = group.exec(text); g; g = group.exec(text)) {
      groups.push({ digits: g[0], start: at + g.index, end: at + g.index + g[0].length });
    }
    runs.push({ groups, digits: groups.map((g) => g.digits).join(''), plus: text.startsWith('+') ? at : -1 });
  }
  return runs;
}

/** The original range of groups [from, to) of a run, with the run's `+` when `from` is 0. */
export function groupRange(field: FieldView, run: DigitRun, from: number, to: number): Range {
  const start = from === 0 && run.plus >= 0 ? run.plus : run.groups[from].start;
  return foldedToOriginal(field.normalized, start, run.groups[to - 1].end);
}

/** The digits of groups [from, to). */
export function groupDigits(run: DigitRun, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += run.groups[i].digits;
  return out;
}
