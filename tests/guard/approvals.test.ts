import { expect, it } from 'vitest';
import { APPROVAL_TTL_MS, Approvals } from '../../utils/guard/approvals';

it('releases an approved post once, whitespace aside, until its approval lapses', () => {
  let now = 0;
  const approvals = new Approvals(() => now);
  approvals.add('第一段\n第二段');
  expect(approvals.take('第一段 第二段')).toBe(true);
  expect(approvals.take('第一段 第二段')).toBe(false);
  approvals.add('正文');
  now = APPROVAL_TTL_MS + 1;
  expect(approvals.take('正文')).toBe(false);
});

it('keeps an approval as long as the platform needs between the control and its request', () => {
  let now = 0;
  const approvals = new Approvals(() => now, 5 * 60_000);
  approvals.add('正文');
  now = 4 * 60_000;
  expect(approvals.take('正文')).toBe(true);
});
