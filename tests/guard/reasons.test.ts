import { describe, expect, it } from 'vitest';
import { COMMON_REASONS, reasonProblem, reviewerProblem } from '../../guard/reasons';
import { t } from '../../guard/strings';

describe('a written reason', () => {
  it('is refused when it says nothing', () => {
    for (const r of ['', ' ', '1', '好', '。。。。', '1111111', '啊啊啊啊', 'ok', 'aaaa'])
      expect(reasonProblem(r), r).not.toBeNull();
  });

  it('is accepted when it says why', () => {
    for (const r of ['转载已获授权', '引用原话，保持原文', '经三审同意发布', 'per editor Li'])
      expect(reasonProblem(r), r).toBeNull();
    for (const r of COMMON_REASONS) expect(reasonProblem(r)).toBeNull();
  });
});

describe('a reviewer’s name in the 三审 record', () => {
  it('is refused when it names nobody', () => {
    expect(reviewerProblem('')).toBe(t.reviewerRequired);
    expect(reviewerProblem('  ')).toBe(t.reviewerRequired);
    for (const r of ['1', '王', '11', 'ab', '。。', '王王', 'x.'])
      expect(reviewerProblem(r), r).toBe(t.reviewerTooShort);
  });

  it('is accepted for a real name, Chinese or not', () => {
    for (const r of ['张三', '欧阳明', '王审核', 'Li Na', ' 刘法务 ']) expect(reviewerProblem(r), r).toBeNull();
  });
});
