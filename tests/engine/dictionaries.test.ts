/**
 * Pattern prefilters: a pack pattern runs only on a text holding one of the literals its every
 * match contains, and on a long text only in windows around those literals. Skipping must never
 * lose or change a match, so the hits with prefilters are checked against running every pattern
 * on the whole folded text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompiledDictionaries } from '../../rules/engine/dictionaries';
import { foldedToOriginal, normalizeText } from '../../rules/engine/normalize';
import { testPack } from './test-pack';

const PATTERNS = [
  '(?:原价|现价)[: ]{0,2}[0-9]{1,5}',
  '[一二三]个疗程',
  '¥[a-z0-9]{2,4}¥',
  '[!?]{3,5}',
  '北京籍?(?:小偷|骗子)',
  '截\\s?止\\s{0,2}目前',
  '\\d{3}',
  // Its literal 原,价 is the term 原价 in the compact text, across a clause break.
  '原,价[0-9]',
  // Anchors and word boundaries read outside the match: always run on the whole text.
  '^原价[0-9]{1,3}',
  '\\b[0-9]{2}\\b',
  // Matches that run into each other's windows.
  '[0-9]{1,3}元',
  '现价[: ]{0,2}[0-9]{1,5}(?:元|块)?',
];

const pack = testPack({
  dictionaries: {
    terms: {
      basis: '测试',
      entries: [
        { term: '原价' },
        { term: '小偷' },
        { term: '口交' },
        { term: 'vx123' },
        ...PATTERNS.map((pattern) => ({ pattern })),
      ],
    },
  },
  allow: [{ term: '路口交通' }],
});
const dictionaries = new CompiledDictionaries(pack);
const terms = dictionaries.handle('terms')!;

/** Every pattern run on the folded text: what the prefilters must not change. */
function patternHits(text: string): string[] {
  const n = normalizeText(text);
  return PATTERNS.flatMap((source) =>
    [...n.folded.matchAll(new RegExp(source, 'g'))].map((m) => {
      const [a, b] = foldedToOriginal(n, m.index, m.index + m[0].length);
      return `${source}@${a}-${b}`;
    }),
  ).sort();
}

const pieces = fc.constantFrom(
  '原价',
  '现价',
  '現價',
  ': ',
  '：',
  '12',
  '1234',
  '一个疗程',
  '三個療程',
  '¥ab1¥',
  '￥ab1￥',
  '!!!',
  '！！',
  '?',
  '北京',
  '籍',
  '小偷',
  '骗子',
  '騙子',
  '截 止 目前',
  '截止目前',
  '路口',
  '交通',
  '原，价',
  '，',
  ' ',
  '\u200b',
  '好',
  'vx',
  '123',
);
const texts = fc.array(pieces, { maxLength: 24 }).map((p) => p.join(''));
/** Long texts, where the patterns run only in windows around their literals. */
const FILLER = '全市各级各部门要加强统筹协调形成工作合力'.repeat(8);
const longTexts = fc
  .array(fc.oneof(pieces, fc.constant(FILLER), fc.constant('元'), fc.constant('\n')), { minLength: 8, maxLength: 60 })
  .map((p) => p.join(''));

describe('pattern prefilters', () => {
  it('never lose a pattern match: the hits equal every pattern run on every text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const hits = dictionaries.scan(normalizeText(text)).hits(terms);
        const found = hits.filter((h) => h.entry.pattern).map((h) => `${h.entry.term}@${h.range[0]}-${h.range[1]}`);
        expect(found.sort()).toEqual(patternHits(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('find in windows around the literals what a pass over the whole of a long text finds', () => {
    fc.assert(
      fc.property(longTexts, (text) => {
        const hits = dictionaries.scan(normalizeText(text)).hits(terms);
        const found = hits.filter((h) => h.entry.pattern).map((h) => `${h.entry.term}@${h.range[0]}-${h.range[1]}`);
        expect(found.sort()).toEqual(patternHits(text));
      }),
      { numRuns: 500 },
    );
  });

  it('leave a term across a clause break unreported while a pattern with the same literal still runs', () => {
    const hits = dictionaries.scan(normalizeText('原，价7：')).hits(terms);
    expect(hits.map((h) => `${h.entry.term}:${h.excerpt}`)).toEqual(['原,价[0-9]:原，价7']);
  });

  it('do not count as terms', () => {
    expect(dictionaries.termCount).toBe(5);
  });
});
