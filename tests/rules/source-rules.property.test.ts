/**
 * The source rules parse free text (来源：…, 转自…, //@…:, 原标题：…). A rule that throws makes the
 * report incomplete and the guard fails closed, so whatever an editor types — fragments of
 * labels, brackets left open, empty fields — they must not throw, and every range they report
 * must lie inside its field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../rules/engine/checker';
import type { Draft } from '../../rules/engine/types';
import { RULES } from '../../rules/index';
import { defaultPack, fieldText } from '../rule-tester';

const IDS = ['no-unapproved-source', 'require-source', 'no-title-distortion'];

const PIECES = [
  '来源',
  '：',
  ':',
  '|',
  '丨',
  '/',
  '（',
  '）',
  '(',
  ')',
  '【',
  '】',
  '《',
  '》',
  '“',
  '”',
  '、',
  '，',
  '\n',
  ' ',
  '\u200b',
  '转自',
  '转载自',
  '本文',
  '原文链接',
  'https://',
  'www.',
  '.gov.cn',
  'mp.weixin.qq.com/s/',
  '//@',
  '@',
  '据',
  '报道',
  '消息',
  '原标题',
  '原题',
  '人民日报',
  '某某网',
  '网络',
  '保定市生态环境局',
  '微信公众号',
  '客户端',
  '综合自',
  '记者',
  '张三',
  '摄',
  '通讯员',
  '责任编辑',
  '震惊',
  '！',
  '不',
  '3',
  '5万',
  '三',
  '个',
  '年',
  '#话题#',
  '侵删',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

const draft: fc.Arbitrary<Draft> = fc.record({
  platform: fc.constantFrom('weibo' as const, 'wechat' as const),
  kind: fc.constantFrom('post' as const, 'repost' as const, 'article' as const, 'comment' as const),
  title: fc.option(text, { nil: undefined }),
  body: text,
  source: fc.option(
    fc.record({ name: fc.option(text, { nil: undefined }), url: fc.option(text, { nil: undefined }) }),
    { nil: undefined },
  ),
  quoted: fc.option(fc.record({ author: fc.option(text, { nil: undefined }), text }), { nil: undefined }),
  account: fc.option(fc.record({ name: text }), { nil: undefined }),
  original: fc.option(fc.boolean(), { nil: undefined }),
});

describe('source rules on arbitrary text', () => {
  const pack = defaultPack();
  const rules = Object.fromEntries(
    Object.keys(pack.rules).map((id) => [
      id,
      { ...pack.rules[id], severity: IDS.includes(id) ? pack.rules[id]!.severity : ('off' as const) },
    ]),
  );
  const checker = compilePack({ ...pack, rules, tests: [] }, RULES);

  it('never throw and report ranges inside their fields', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const report = checker.check(d);
        expect(report.errors).toEqual([]);
        for (const f of report.findings) {
          const value = fieldText(d, f.field);
          expect(value.length, `${f.ruleId} reported on the empty field ${f.field}`).toBeGreaterThan(0);
          expect(f.range[0]).toBeGreaterThanOrEqual(0);
          expect(f.range[1]).toBeLessThanOrEqual(value.length);
          expect(f.range[0], `${f.ruleId}: empty range`).toBeLessThan(f.range[1]);
          expect(f.excerpt).toBe(value.slice(f.range[0], f.range[1]));
        }
      }),
      { numRuns: 500 },
    );
  });
});
