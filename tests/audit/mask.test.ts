import { describe, expect, it } from 'vitest';
import { compilePack } from '../../rules/engine/checker';
import { RULES } from '../../rules/index';
import { loadPackSource } from '../../cli/pack/source';
import { DEFAULT_PACK_DIR } from '../../cli/pack/default-pack';
import { maskPersonalData, maskSpan } from '../../audit/mask';

const checker = compilePack(loadPackSource(DEFAULT_PACK_DIR), RULES);
const ID = '11010519491231002X';

describe('maskPersonalData', () => {
  it('masks ID, mobile and bank card numbers found by the rules, keeping length and the other text', () => {
    const text = `失主身份证号${ID}，联系电话13812345678，银行卡 6222 0212 3456 7890 128 已挂失。做为参考。`;
    const report = checker.check({ platform: 'weibo', kind: 'post', body: text });
    const personal = report.findings.filter((f) => f.category === 'personal-data');
    expect(personal.length).toBeGreaterThanOrEqual(2);
    const out = maskPersonalData({ text, findings: report.findings });
    expect(out.text).toHaveLength(text.length);
    expect(out.text).not.toContain(ID);
    expect(out.text).toContain('1101**********002X');
    expect(out.text).not.toContain('13812345678');
    expect(out.text).toContain('138****5678');
    expect(out.text).toContain('做为参考');
    for (const f of out.findings) {
      expect(JSON.stringify(f)).not.toContain(ID);
      expect(JSON.stringify(f)).not.toContain('13812345678');
    }
    // Every range still names the same place, now masked.
    for (const f of out.findings.filter((x) => x.category === 'personal-data'))
      expect(out.text!.slice(f.range[0], f.range[1])).toBe(f.excerpt);
    // Other findings are kept as they were.
    const typo = out.findings.find((f) => f.ruleId === 'no-typo');
    expect(typo?.excerpt).toBe('做为');
  });

  it('masks a title, leaves text without personal data untouched, and is idempotent', () => {
    const title = `寻找${ID}的家属`;
    const report = checker.check({ platform: 'wechat', kind: 'article', title, body: '请知情者联系。' });
    const once = maskPersonalData({ title, text: '请知情者联系。', findings: report.findings });
    expect(once.title).toBe('寻找1101**********002X的家属');
    expect(once.text).toBe('请知情者联系。');
    const twice = maskPersonalData({ title: once.title, text: once.text, findings: once.findings });
    expect(twice.title).toBe(once.title);
    const clean = maskPersonalData({ text: '全市上下一鼓作气。', findings: [] });
    expect(clean).toEqual({ title: undefined, text: '全市上下一鼓作气。', findings: [], masked: 0 });
  });

  it('masks digits between the kept ends and keeps separators', () => {
    expect(maskSpan('6222 0212 3456 7890', { start: 4, end: 4 })).toBe('6222 **** **** 7890');
    expect(maskSpan('123', { start: 3, end: 4 })).toBe('1*3');
  });
});
