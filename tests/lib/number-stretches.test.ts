import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberStretches } from '../../rules/lib/number-stretches';

/** What the scan stands for. */
function byRegex(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[0-9x -]{15,}/g)) out.push(m.index, m.index + m[0].length);
  return out;
}

describe('numberStretches', () => {
  it('finds stretches of 15 or more number parts, wherever they start and end', () => {
    expect(numberStretches('身份证号130602199001011234，请联系')).toEqual([4, 22]);
    expect(numberStretches('12345678901234')).toEqual([]);
    expect(numberStretches('123456789012345')).toEqual([0, 15]);
    expect(numberStretches('甲130 6021 9900 1011 23x乙 138-1234-5678-9012 丙')).toEqual([1, 23, 24, 44]);
    expect(numberStretches('')).toEqual([]);
  });

  it('finds what the regex finds, on any mix of number parts and other characters', () => {
    const text = fc
      .array(fc.constantFrom('0', '7', 'x', ' ', '-', '甲', 'a', '，', '\n'), { maxLength: 200 })
      .map((chars) => chars.join(''));
    const runs = fc
      .array(
        fc.tuple(fc.constantFrom('1', ' ', '-', 'x'), fc.integer({ min: 1, max: 40 }), fc.constantFrom('字', 'y', '')),
        { maxLength: 12 },
      )
      .map((parts) => parts.map(([c, n, sep]) => c.repeat(n) + sep).join(''));
    fc.assert(
      fc.property(fc.oneof(text, runs), (s) => {
        expect(numberStretches(s)).toEqual(byRegex(s));
      }),
      { numRuns: 2000 },
    );
  });
});
