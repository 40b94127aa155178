import { describe, expect, it } from 'vitest';
import { COMMON_REASONS, reasonProblem } from '../../guard/reasons';

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
