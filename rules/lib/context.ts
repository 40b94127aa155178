/** Context tests for rules that find something by pattern and confirm it by nearby words. */
import type { FieldView } from '../engine/define-rule';
import type { TermHit } from '../engine/dictionaries';
import { originalToCompact } from '../engine/normalize';
import type { Range } from '../engine/types';

/**
 * Whether one of the hits lies within `window` characters of the range, on either side or
 * overlapping it: the measure of a pack entry's `near`, counted in content characters.
 */
export function hasHitNear(field: FieldView, hits: readonly TermHit[], range: Range, window: number): boolean {
  const at = (offset: number) => originalToCompact(field.normalized, offset);
  const start = at(range[0]);
  const end = at(range[1]);
  return hits.some((h) => at(h.range[0]) < end + window && at(h.range[1]) > start - window);
}
