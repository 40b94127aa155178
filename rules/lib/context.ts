/** Context tests for rules that find something by pattern and confirm it by nearby words. */
import type { TermHit } from '../engine/dictionaries';
import type { Range } from '../engine/types';

/**
 * Whether one of the hits lies within `window` characters of the range, on either side or
 * overlapping it (the same measure as a pack entry's `near`).
 */
export function hasHitNear(hits: readonly TermHit[], range: Range, window: number): boolean {
  return hits.some((h) => h.range[0] < range[1] + window && h.range[1] > range[0] - window);
}
