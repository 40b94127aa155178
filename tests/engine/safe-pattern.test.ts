import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPattern, MAX_PATHS, MAX_PATTERN_LENGTH } from '../../rules/engine/safe-pattern';
import { longestPath, matchAt, sticky, type Node } from './backtrack-model';

describe('checkPattern: examples', () => {
  const accepted: [string, number][] = [
    ['第[一二三四五六七八九十]{1,3}条', 3],
    ['1[3-9]\\d{9}', 1],
    ['(?:微信|vx|v信)[:：]?[a-z0-9_-]{6,20}', 3 * 2 * 15],
    ['冀[a-z]·?[a-z0-9]{5}', 2],
    ['\\u4e00-\\x41', 1],
    ['^(?:内部|秘密)(?:资料|文件)$', 4],
    ['\\b(?:a|b){1,3}?\\b', 2 + 4 + 8],
  ];
  const literals: [string, string[] | null][] = [
    ['(?:原价|现价)[: ]{0,2}[0-9]{1,5}', ['原价', '现价']],
    ['第[一二三]{1,3}条', ['第']],
    ['[0-9一二三]个疗程', ['个疗程']],
    ['(?:北京|上海)籍?(?:小偷|骗子|罪犯)', ['北京', '上海']],
    ['回 ?复|退订', ['回', '退订']],
    ['回 ?复|\\d{3}', null],
    ['¥[a-z0-9]{8,14}¥', ['¥']],
    ['[!?]{3,50}', ['!', '?']],
    ['\\u4e00\\x41\\.', ['一A.']],
    ['a\\bb', ['ab']],
    ['\\cJ好', ['\n好']],
    ['\\012好', null],
    ['[a-z]{2,5}', null],
    ['(?:ab){0,2}c', ['c']],
  ];
  for (const [source, expected] of literals) {
    it(`finds the literals every match of ${source} contains`, () => {
      const result = checkPattern(source);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.literals).toEqual(expected);
    });
  }

  for (const [source, paths] of accepted) {
    it(`accepts ${source} (${paths} paths)`, () => {
      const result = checkPattern(source);
      expect(result).toMatchObject({ ok: true, paths });
      if (result.ok) expect(result.regex.flags).toBe('g');
    });
  }

  const rejected: [string, string][] = [
    ['', '模式为空'],
    ['好'.repeat(MAX_PATTERN_LENGTH + 1), `模式长度 ${MAX_PATTERN_LENGTH + 1} 超过 ${MAX_PATTERN_LENGTH}`],
    ['(a+)+$', '「+」是无上限的重复'],
    ['优惠.*券', '「*」是无上限的重复，可能让浏览器卡死；请改为有上限的 {0,20} 这类写法'],
    ['\\d{6,}', '{6,} 是无上限的重复；请写出上限，如 {6,20}'],
    ['(?:\\d{1,5}){1,5}', '不允许在已含重复的分组外再加重复（嵌套重复）'],
    ['a{1,51}', '重复上限 51 超过 50'],
    ['a{5,2}', '{5,2} 的上限小于下限'],
    ['(?:a|b|c|d|e|f|g|h|i|j){1,3}', '模式的匹配路径多达 1110 种（上限 1000）'],
    ['(?:a|b){1,50}', '百万以上'],
    ['(?=秘密)', '不支持断言、命名分组等 (?…) 语法'],
    ['(?<n>a)', '不支持断言、命名分组等 (?…) 语法'],
    ['(a)\\1', '不支持反向引用'],
    ['\\p{Script=Han}', '不支持 \\p{…} 属性类'],
    ['[\\p{L}]', '不支持 \\p{…} 属性类'],
    ['(ab', '括号不配对'],
    ['ab)', '第 3 个字符「)」多余'],
    ['[ab', '方括号 [ 没有闭合'],
    ['?a', '「?」前面没有可重复的内容'],
    ['^{2}', '锚点不能重复'],
    ['a{x}', '「{」后应为 {m} 或 {m,n}'],
    ['\\u12', '转义 \\u 后应有 4 位十六进制数'],
    ['ab\\', '末尾的反斜杠没有转义任何字符'],
    ['a?', '模式能匹配空字符串'],
    ['[z-a]', '不是有效的正则表达式'],
  ];
  for (const [source, reason] of rejected) {
    it(`rejects ${source.length > 30 ? `${source.slice(0, 30)}…` : source || '(empty)'}: ${reason}`, () => {
      const result = checkPattern(source);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(reason);
    });
  }
});

