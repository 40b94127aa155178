/**
 * The engine's central promise, as properties over random text: however a text is disguised —
 * invisible characters slipped in, combining marks stacked on characters, ASCII in full width,
 * ideographic spaces, traditional characters, stretches typed backwards inside a right-to-left
 * override so that they display as the plain text — the engine finds the same things, and every
 * range names exactly the original characters it reports.
 */
import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../rules/engine/checker';
import { foldCode } from '../../rules/engine/normalize';
import type { Finding, Report } from '../../rules/engine/types';
import { RULES } from '../../rules/index';
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

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u0301', '\u0308', '\u20dd'];

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

/**
 * The plain text with stretches of it typed backwards between RLO and PDF: displayed, it reads
 * exactly as the plain text. A stretch never holds a line break (an override ends at the end of
 * its paragraph).
 */
function overridden(plain: string, cuts: number[]): Disguised {
  const bounds = [...new Set(cuts.map((c) => Math.floor(c * (plain.length + 1))))].sort((a, b) => a - b);
  let text = '';
  const at: number[] = new Array(plain.length);
  let from = 0;
  for (let b = 0; b + 1 < bounds.length; b += 2) {
    const [start, end] = [bounds[b]!, bounds[b + 1]!];
    if (plain.slice(start, end).includes('\n')) continue;
    for (let i = from; i < start; i++) at[i] = text.length + i - from;
    text += plain.slice(from, start) + '\u202e';
    for (let i = end - 1; i >= start; i--) {
      at[i] = text.length;
      text += plain.charAt(i);
    }
    text += '\u202c';
    from = end;
  }
  for (let i = from; i < plain.length; i++) at[i] = text.length + i - from;
  text += plain.slice(from);
  at.push(text.length);
  return { text, at };
}

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

  it('text typed backwards in a right-to-left override is judged as it is displayed, ranges naming what was typed', () => {
    fc.assert(
      fc.property(
        plainText,
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 6 }),
        (plain, cuts) => {
          const { text, at } = overridden(plain, cuts);
          const plainReport = check(plain);
          const report = check(text);
          expectRangesNameTheirText(report, text);
          // A plain range maps to the smallest typed range holding all of its characters.
          const span = ([s, e]: readonly [number, number]): [number, number] => {
            const typed = at.slice(s, e);
            return [Math.min(...typed), Math.max(...typed) + 1];
          };
          // The same findings, moved; except that where moving makes one range hold another of the
          // same rule (two matches typed interleaved), only the outer one is reported, as for 限时抢购 and 抢购.
          const moved = plainReport.findings.map((f) => ({ f, range: span(f.range) }));
          const reported = report.findings.map((f) => describeFinding(f));
          const expected = moved.map(({ f, range }) => describeFinding(f, range));
          for (const r of reported) expect(expected).toContain(r);
          for (const { f, range } of moved) {
            const covered = report.findings.some(
              (g) => g.ruleId === f.ruleId && g.range[0] <= range[0] && range[1] <= g.range[1],
            );
            expect(covered, describeFinding(f, range)).toBe(true);
          }
          expect(report.verdict).toBe(plainReport.verdict);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the properties see findings, not only clean text', () => {
    const samples = fc.sample(plainText, { numRuns: 200, seed: 7 });
    const withFindings = samples.filter((s) => check(s).findings.length > 0).length;
    expect(withFindings).toBeGreaterThan(100);
  });

  it('a classification mark typed backwards in an override, or with a combining mark on 密, is still found', () => {
    const marks = compilePack(
      testPack({
        rules: { 'no-classified-mark': { severity: 'block' } },
        dictionaries: { 'internal-marks': { basis: '测试', entries: [{ term: '内部资料' }] } },
      }),
      RULES,
    );
    for (const [body, excerpt] of [
      ['附件：\u202e年1★密机\u202c 关于工作的通知', '年1★密机'],
      ['机密\u0301★1年 关于工作的通知', '机密\u0301★1年'],
      ['\u202e年1\u20dd★\u0301密\u0308机\u202c', '年1\u20dd★\u0301密\u0308机'],
    ] as const) {
      const report = marks.check({ platform: 'weibo', kind: 'post', body });
      expect(report.verdict, body).toBe('block');
      expect(report.findings.map((f) => f.excerpt)).toEqual([excerpt]);
    }
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
