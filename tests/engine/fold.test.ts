import { describe, expect, it } from 'vitest';
import { compactTerm, foldString } from '../../rules/engine/normalize';

describe('folding', () => {
  it('meets traditional, variant and simplified forms in one form', () => {
    expect(foldString('什麼')).toBe(foldString('什么'));
    expect(foldString('為爲')).toBe('为为');
    expect(foldString('優惠券')).toBe('优惠券');
  });

  it('leaves everyday simplified characters alone', () => {
    expect(foldString('什么时候 群众 秘书 吃饭 台风 著名')).toBe('什么时候 群众 秘书 吃饭 台风 着名');
  });

  it('is idempotent on every BMP character', () => {
    let all = '';
    for (let c = 0; c < 0xd800; c++) all += String.fromCharCode(c);
    const once = foldString(all);
    expect(foldString(once)).toBe(once);
  });

  it('folds width and case, and drops invisible characters', () => {
    expect(foldString('ＹＹＤＳ\u200b！')).toBe('yyds!');
    expect(compactTerm('优 惠-券')).toBe('优惠券');
  });
});
