import { describe, expect, it } from 'vitest';
import { placePanel } from '../../guard/overlay/placement';

describe('placing the panel', () => {
  it('beside the composer when there is room, never over it', () => {
    const p = placePanel({ left: 373, top: 20, width: 620, height: 150 }, { width: 1366, height: 768 });
    expect(p.side).toBe('right');
    expect(p.left).toBeGreaterThanOrEqual(373 + 620);
  });

  it('below the composer when neither side has room', () => {
    const p = placePanel({ left: 202, top: 20, width: 620, height: 150 }, { width: 1024, height: 768 });
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThanOrEqual(170);
  });

  it('over the right edge only when the composer fills the window', () => {
    const p = placePanel({ left: 0, top: 0, width: 1024, height: 768 }, { width: 1024, height: 768 });
    expect(p.side).toBe('over');
  });
});
