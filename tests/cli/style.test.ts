import { describe, expect, it } from 'vitest';
import { plainMark } from '../../cli/report/style';

describe('plainMark', () => {
  it('uses 【】 when the text has none', () => {
    expect(plainMark('做为', '请', '参考')).toBe('【做为】');
  });

  it('picks another pair when the excerpt or a neighbour already uses 【】', () => {
    expect(plainMark('【限时抢购】')).toBe('〖【限时抢购】〗');
    expect(plainMark('限时抢购', '【', '】全场')).toBe('〖限时抢购〗');
    expect(plainMark('〖甲〗', '【', '')).toBe('⟦〖甲〗⟧');
  });
});
