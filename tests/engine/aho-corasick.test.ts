import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick, type AhoCorasickMatch } from '../../rules/engine/aho-corasick';

/** Every occurrence of every pattern; duplicates report their first index, empty patterns nothing. */
function naive(patterns: readonly string[], text: string): AhoCorasickMatch[] {
  const first = new Map<string, number>();
  patterns.forEach((p, i) => p !== '' && !first.has(p) && first.set(p, i));
  const out: AhoCorasickMatch[] = [];
  for (const [p, pattern] of [...first].map(([s, i]) => [s, i] as const)) {
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1))
      out.push({ pattern, start: at, end: at + p.length });
  }
  return out;
}

const key = (m: AhoCorasickMatch) => `${m.end}:${m.start}:${m.pattern}`;
const sorted = (ms: AhoCorasickMatch[]) => ms.map(key).sort();

/**
 * Small alphabets make matches and shared prefixes/suffixes common; the mix of CJK, ASCII and
 * the ends of the code-unit range exercises the dense root table and both child searches
 * (linear up to 8 children, binary beyond).
 */
const ALPHABETS = ['ab', 'abc', '口交路通', 'abcdefghijklmnopqrst口交\u0000\uffff'];

const corpus = fc.constantFrom(...ALPHABETS).chain((alphabet) => {
  const char = fc.constantFrom(...alphabet);
  return fc.record({
    patterns: fc.array(fc.string({ unit: char, minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
    text: fc.string({ unit: char, maxLength: 200 }),
  });
});

describe('AhoCorasick', () => {
  it('finds exactly the occurrences a naive scan finds', () => {
    fc.assert(
      fc.property(corpus, ({ patterns, text }) => {
        expect(sorted(new AhoCorasick(patterns).search(text))).toEqual(sorted(naive(patterns, text)));
      }),
      { numRuns: 400 },
    );
  });

  it('reports matches in order of their end', () => {
    fc.assert(
      fc.property(corpus, ({ patterns, text }) => {
        const ends = new AhoCorasick(patterns).search(text).map((m) => m.end);
        expect(ends).toEqual([...ends].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('searches a code-unit array up to the given length like the same string', () => {
    fc.assert(
      fc.property(corpus, fc.nat(), ({ patterns, text }, cut) => {
        const length = text.length ? cut % (text.length + 1) : 0;
        const codes = new Uint16Array(text.length + 3);
        for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
        const ac = new AhoCorasick(patterns);
        expect(sorted(ac.search(codes, length))).toEqual(sorted(ac.search(text.slice(0, length))));
      }),
      { numRuns: 200 },
    );
  });

  it('reports nested and overlapping terms, the first index for duplicates, nothing for empty patterns', () => {
    const ac = new AhoCorasick(['抢购', '限时抢购', '', '抢购', '时抢']);
    expect(ac.search('限时抢购').map(key)).toEqual(['3:1:4', '4:0:1', '4:2:0']);
    expect(ac.patternCount).toBe(5);
    expect(new AhoCorasick(['']).search('abc')).toEqual([]);
  });
});
