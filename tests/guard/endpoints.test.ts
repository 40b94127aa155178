import { describe, expect, it } from 'vitest';
import { WEIBO_ENDPOINTS } from '../../adapters/weibo/endpoints';
import { matchEndpoint, type EndpointRule } from '../../guard/endpoints';

const at = (url: string, method = 'POST', rules: readonly EndpointRule[] = WEIBO_ENDPOINTS) =>
  matchEndpoint(rules, method, new URL(url), new URL(url).host)?.id;

describe('publish endpoints', () => {
  it('matches Weibo’s publish endpoints on the page’s own host, by path', () => {
    expect(at('https://weibo.com/ajax/statuses/update')).toBe('statuses/update');
    expect(at('https://www.weibo.com/ajax/statuses/normal_repost')).toBe('statuses/normal_repost');
    expect(at('https://weibo.com/ajax/comments/create?x=1')).toBe('comments/create');
    expect(at('https://weibo.com/ajax/comments/reply/')).toBe('comments/reply');
    expect(at('https://weibo.com/ajax/statuses/schedule/upload')).toBe('statuses/schedule');
  });

  it('leaves everything else alone', () => {
    expect(at('https://weibo.com/ajax/statuses/update', 'GET')).toBeUndefined();
    expect(at('https://weibo.com/ajax/statuses/updates')).toBeUndefined();
    expect(at('https://weibo.com/ajax/log/action')).toBeUndefined();
    expect(
      matchEndpoint(WEIBO_ENDPOINTS, 'POST', new URL('https://evil.example/ajax/statuses/update'), 'weibo.com'),
    ).toBeUndefined();
  });

  it('tells requests apart by query parameters (a preview is held, an autosave is not)', () => {
    const rules: EndpointRule[] = [
      { id: 'preview', role: 'publish', path: '/cgi-bin/operate_appmsg', query: { sub: 'preview' } },
      { id: 'autosave', role: 'autosave', path: '/cgi-bin/operate_appmsg', query: { sub: /^(create|update)$/ } },
      { id: 'masssend', role: 'publish', path: '/cgi-bin/masssend', query: { action: null } },
    ];
    expect(at('https://mp.weixin.qq.com/cgi-bin/operate_appmsg?t=ajax-appmsg-preview&sub=preview', 'POST', rules)).toBe(
      'preview',
    );
    expect(at('https://mp.weixin.qq.com/cgi-bin/operate_appmsg?t=ajax-response&sub=update', 'POST', rules)).toBe(
      'autosave',
    );
    expect(at('https://mp.weixin.qq.com/cgi-bin/masssend?t=ajax-response', 'POST', rules)).toBe('masssend');
    expect(at('https://mp.weixin.qq.com/cgi-bin/masssend?action=check_music', 'POST', rules)).toBeUndefined();
  });
});
