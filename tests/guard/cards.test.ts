import { describe, expect, it } from 'vitest';
import type { Finding } from '../../rules/engine/types';
import { groupFindings } from '../../guard/overlay/cards';

function f(over: Partial<Finding> & Pick<Finding, 'range' | 'excerpt'>): Finding {
  return {
    ruleId: 'no-ad-promotion',
    category: 'commercial-ad',
    severity: 'block',
    field: 'body',
    message: `「${over.excerpt}」是商业促销或引流用语，本段共有 3 种促销用语`,
    messageId: 'cluster',
    basis: '第十三条',
    ...over,
  };
}

describe('grouping findings into cards', () => {
  const body = '天气晴。\n限时抢购，优惠券，加微信下单。\n做为干部，做为党员。\n再做为一次';

  it('one card per paragraph for findings of one rule and message, with each term once', () => {
    const at = (w: string) => [body.indexOf(w), body.indexOf(w) + w.length] as [number, number];
    const findings = [
      f({ range: at('限时抢购'), excerpt: '限时抢购' }),
      f({ range: at('优惠券'), excerpt: '优惠券' }),
      f({ range: at('加微信下单'), excerpt: '加微信下单' }),
    ];
    const cards = groupFindings(findings, { body });
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      title: '促销用语',
      places: ['正文第 2 段'],
      terms: ['限时抢购', '优惠券', '加微信下单'],
      findings: [0, 1, 2],
    });
    expect(cards[0]!.message).toContain('「限时抢购」「优惠券」「加微信下单」是商业促销');
  });

  it('never lists the same term twice: it names every place instead', () => {
    const typo = (start: number): Finding => ({
      ruleId: 'no-typo',
      category: 'typo',
      severity: 'warn',
      field: 'body',
      range: [start, start + 2],
      excerpt: '做为',
      message: '「做为」应为「作为」',
      messageId: 'typo',
      suggestion: '作为',
      basis: '第十三条 文字关',
    });
    const starts = [...body.matchAll(/做为/g)].map((m) => m.index);
    const cards = groupFindings(starts.map(typo), { body });
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ terms: ['做为'], places: ['正文第 3 段', '正文第 4 段'], findings: [0, 1, 2] });
  });

  it('a paragraph-level finding with cue spans is one card with its cues', () => {
    const finding: Finding = {
      ...f({ range: [5, 20], excerpt: body.slice(5, 20) }),
      ruleId: 'no-ad-promotion',
      spans: [
        { range: [5, 9], excerpt: '限时抢购' },
        { range: [10, 13], excerpt: '优惠券' },
      ],
    };
    const cards = groupFindings([finding], { body });
    expect(cards[0]!.terms).toEqual(['限时抢购', '优惠券']);
  });

  it('most severe first, then in reading order; titles before bodies', () => {
    const warn = f({ range: [0, 2], excerpt: '天气', severity: 'warn', ruleId: 'no-typo', messageId: 'a' });
    const block = f({ range: [5, 9], excerpt: '限时抢购', messageId: 'b' });
    const title = f({ range: [0, 2], excerpt: '标题', field: 'title', messageId: 'c', severity: 'block' });
    const cards = groupFindings([warn, block, title], { body, title: '标题' });
    expect(cards.map((c) => c.places[0])).toEqual(['标题', '正文第 2 段', '正文第 1 段']);
  });
});
