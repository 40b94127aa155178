import { describe, expect, it } from 'vitest';
import { APPROVAL_TTL_MS, Approvals } from '../../guard/approvals';

describe('approvals of drafts let through at a control', () => {
  it('release the matching request once, whitespace aside', () => {
    const a = new Approvals();
    a.add('保定发布：\n今天  天气很好');
    expect(a.take('保定发布： 今天天气很好')).toBe(true);
    expect(a.take('保定发布： 今天天气很好')).toBe(false);
  });

  it('never match other text', () => {
    const a = new Approvals();
    a.add('今天天气很好');
    expect(a.take('今天天气很好！')).toBe(false);
  });

  it('expire', () => {
    let now = 1000;
    const a = new Approvals(() => now);
    a.add('今天天气很好');
    now += APPROVAL_TTL_MS + 1;
    expect(a.take('今天天气很好')).toBe(false);
  });
});

describe('approvals kept as long as a platform needs', () => {
  it('outlive the default where the adapter asks for longer (WeChat: the admin QR scan)', () => {
    let now = 0;
    const a = new Approvals(() => now, 5 * 60_000);
    a.add('正文');
    now = 4 * 60_000;
    expect(a.take('正文')).toBe(true);
  });
});
