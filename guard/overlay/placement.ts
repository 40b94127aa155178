/**
 * Where the panel goes: beside the composer on the side with room, else below or above it, so
 * the text being fixed stays in view. Only when the composer fills the window (a full-width
 * article editor) does the panel stand over its right edge. Pure geometry: tested without a page.
 */
import type { Box, Placement } from './store';

const MARGIN = 8;
const SIDE_MIN = 320;
const SIDE_MAX = 420;
const STACK_MIN = 240;
const OVER_WIDTH = 380;

export function placePanel(composer: Box | null, viewport: { width: number; height: number }): Placement {
  const { width: vw, height: vh } = viewport;
  const full = { top: MARGIN, height: vh - 2 * MARGIN };
  if (!composer) {
    const width = Math.min(SIDE_MAX, vw - 2 * MARGIN);
    return { side: 'over', left: vw - width - MARGIN, width, ...full };
  }
  const right = vw - (composer.left + composer.width) - 2 * MARGIN;
  const left = composer.left - 2 * MARGIN;
  if (right >= SIDE_MIN || left >= SIDE_MIN) {
    if (right >= left) {
      const width = Math.min(SIDE_MAX, right);
      return { side: 'right', left: composer.left + composer.width + MARGIN, width, ...full };
    }
    const width = Math.min(SIDE_MAX, left);
    return { side: 'left', left: composer.left - MARGIN - width, width, ...full };
  }
  // Not enough room at either side: below or above the composer, as wide as the window allows.
  const top = Math.max(composer.top, 0);
  const bottom = Math.min(composer.top + composer.height, vh);
  const below = vh - bottom - 2 * MARGIN;
  const above = top - 2 * MARGIN;
  const width = Math.min(vw - 2 * MARGIN, Math.max(composer.width, 560));
  const x = Math.max(MARGIN, Math.min(composer.left, vw - MARGIN - width));
  if (below >= STACK_MIN && below >= above)
    return { side: 'below', left: x, top: bottom + MARGIN, width, height: below };
  if (above >= STACK_MIN) return { side: 'above', left: x, top: MARGIN, width, height: above };
  const w = Math.min(OVER_WIDTH, vw - 2 * MARGIN);
  return { side: 'over', left: vw - w - MARGIN, width: w, ...full };
}
