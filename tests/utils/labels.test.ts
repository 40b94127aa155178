import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules';
import { CATEGORIES } from '../../rules/engine/types';
import { loadPackSource } from '../../cli/pack/source';
import { DEFAULT_PACK_DIR } from '../../cli/pack/default-pack';
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  orderBasis,
  placesIn,
  RULE_LABELS,
  ruleLabel,
  VERDICT_LABELS,
} from '../../utils/labels';

describe('the shared labels', () => {
  it('name every shipped rule and every category in Chinese', () => {
    for (const rule of RULES) expect(RULE_LABELS[rule.meta.id], rule.meta.id).toMatch(/\p{Script=Han}/u);
    expect(Object.keys(RULE_LABELS).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    for (const c of CATEGORIES) expect(CATEGORY_LABELS[c]).toMatch(/\p{Script=Han}/u);
  });

  it('name a rule this build does not know by its category, never by its id', () => {
    expect(ruleLabel('no-ad-promotion')).toBe('促销用语');
    expect(ruleLabel('some-new-rule', 'typo')).toBe('错别字和标点');
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

describe('the basis an editor reads', () => {
  it('puts the measures first', () => {
    expect(
      orderBasis('常见营销话术（据公开营销文案整理）；《保定市政务新媒体管理办法》第十三条：不得刊登商业广告'),
    ).toBe('《保定市政务新媒体管理办法》第十三条：不得刊登商业广告；常见营销话术（据公开营销文案整理）');
  });

  it('in the default pack cites public sources by name only: no internal notes or file paths', () => {
    const pack = loadPackSource(DEFAULT_PACK_DIR);
    const bases: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === 'basis' && typeof x === 'string') bases.push(x);
          else walk(x);
        }
    };
    walk(pack);
    for (const rule of RULES) bases.push(rule.meta.basis);
    expect(bases.length).toBeGreaterThan(50);
    const internal = bases.filter((b) =>
      /lexicon|§|无官方清单|逐一核实|[\w-]+\/[\w./-]+\.(txt|json|csv|ya?ml)/i.test(b),
    );
    expect(internal).toEqual([]);
  });
});
