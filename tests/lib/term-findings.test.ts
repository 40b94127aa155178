import { describe, expect, it } from 'vitest';
import { balanceQuotes } from '../../rules/lib/term-findings';

/** The text a range of `text` names after balancing, for the term found at `found`. */
function balanced(text: string, found: string): string {
  const start = text.indexOf(found);
  const [s, e] = balanceQuotes(text, [start, start + found.length]);
  return text.slice(s, e);
}

describe('balanceQuotes', () => {
  it('takes the closing mark of a quote the range opened', () => {
    expect(balanced('台湾“总统”赖某', '台湾“总统')).toBe('台湾“总统”');
    expect(balanced('台湾『总统』赖某', '台湾『总统')).toBe('台湾『总统』');
  });

  it('takes the opening mark of a quote the range closed', () => {
    expect(balanced('共建“一带一路”战略', '一带一路”战略')).toBe('“一带一路”战略');
  });

  it('looks past invisible characters and spaces to the mark', () => {
    expect(balanced('台湾“总统\u200b”赖某', '台湾“总统')).toBe('台湾“总统\u200b”');
    expect(balanced('台湾 “ 总统 ” 赖某', '台湾 “ 总统')).toBe('台湾 “ 总统 ”');
  });

  it('leaves balanced or unquoted ranges and unpaired marks alone', () => {
    expect(balanced('“台湾总统”', '台湾总统')).toBe('台湾总统');
    expect(balanced('台湾“总统”选举', '台湾“总统”选举')).toBe('台湾“总统”选举');
    expect(balanced('台湾“总统。', '台湾“总统')).toBe('台湾“总统');
  });
});
