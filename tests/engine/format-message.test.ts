import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../rules/engine/define-rule';

describe('formatMessage', () => {
  it('fills every placeholder, the same one as often as it stands', () => {
    expect(formatMessage('「{term}」应为「{suggestion}」；「{term}」', { term: '做为', suggestion: '作为' })).toBe(
      '「做为」应为「作为」；「做为」',
    );
  });

  it('writes numbers as digits and leaves text without placeholders alone', () => {
    expect(formatMessage('共有 {count} 种', { count: 3 })).toBe('共有 3 种');
    expect(formatMessage('没有占位符')).toBe('没有占位符');
  });

  it('leaves unknown placeholders visible, and gives the same result for a template used again', () => {
    expect(formatMessage('{term}与{missing}', { term: '甲' })).toBe('甲与{missing}');
    expect(formatMessage('{term}与{missing}', { term: '乙', missing: '丙' })).toBe('乙与丙');
    expect(formatMessage('{term}与{missing}', {})).toBe('{term}与{missing}');
  });

  it('fills {term} with the excerpt it is given, unless the data names its own term', () => {
    expect(formatMessage('「{term}」应为「{suggestion}」', { suggestion: '作为' }, '做为')).toBe(
      '「做为」应为「作为」',
    );
    expect(formatMessage('「{term}」', undefined, '做为')).toBe('「做为」');
    expect(formatMessage('「{term}」', { term: '作为' }, '做为')).toBe('「作为」');
    expect(formatMessage('{other}', {}, '做为')).toBe('{other}');
  });
});
