/**
 * The engine's central promise, as properties over random text: however a text is disguised —
 * invisible characters slipped in, ASCII in full width, ideographic spaces, traditional
 * characters — the engine finds the same things, and every range names exactly the original
 * characters it reports.
 */
import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../rules/engine/checker';
import { foldCode } from '../../rules/engine/normalize';
import type { Finding, Report } from '../../rules/engine/types';
import { dictionaryRule, testPack } from './test-pack';

const TERMS = ['优惠券', '限时抢购', '抢购', '秒杀', '口交', '内部资料', '全网最低价', 'vx123', '路口交通'];

const checker = compilePack(
  testPack({
    rules: { ads: { severity: 'warn' }, tone: { severity: 'justify' } },
    dictionaries: {
      terms: {
        basis: '测试',
        entries: [
          { term: '优惠券', suggestion: '（删除）' },
          { term: '限时抢购' },
          { term: '抢购' },
          { term: '秒杀', severity: 'monitor' },
          { term: '口交', severity: 'block' },
          { term: '内部资料' },
          { term: '最低价', severity: 'block' },
          { term: 'vx123' },
          { pattern: '第\\d{1,3}号' },
        ],
      },
    },
    allow: [{ term: '路口交通' }],
  }),
  [dictionaryRule('ads'), dictionaryRule('tone', { quoteAware: true })],
);

/** Plain text: ordinary characters, punctuation that breaks clauses and opens quotes, and the terms. */
const POOL = [
  ...'市民服务窗口政务发布会议通知领导干部经济发展环境保护学校医院网络优惠路交通内部第号',
  ...'vx1230 ',
  ...'，。！：“”\n',
];
const plainText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TERMS, '第12号', '他说：', '“'),
      fc.string({ unit: fc.constantFrom(...POOL), maxLength: 8 }),
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(''));

/** Simplified → traditional, one code unit each, only where the engine's folding maps it back. */
const toTraditional = Converter({ from: 'cn', to: 'tw' });
const TRADITIONAL = new Map(
  [...new Set(POOL.concat(TERMS.join('').split('')))]
    .map((c) => [c, toTraditional(c)] as const)
    .filter(([c, t]) => t !== c && t.length === 1 && foldCode(t.charCodeAt(0)) === foldCode(c.charCodeAt(0))),
);

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

type Disguise = 'keep' | 'traditional' | 'wide';
interface Disguised {
  text: string;
  /** Index in the disguised text of each plain character (and of the end). */
  at: number[];
}

/** Applies per-character disguises and invisible insertions, remembering where each character went. */
function disguise(plain: string, choices: { how: Disguise; before: string[] }[], after: string[]): Disguised {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i]!;
    const { how, before } = choices[i % choices.length]!;
    text += before.join('');
    at.push(text.length);
    const code = c.charCodeAt(0);
    if (how === 'traditional' && TRADITIONAL.has(c)) text += TRADITIONAL.get(c);
    else if (how === 'wide' && code >= 0x21 && code <= 0x7e) text += String.fromCharCode(code + 0xfee0);
    else if (how === 'wide' && c === ' ') text += '\u3000';
    else text += c;
  }
  text += after.join('');
  at.push(text.length);
  return { text, at };
}

const choice = fc.record({
  how: fc.constantFrom<Disguise>('keep', 'traditional', 'wide'),
  before: fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 2 }),
});
const disguises = fc.record({
  choices: fc.array(choice, { minLength: 1, maxLength: 12 }),
  after: fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 2 }),
});

const check = (body: string): Report => checker.check({ platform: 'weibo', kind: 'post', body });

const describeFinding = (f: Finding, range: readonly [number, number] = f.range) =>
  `${f.ruleId}|${f.severity}|${f.messageId}|${f.suggestion ?? ''}|${f.basis}|${range[0]}-${range[1]}`;

function expectRangesNameTheirText(report: Report, text: string) {
  expect(report.errors).toEqual([]);
  for (const f of report.findings) {
    expect(f.range[0]).toBeLessThan(f.range[1]);
    expect(f.excerpt).toBe(text.slice(f.range[0], f.range[1]));
    expect(f.message).toContain(f.excerpt);
  }
}

describe('disguised text', () => {
  it('the mapping has characters to work with', () => {
    expect(TRADITIONAL.size).toBeGreaterThan(15);
  });

  it('every range names the original text, and the findings are those of the plain text, moved', () => {
    fc.assert(
      fc.property(plainText, disguises, (plain, { choices, after }) => {
        const { text, at } = disguise(plain, choices, after);
        const plainReport = check(plain);
        const report = check(text);
        expectRangesNameTheirText(plainReport, plain);
        expectRangesNameTheirText(report, text);
        const moved = plainReport.findings.map((f) => describeFinding(f, [at[f.range[0]]!, at[f.range[1] - 1]! + 1]));
        expect(report.findings.map((f) => describeFinding(f))).toEqual(moved);
        expect(report.verdict).toBe(plainReport.verdict);
      }),
      { numRuns: 400 },
    );
  });

  it('the properties see findings, not only clean text', () => {
    const samples = fc.sample(plainText, { numRuns: 200, seed: 7 });
    const withFindings = samples.filter((s) => check(s).findings.length > 0).length;
    expect(withFindings).toBeGreaterThan(100);
  });

  it('a term broken by every kind of disguise at once is still found where the editor typed it', () => {
    const text = '今日限\u200b時\u00ad搶\ufeff購，ｖｘ１２３。';
    const report = check(text);
    expect(report.findings.filter((f) => f.ruleId === 'ads').map((f) => f.excerpt)).toEqual([
      '限\u200b時\u00ad搶\ufeff購',
      'ｖｘ１２３',
    ]);
    expectRangesNameTheirText(report, text);
  });
});
