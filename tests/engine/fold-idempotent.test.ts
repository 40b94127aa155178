/** Folding twice must change nothing, or a term and a text written in different forms never meet. */
import { describe, expect, it } from 'vitest';
import { compactTerm, foldCode, foldString } from '../../rules/engine/normalize';

describe('folding', () => {
  it('is idempotent for every code unit', () => {
    const chains: string[] = [];
    for (let c = 1; c < 0x10000; c++) {
      const f = foldCode(c);
      if (f !== 0 && foldCode(f) !== f)
        chains.push(`${String.fromCharCode(c)}→${String.fromCharCode(f)}→${String.fromCharCode(foldCode(f))}`);
    }
    expect(chains).toEqual([]);
  });

  it('folds traditional and simplified spellings of one word alike', () => {
    expect(foldString('什麼鬼')).toBe(foldString('什么鬼'));
    expect(compactTerm('怎麼辦')).toBe(compactTerm('怎么办'));
  });
});
