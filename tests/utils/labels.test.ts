import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules';
import { CATEGORIES } from '../../rules/engine/types';
import { CATEGORY_LABELS, DECISION_LABELS, placesIn, RULE_LABELS, ruleLabel, VERDICT_LABELS } from '../../utils/labels';

describe('the shared labels', () => {
  it('name every shipped rule and every category in Chinese', () => {
    for (const rule of RULES) expect(RULE_LABELS[rule.meta.id], rule.meta.id).toMatch(/\p{Script=Han}/u);
    expect(Object.keys(RULE_LABELS).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    for (const c of CATEGORIES) expect(CATEGORY_LABELS[c]).toMatch(/\p{Script=Han}/u);
  });

  it('name a rule this build does not know by its category, never by its id', () => {
    expect(ruleLabel('no-ad-promotion')).toBe('促销用语');
    expect(ruleLabel('some-new-rule', 'typo')).toBe('错别字');
    expect(ruleLabel('some-new-rule')).not.toContain('some-new-rule');
  });

  it('use one word for the override and for a justify verdict', () => {
    expect(DECISION_LABELS['published-with-reason']).toBe('仍要发布');
    expect(VERDICT_LABELS.justify).toBe('需说明理由');
    expect(DECISION_LABELS.cancelled).toBe('返回修改');
  });

  it('say where a finding is: the field alone, or its paragraph', () => {
    expect(placesIn('title', '标题')(0)).toBe('标题');
    expect(placesIn('body', '一段话')(2)).toBe('正文');
    const text = '第一段\n\n第二段内容\n  \n第三段';
    const at = placesIn('body', text);
    expect(at(0)).toBe('正文第 1 段');
    expect(at(text.indexOf('内容'))).toBe('正文第 2 段');
    expect(at(text.indexOf('第三'))).toBe('正文第 3 段');
    expect(placesIn('links[1]', undefined)(0)).toBe('链接 2');
  });
});
