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
import { foldedToOriginal, isDigit } from '../engine/normalize';
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
 * (and then rejected as a whole). In regex terms `(?:\+[ -]{0,3})?\d+(?:(?:[ -]{1,3}|\.)\d+)*`,
 * matched left to right. A run is read by hand from each digit or `+` that START finds, because
 * a long text holds hundreds of numbers and a match of that regex per number, with its groups
 * found by a second regex, cost more than the rules that read them.
 */
const START = /[0-9+]/g;
const PLUS = 0x2b;
const DOT = 0x2e;
const isJoiner = (code: number) => code === 0x20 || code === 0x2d;

/** How many spaces or hyphens start at `at`, counting no further than 4. */
function joiners(s: string, at: number): number {
  let n = 0;
  while (n < 4 && isJoiner(s.charCodeAt(at + n))) n++;
  return n;
}

/**
 * Characters that make a digit run part of something else: a code (letters), a masked number
 * (138****5678), a path or parameter. Decimals are caught by the run itself.
 */
const EMBEDDING = new Set([...'_*#@/\\&=%'].map((c) => c.charCodeAt(0)));
const isEmbedding = (code: number) => (code >= 0x61 && code <= 0x7a) || isDigit(code) || EMBEDDING.has(code);

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
  START.lastIndex = 0;
  while (START.test(folded)) {
    const at = START.lastIndex - 1;
    const code = folded.charCodeAt(at);
    let p = at;
    if (code === PLUS) {
      const gap = joiners(folded, at + 1);
      if (gap > 3 || !isDigit(folded.charCodeAt(at + 1 + gap))) continue;
      p = at + 1 + gap;
    }
    const groups: DigitGroup[] = [];
    // Joined as the groups are read: most runs are one group, whose digits are then the run's.
    let digits = '';
    let dotted = false;
    for (;;) {
      const start = p;
      while (isDigit(folded.charCodeAt(p))) p++;
      const group = folded.slice(start, p);
      groups.push({ digits: group, start, end: p });
      digits = digits === '' ? group : digits + group;
      const gap = joiners(folded, p);
      if (gap >= 1 && gap <= 3 && isDigit(folded.charCodeAt(p + gap))) p += gap;
      else if (folded.charCodeAt(p) === DOT && isDigit(folded.charCodeAt(p + 1))) {
        dotted = true;
        p++;
      } else break;
    }
    // The next run can start no earlier than where this one ends (a digit never follows it).
    START.lastIndex = p;
    if (dotted) continue;
    if (isEmbedding(folded.charCodeAt(at - 1)) || isEmbedding(folded.charCodeAt(p))) continue;
    const range = foldedToOriginal(field.normalized, at, p);
    if (overlapsUrl(urls, range[0], range[1])) continue;
    runs.push({ groups, digits, plus: code === PLUS ? at : -1 });
  }
  return runs;
}

/** The original range of groups [from, to) of a run, with the run's `+` when `from` is 0. */
export function groupRange(field: FieldView, run: DigitRun, from: number, to: number): Range {
  // Callers pass 0 <= from < to <= groups.length: both reads are groups of the run.
  const start = from === 0 && run.plus >= 0 ? run.plus : run.groups[from]!.start;
  return foldedToOriginal(field.normalized, start, run.groups[to - 1]!.end);
}

/** The digits of groups [from, to). */
export function groupDigits(run: DigitRun, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += run.groups[i]!.digits; // to <= groups.length, as in groupRange
  return out;
}
