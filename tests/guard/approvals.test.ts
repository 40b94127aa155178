import { describe, expect, it } from 'vitest';
import { APPROVAL_TTL_MS, Approvals } from '../../guard/approvals';

const post = (body: string) => ({ body });

describe('approvals of drafts let through at a control', () => {
  it('release the matching request once, whitespace aside', () => {
    const a = new Approvals();
    a.add(post('保定发布：\n今天  天气很好'));
    expect(a.take(post('保定发布： 今天天气很好'))).toBe(true);
    expect(a.take(post('保定发布： 今天天气很好'))).toBe(false);
  });

  it('never match other text', () => {
    const a = new Approvals();
    a.add(post('今天天气很好'));
    expect(a.take(post('今天天气很好！'))).toBe(false);
  });

  it('expire', () => {
    let now = 1000;
    const a = new Approvals(() => now);
    a.add(post('今天天气很好'));
    now += APPROVAL_TTL_MS + 1;
    expect(a.take(post('今天天气很好'))).toBe(false);
  });
});

describe('approvals bound to every published field', () => {
  const article = {
    title: '保定市召开防汛工作会议',
    author: '保定发布',
    summary: '会议部署今年防汛工作',
    body: '7月1日，保定市召开防汛工作会议。',
    source: { url: 'https://www.baoding.gov.cn/1.html' },
    original: true,
  };

  it('match the same article, whitespace aside', () => {
    const a = new Approvals();
    a.add(article);
    expect(a.take({ ...article, title: ' 保定市召开防汛 工作会议', body: '7月1日，\n保定市召开防汛工作会议。' })).toBe(
      true,
    );
  });

  it.each([
    ['title', { title: '保定市召开防汛工作会议（内部）' }],
    ['author', { author: '某局' }],
    ['summary', { summary: '别的摘要' }],
    ['body', { body: '7月1日，保定市召开防汛工作会议！' }],
    ['source URL', { source: { url: 'https://example.com/' } }],
    ['原创', { original: false }],
  ])('do not match when the %s changed after approval', (_, change) => {
    const a = new Approvals();
    a.add(article);
    expect(a.has({ ...article, ...change })).toBe(false);
    expect(a.take({ ...article, ...change })).toBe(false);
    expect(a.take(article)).toBe(true);
  });

  it('tell an absent field from a present one only by its text', () => {
    const a = new Approvals();
    a.add({ body: '正文', summary: '' });
    expect(a.take({ body: '正文' })).toBe(true);
  });
});

describe('approvals kept as long as a platform needs', () => {
  it('outlive the default where the adapter asks for longer (WeChat: the admin QR scan)', () => {
    let now = 0;
    const a = new Approvals(() => now, 5 * 60_000);
    a.add(post('正文'));
    now = 4 * 60_000;
    expect(a.take(post('正文'))).toBe(true);
  });
});