// ---- generated patterns, with the model's syntax tree alongside the source --------------------

interface Gen {
  src: string;
  node: Node;
}

const CHARS = ['a', 'b', '.', '[ab]', '[^a]', '\\d', '\\w', '好'];
const ASSERTIONS = ['^', '$', '\\b', '\\B'];
const BOUNDED: [string, number, number][] = [
  ['?', 0, 1],
  ['{2}', 2, 2],
  ['{0,3}', 0, 3],
  ['{1,5}', 1, 5],
  ['{0,20}', 0, 20],
  ['{2,50}', 2, 50],
];
const UNSAFE: [string, number, number][] = [
  ['{1,51}', 1, 51],
  ['*', 0, Infinity],
  ['+', 1, Infinity],
  ['{2,}', 2, Infinity],
];
const QUANTIFIERS = [...BOUNDED, ...BOUNDED, ...UNSAFE];

const { pattern } = fc.letrec<{
  char: Gen;
  assertion: Gen;
  group: Gen;
  quantified: Gen;
  piece: Gen;
  seq: Gen;
  pattern: Gen;
}>((tie) => ({
  char: fc.constantFrom(...CHARS).map((src) => ({ src, node: { t: 'char', re: sticky(src) } })),
  assertion: fc.constantFrom(...ASSERTIONS).map((src) => ({ src, node: { t: 'assert', re: sticky(src) } })),
  group: fc
    .tuple(fc.boolean(), tie('pattern'))
    .map(([capture, inner]) => ({ src: capture ? `(${inner.src})` : `(?:${inner.src})`, node: inner.node })),
  quantified: fc
    .tuple(fc.oneof(tie('char'), tie('group')), fc.constantFrom(...QUANTIFIERS), fc.boolean())
    .map(([x, [q, min, max], lazy]) => ({
      src: `${x.src}${q}${lazy ? '?' : ''}`,
      node: { t: 'rep', body: x.node, min, max, lazy },
    })),
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('char'),
    tie('assertion'),
    tie('quantified'),
    tie('group'),
  ),
  seq: fc
    .array(tie('piece'), { minLength: 1, maxLength: 4 })
    .map((ps) => ({ src: ps.map((p) => p.src).join(''), node: { t: 'seq', items: ps.map((p) => p.node) } })),
  pattern: fc
    .array(tie('seq'), { minLength: 1, maxLength: 3 })
    .map((ss) => ({ src: ss.map((s) => s.src).join('|'), node: { t: 'alt', options: ss.map((s) => s.node) } })),
}));

/** Texts that make backtracking engines suffer: long runs of what the atoms accept, then a misfit. */
const adversarial = fc.oneof(
  fc.constantFrom('a'.repeat(40) + '!', 'ab'.repeat(25) + '\n', '1'.repeat(40) + 'x', '好'.repeat(30) + 'a'),
  fc.string({ unit: fc.constantFrom('a', 'b', '1', ' ', '!', '好', '\n'), maxLength: 60 }),
);

function hasUnboundedRepeat(n: Node): boolean {
  if (n.t === 'rep') return n.max === Infinity || hasUnboundedRepeat(n.body);
  if (n.t === 'seq') return n.items.some(hasUnboundedRepeat);
  if (n.t === 'alt') return n.options.some(hasUnboundedRepeat);
  return false;
}

