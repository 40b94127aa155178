import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayOrder } from '../../rules/engine/bidi';
import {
  compactTerm,
  compactToOriginal,
  foldCode,
  foldedToOriginal,
  foldString,
  normalizeText,
  originalToCompact,
  originalToFolded,
  separatorClass,
} from '../../rules/engine/normalize';

/**
 * The normalisation spelled out character by character, in display order (rules/engine/bidi.ts,
 * tested on its own): what the fast version must equal.
 */
function reference(original: string) {
  const folded: string[] = [];
  const foldedMap: number[] = [];
  const compact: number[] = [];
  const compactMap: number[] = [];
  const gap: number[] = [];
  let pending = 0;
  const order = displayOrder(original);
  original.split('').forEach((_, j) => {
    // The display order is a permutation of the text's offsets.
    const i = order ? order[j]! : j;
    const code = foldCode(original.charCodeAt(i));
    if (code === 0) return;
    folded.push(String.fromCharCode(code));
    foldedMap.push(i);
    const sep = separatorClass(code);
    if (sep) pending = Math.max(pending, sep);
    else {
      const digits = /[0-9]/.test(String.fromCharCode(code)) && /[0-9]/.test(String.fromCharCode(compact.at(-1) ?? 0));
      gap.push(compact.length === 0 ? 0 : pending && digits ? 2 : pending);
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
  '\u0301',
  '\u20dd',
  '\u202e',
  '\u202d',
  '\u202c',
  '\u2067',
  '\u2069',
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

  it('breaks a match at a separator inside a number, not at one between words', () => {
    // 精装1-3居: the range 1-3 must not become 13; a separator between a digit and a letter or a
    // Chinese character stays as weak as it was (优-惠-券 is still an evasion).
    const range = normalizeText('精装1-3居');
    expect([...range.gap.subarray(0, range.compactLength)]).toEqual([0, 0, 0, 2, 0]);
    const time = normalizeText('10:30 ８．５');
    expect([...time.gap.subarray(0, time.compactLength)]).toEqual([0, 0, 2, 0, 2, 2]);
    const words = normalizeText('优-惠-券 a-1');
    expect([...words.gap.subarray(0, words.compactLength)]).toEqual([0, 1, 1, 1, 1]);
  });

  it('drops combining marks, which would split a mark or a term while looking like nothing', () => {
    expect(normalizeText('机密\u0301★1\u20e3年').folded).toBe('机密★1年');
    expect(compactTerm('优\u0308惠\u20dd券')).toBe('优惠券');
  });

  it('reads a right-to-left override in the order it is displayed, and maps every match back to what was typed', () => {
    // Typed 附件：RLO 年1★密机 PDF 通知 — displayed as 附件：机密★1年 通知.
    const text = '附件：\u202e年1★密机\u202c 通知';
    const n = normalizeText(text);
    expect(n.reordered).toBe(true);
    expect(n.folded).toBe('附件:机密★1年 通知');
    const at = n.folded.indexOf('机密★1年');
    // The mark displayed is the five characters typed backwards between the controls.
    expect(foldedToOriginal(n, at, at + 5)).toEqual([4, 9]);
    expect(foldedToOriginal(n, at, at + 2)).toEqual([7, 9]);
    expect(originalToFolded(n, 8)).toBe(at);
    expect(originalToCompact(n, 3)).toBe(originalToCompact(n, 4));
    expect(originalToFolded(n, text.length)).toBe(n.folded.length);
  });

  it('keeps the typed order, and fast paths, when no control changes what is displayed', () => {
    const n = normalizeText('附件：\u2067年1★密机\u2069\u200f');
    expect(n.reordered).toBe(false);
    expect(n.folded).toBe('附件:年1★密机');
  });
});

describe('displayOrder', () => {
  /** The text as displayed, without the controls (which display as nothing, wherever they stand). */
  const shown = (text: string) => {
    const order = displayOrder(text);
    return (order ? [...order].map((i) => text[i]).join('') : text).replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  };

  it('is null for text whose order nothing changes', () => {
    expect(displayOrder('机密★1年')).toBeNull();
    expect(displayOrder('机\u200f密\u200e')).toBeNull();
    // Embeddings and isolates do not turn left-to-right characters around.
    expect(displayOrder('\u202b机密★1年\u202c')).toBeNull();
    expect(displayOrder('\u2067机密★1年\u2069')).toBeNull();
  });

  it('reverses an override to its PDF, or to the end of the paragraph', () => {
    expect(shown('a\u202ebcd\u202ce')).toBe('adcbe');
    expect(shown('a\u202ebc\nde')).toBe('acb\nde');
  });

  it('nests overrides as the bidirectional algorithm does', () => {
    // RLO ab LRO cd PDF ef PDF: the inner run keeps its order and moves as a whole.
    expect(shown('\u202eab\u202dcd\u202cef\u202c')).toBe('fecdba');
    // An isolate ends the overrides opened inside it.
    expect(shown('\u2066\u202eab\u2069cd')).toBe('bacd');
  });

  it('never splits a surrogate pair', () => {
    expect(shown('\u202e好😀\u202c')).toBe('😀好');
  });

  it('is a permutation of every code unit', () => {
    fc.assert(
      fc.property(fc.string({ unit: units, maxLength: 60 }), (text) => {
        const order = displayOrder(text);
        if (!order) return;
        expect([...order].sort((a, b) => a - b)).toEqual([...text.split('').keys()]);
      }),
      { numRuns: 500 },
    );
  });
});
