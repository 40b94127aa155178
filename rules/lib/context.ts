/** Context tests for rules that find something by pattern and confirm it by nearby words. */
import type { FieldView } from '../engine/define-rule';
import type { TermHit } from '../engine/dictionaries';
import { compactSpanOf } from '../engine/normalize';
import type { Range } from '../engine/types';

/**
 * Whether one of the hits lies within `window` characters of the range, on either side or
 * overlapping it: the measure of a pack entry's `near`, counted in content characters.
 */
export function hasHitNear(field: FieldView, hits: readonly TermHit[], range: Range, window: number): boolean {
  const span = (r: Range) => compactSpanOf(field.normalized, r[0], r[1]);
  const [start, end] = span(range);
  return hits.some((h) => {
    const [s, e] = span(h.range);
    return s < end + window && e > start - window;
  });
}