describe('checkPattern: generated patterns', () => {
  it('never accepts unbounded repetition', () => {
    fc.assert(
      fc.property(pattern, ({ src, node }) => {
        if (hasUnboundedRepeat(node)) expect(checkPattern(src).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepted patterns match like the model, whose steps per position stay within paths × longest path', () => {
    let acceptedCount = 0;
    fc.assert(
      fc.property(pattern, adversarial, ({ src, node }, text) => {
        const result = checkPattern(src);
        if (!result.ok) return;
        acceptedCount++;
        expect(result.paths).toBeLessThanOrEqual(MAX_PATHS);
        const bound = result.paths * longestPath(node);
        const js = sticky(src);
        for (let start = 0; start <= text.length; start++) {
          const { end, steps } = matchAt(node, text, start);
          js.lastIndex = start;
          const m = js.exec(text);
          expect(end, `${src} at ${start} of ${JSON.stringify(text)}`).toBe(m ? start + m[0].length : null);
          expect(steps, `${src} at ${start} of ${JSON.stringify(text)}`).toBeLessThanOrEqual(bound);
        }
      }),
      { numRuns: 3000 },
    );
    // The property must have been exercised on accepted patterns, not only on rejected ones.
    expect(acceptedCount).toBeGreaterThan(250);
  });

  it('every match of an accepted pattern contains one of its literals', () => {
    let withLiterals = 0;
    fc.assert(
      fc.property(pattern, adversarial, ({ src }, text) => {
        const result = checkPattern(src);
        if (!result.ok || !result.literals) return;
        withLiterals++;
        expect(result.literals.length).toBeGreaterThan(0);
        const js = sticky(src);
        for (let start = 0; start <= text.length; start++) {
          js.lastIndex = start;
          const m = js.exec(text);
          if (m)
            expect(
              result.literals.some((l) => m[0].includes(l)),
              `${src} matched ${JSON.stringify(m[0])}, literals ${JSON.stringify(result.literals)}`,
            ).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(withLiterals).toBeGreaterThan(100);
  });

  it('no match of an accepted pattern is longer than its longest, nor needs a character outside itself', () => {
    let bounded = 0;
    fc.assert(
      fc.property(pattern, adversarial, ({ src }, text) => {
        const result = checkPattern(src);
        if (!result.ok || result.longest === null) return;
        bounded++;
        const js = sticky(src);
        for (let start = 0; start <= text.length; start++) {
          js.lastIndex = start;
          const m = js.exec(text);
          if (!m) continue;
          expect(m[0].length, `${src} matched ${JSON.stringify(m[0])}`).toBeLessThanOrEqual(result.longest);
          // The match alone, without the text around it, is matched the same way.
          const alone = sticky(src);
          alone.lastIndex = 0;
          expect(alone.exec(m[0])?.[0], `${src} on ${JSON.stringify(m[0])} alone`).toBe(m[0]);
        }
      }),
      { numRuns: 3000 },
    );
    expect(bounded).toBeGreaterThan(100);
  });

  it('gives no longest match to patterns that look past their match', () => {
    for (const src of ['^原价', '原价$', '\\b[0-9]{3}\\b', '\\B折', '(?:原价|^现价)[0-9]{1,3}']) {
      const result = checkPattern(src);
      expect(result.ok && result.longest, src).toBe(null);
    }
    const result = checkPattern('(?:原价|到手价)[: ]{0,2}[0-9]{1,5}(?:\\.[0-9]{1,2})?元?');
    expect(result.ok && result.longest).toBe(3 + 2 + 5 + 3 + 1);
  });

  it('the classic catastrophic patterns are all rejected', () => {
    for (const evil of [
      '(a+)+b',
      '(a|a)*b',
      '(a|aa)+b',
      '(.*a){20}',
      '(\\w+\\s?)+$',
      '(a{1,50}){1,50}',
      '(?:a?){50}a{50}',
    ]) {
      expect(checkPattern(evil).ok, evil).toBe(false);
    }
  });
});
