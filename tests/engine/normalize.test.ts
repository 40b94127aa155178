import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactTerm,
  compactToOriginal,
  foldCode,
  foldedToOriginal,
  foldString,
  normalizeText,
  separatorClass,
} from '../../rules/engine/normalize';

/** The normalisation spelled out character by character: what the fast version must equal. */
function reference(original: string) {
  const folded: string[] = [];
  const foldedMap: number[] = [];
  const compact: number[] = [];
  const compactMap: number[] = [];
  const gap: number[] = [];
  let pending = 0;
  [...original.split('')].forEach((ch, i) => {
    const code = foldCode(ch.charCodeAt(0));
    if (code === 0) return;
    folded.push(String.fromCharCode(code));
    foldedMap.push(i);
    const sep = separatorClass(code);
    if (sep) pending = Math.max(pending, sep);
    else {
      gap.push(compact.length === 0 ? 0 : pending);
      compact.push(code);
      compactMap.push(i);
      pending = 0;
    }
  });
  return {
    folded: folded.join(''),
    foldedMap: [...foldedMap, original.length],
    compact,
    compactMap: [...compactMap, original.length],
    gap,
  };
}

const units = fc.constantFrom(
  ...'优惠券限時搶購，。！ “”：\n\tAaＺｚ１2 ',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '\u3000',
  '\ud83d',
  '\ude00',
  '\udbff',
  '\udc00',
  '\u0000',
  '\uffff',
  '\ufffd',
);
const texts = fc.oneof(fc.string({ unit: units, maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('normalizeText', () => {
  it('equals the character-by-character definition, surrogates and invisible characters included', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const n = normalizeText(text);
        const r = reference(text);
        expect(n.original).toBe(text);
        expect(n.folded).toBe(r.folded);
        expect([...n.foldedMap.subarray(0, r.foldedMap.length)]).toEqual(r.foldedMap);
        expect(n.compactLength).toBe(r.compact.length);
        expect([...n.compact.subarray(0, n.compactLength)]).toEqual(r.compact);
        expect([...n.compactMap.subarray(0, r.compactMap.length)]).toEqual(r.compactMap);
        expect([...n.gap.subarray(0, n.compactLength)]).toEqual(r.gap);
        expect(n.foldedMap.length).toBe(text.length + 1);
        expect(n.compact.length).toBe(text.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps emoji pairs and lone surrogates as they are in the folded text', () => {
    expect(normalizeText('好😀\u200b\ud83d').folded).toBe('好😀\ud83d');
    expect(normalizeText('\ud83d\u200b\ude00').folded).toBe('\ud83d\ude00');
    expect(normalizeText('\ude00\ud83d').folded).toBe('\ude00\ud83d');
    expect(normalizeText('\ufffd\ud83d').folded).toBe('\ufffd\ud83d');
  });

  it('maps folded and compact ranges back to the original text', () => {
    const n = normalizeText('优\u200b惠，券ＡＢ');
    expect(n.folded).toBe('优惠,券ab');
    expect(compactToOriginal(n, 0, 3)).toEqual([0, 5]);
    expect(foldedToOriginal(n, 3, 6)).toEqual([4, 7]);
    expect([...n.gap.subarray(0, n.compactLength)]).toEqual([0, 0, 2, 0, 0]);
    expect(compactTerm('優 惠-券')).toBe('优惠券');
    expect(foldString('ＶＸ：１')).toBe('vx:1');
  });
});
