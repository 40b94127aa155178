import { describe, expect, it } from 'vitest';
import { compilePack } from '../../rules/engine/checker';
import type { Draft } from '../../rules/engine/types';
import { RULES } from '../../rules/index';
import { defaultPack } from '../rule-tester';

const checker = compilePack(defaultPack(), RULES);
const article = (fields: Partial<Draft>): Draft => ({
  platform: 'wechat',
  kind: 'article',
  body: '正文没有问题。',
  ...fields,
});

describe('summary and author fields', () => {
  it('checks the summary by default and points into it', () => {
    const summary = '本期导语：做为基层干部要担当。';
    const report = checker.check(article({ summary }));
    const typo = report.findings.find((f) => f.ruleId === 'no-typo');
    expect(typo?.field).toBe('summary');
    expect(summary.slice(...typo!.range)).toBe('做为');
  });

  it('reports title, summary and body findings in reading order', () => {
    const report = checker.check(article({ title: '做为标题', summary: '做为导语', body: '做为正文' }));
    expect(report.findings.filter((f) => f.ruleId === 'no-typo').map((f) => f.field)).toEqual([
      'title',
      'summary',
      'body',
    ]);
  });

  it('leaves the byline to rules that ask for it', () => {
    const report = checker.check(article({ author: '做为' }));
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
  });
});
