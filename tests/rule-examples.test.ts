/**
 * The examples in docs/rules/<id>.md are executable (cli/pack/rule-examples.ts): every rule's
 * 错误示例 must be reported and its 正确示例 must not, with the default pack.
 */
import { describe, expect, it } from 'vitest';
import { parseRuleExamples, readRuleExamples, runRuleExamples } from '../cli/pack/rule-examples';
import { compilePack } from '../rules/engine/checker';
import { RULES } from '../rules/index';
import { defaultPack } from './rule-tester';

describe('rule documentation examples', () => {
  const pack = defaultPack();
  const checker = compilePack(pack, RULES);

  for (const rule of RULES) {
    it(`${rule.meta.id}: the documented examples hold with the default pack`, () => {
      const { examples, problems } = readRuleExamples([rule.meta.id]);
      expect(problems).toEqual([]);
      expect(examples.filter((e) => e.kind === 'invalid').length, '至少一个错误示例').toBeGreaterThan(0);
      expect(examples.filter((e) => e.kind === 'valid').length, '至少一个正确示例').toBeGreaterThan(0);
      expect(runRuleExamples(checker, pack, examples).failures).toEqual([]);
    });
  }
});

describe('parseRuleExamples', () => {
  const doc = [
    '# no-typo',
    '',
    '说明里的列表不算：',
    '- 做为 不是示例',
    '',
    '## 错误示例',
    '',
    '- 做为基层干部 → 作为基层干部',
    '* 再接再励，`代码` 标记会去掉',
    '- 一个很长的示例',
    '  接在下一行',
    '### 小节仍属错误示例',
    '- 截止目前',
    '- `{"kind": "repost", "body": "转发", "quoted": {"text": "做为"}}`',
    '',
    '## 正确示例',
    '',
    '- 报名截止日期为 12 月 1 日',
    '',
    '## 选项',
    '- 不是示例',
  ].join('\n');

  it('reads top-level items of the two sections, with corrections, continuations and draft JSON', () => {
    const { examples, problems } = parseRuleExamples('no-typo', doc, 'docs/rules/no-typo.md');
    expect(problems).toEqual([]);
    expect(examples.map((e) => [e.kind, e.origin, e.draft.kind, e.draft.body])).toEqual([
      ['invalid', 'docs/rules/no-typo.md:8', 'post', '做为基层干部'],
      ['correction', 'docs/rules/no-typo.md:8', 'post', '作为基层干部'],
      ['invalid', 'docs/rules/no-typo.md:9', 'post', '再接再励，代码 标记会去掉'],
      ['invalid', 'docs/rules/no-typo.md:10', 'post', '一个很长的示例\n接在下一行'],
      ['invalid', 'docs/rules/no-typo.md:13', 'post', '截止目前'],
      ['invalid', 'docs/rules/no-typo.md:14', 'repost', '转发'],
      ['valid', 'docs/rules/no-typo.md:18', 'post', '报名截止日期为 12 月 1 日'],
    ]);
    expect(examples[5]!.draft).toEqual({ platform: 'weibo', kind: 'repost', body: '转发', quoted: { text: '做为' } });
  });

  it('reports a draft that is not valid JSON, with its line', () => {
    const { problems } = parseRuleExamples(
      'x',
      '## 错误示例\n- `{"body": }`\n- `{"title": "无正文"}`',
      'docs/rules/x.md',
    );
    expect(problems).toEqual([
      expect.stringMatching(/^docs\/rules\/x\.md:2: 示例稿件不是有效的 JSON/),
      'docs/rules/x.md:3: 示例稿件应为含 body 的对象',
    ]);
  });

  it('fails an example that does not hold, saying which and why', () => {
    const pack = defaultPack();
    const checker = compilePack(pack, RULES);
    const { examples } = parseRuleExamples(
      'no-typo',
      '## 错误示例\n- 一切正常 → 做为\n## 正确示例\n- 再接再励',
      'd.md',
    );
    expect(runRuleExamples(checker, pack, examples)).toEqual({
      passed: 0,
      skipped: [],
      failures: [
        'd.md:2「一切正常」：错误示例应被规则 no-typo 报出，却没有',
        'd.md:2「做为」：更正后的写法不应再被规则 no-typo 报出，却报出了（报出：「做为」）',
        'd.md:4「再接再励」：正确示例不应被规则 no-typo 报出，却报出了（报出：「再接再励」）',
      ],
    });
  });
});
