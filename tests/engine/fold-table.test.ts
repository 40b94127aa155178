/**
 * The committed fold table (rules/engine/fold-table.generated.ts) against fixed vectors. The
 * table is committed so that the engine never depends on the Unicode data of the runtime that
 * loads it; recomputing it here with the running Node's ICU would fail CI on a Node upgrade
 * with no code change. To change the table, run `npm run gen:fold-table`, review the diff, and
 * update these vectors if a listed character folds differently on purpose.
 */
import { describe, expect, it } from 'vitest';
import { FOLD_FROM, FOLD_TO } from '../../rules/engine/fold-table.generated';
import { foldCode, separatorClass } from '../../rules/engine/normalize';
import { STRONG } from '../../scripts/gen-fold-table';

const fold = (c: string) => {
  const code = foldCode(c.charCodeAt(0));
  return code === 0 ? '' : String.fromCharCode(code);
};

describe('fold table', () => {
  it.each([
    // Full-width and compatibility forms (NFKC), then lower case.
    ['Ａ', 'a'],
    ['ｚ', 'z'],
    ['Ｙ', 'y'],
    ['０', '0'],
    ['９', '9'],
    ['①', '1'],
    ['　', ' '],
    ['，', ','],
    ['！', '!'],
    // Letter case.
    ['A', 'a'],
    ['Z', 'z'],
    // Traditional → simplified (OpenCC TSCharacters) and Taiwan/Hong Kong variants.
    ['優', '优'],
    ['國', '国'],
    ['門', '门'],
    ['為', '为'],
    ['著', '着'],
    ['裏', '里'],
    ['裡', '里'],
    ['綫', '线'],
    ['纔', '才'],
    // Invisible characters are dropped.
    ['\u200b', ''],
    ['\u00ad', ''],
    ['\ufeff', ''],
  ])('folds %j to %j', (from, to) => {
    expect(fold(from)).toBe(to);
  });

  it.each(['中', '惠', '券', '着', '么', 'a', '0', '。', '、', '…', '\n', ' ', '-'])('leaves %j as it is', (c) => {
    expect(fold(c)).toBe(c);
  });

  it.each([
    ['，', 2],
    ['。', 2],
    ['！', 2],
    ['、', 2],
    ['…', 2],
    ['\n', 2],
    ['：', 2],
    [':', 2],
    ['#', 2],
    ['＃', 2],
    ['【', 2],
    ['】', 2],
    [' ', 1],
    ['　', 1],
    ['-', 1],
    ['·', 1],
    ['—', 1],
    ['中', 0],
    ['a', 0],
  ] as const)('gives %j separator class %i', (c, cls) => {
    expect(separatorClass(foldCode(c.charCodeAt(0)))).toBe(cls);
  });

  it('classes every clause mark the generator lists as strong, typed full-width or not', () => {
    // The normaliser looks the class up with the folded code unit: ： is read as ':', which
    // must therefore be as strong as ：.
    const weak = [...STRONG].filter((c) => separatorClass(foldCode(c.charCodeAt(0))) !== 2);
    expect(weak).toEqual([]);
  });

  it('pairs each folded code unit with one target, in ascending order, never itself', () => {
    expect(FOLD_TO.length).toBe(FOLD_FROM.length);
    for (let i = 0; i < FOLD_FROM.length; i++) {
      if (i > 0) expect(FOLD_FROM.charCodeAt(i)).toBeGreaterThan(FOLD_FROM.charCodeAt(i - 1));
      expect(FOLD_TO.charCodeAt(i)).not.toBe(FOLD_FROM.charCodeAt(i));
    }
  });

  it('is idempotent: a folded character folds to itself, so a term and a text meet in one form', () => {
    const unstable: string[] = [];
    for (let i = 0; i < FOLD_TO.length; i++) {
      const to = FOLD_TO.charCodeAt(i);
      if (to !== 0 && foldCode(to) !== to) unstable.push(`U+${to.toString(16)}`);
    }
    expect(unstable).toEqual([]);
  });
});
