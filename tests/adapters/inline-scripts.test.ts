import { describe, expect, it } from 'vitest';
import { keyedNumber, keyedValue, unescapeJs } from '../../adapters/lib/inline-scripts';

const value = (key: string, source: string) => keyedValue(key).exec(source)?.[1];

describe('reading the account from inline script text', () => {
  it('reads object, JSON and bracket assignments', () => {
    expect(value('nick_name', 'window.wx = { data: { nick_name: "保定发布" } };')).toBe('保定发布');
    expect(value('nick_name', '{"data":{"nick_name":"保定发布","user_name":"gh_1"}}')).toBe('保定发布');
    expect(value('nick', "$CONFIG['nick'] = '保定发布';")).toBe('保定发布');
    expect(keyedNumber('uid').exec("$CONFIG['uid'] = 5123456789;")?.[1]).toBe('5123456789');
    expect(keyedNumber('uid').exec('{"uid":"5123456789"}')?.[1]).toBe('5123456789');
  });

  it('does not take a longer key for a shorter one', () => {
    expect(value('name', '{"nick_name":"甲","name":"乙"}')).toBe('乙');
    expect(value('nick', '{"nick_name":"甲"}')).toBeUndefined();
  });

  it('reads escaped values inside a JSON.parse literal and unescapes them', () => {
    const source = `config: JSON.parse('{"uid":"1","nick":"\\\\u4fdd\\\\u5b9a\\\\u53d1\\\\u5e03"}')`;
    expect(unescapeJs(value('nick', source)!)).toBe('保定发布');
    expect(unescapeJs('\\u4fdd\\/x')).toBe('保/x');
  });
});
