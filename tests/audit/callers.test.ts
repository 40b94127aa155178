import { describe, expect, it } from 'vitest';
import { classifySender, guardedPlatform } from '../../utils/callers';

const self = {
  id: 'bpaphlkjmdglaojppphhcbmagkiggbeh',
  baseUrl: 'chrome-extension://bpaphlkjmdglaojppphhcbmagkiggbeh/',
};
const tab = { id: 7 };

describe('classifySender', () => {
  it('knows the extension’s own pages', () => {
    expect(classifySender({ id: self.id, url: `${self.baseUrl}dashboard.html` }, self)).toBe('extension');
    expect(classifySender({ id: self.id, url: `${self.baseUrl}dashboard.html`, tab }, self)).toBe('extension');
  });

  it.each([
    'https://weibo.com/u/1',
    'https://www.weibo.com/',
    'https://card.weibo.com/article/v3/editor',
    'https://mp.weixin.qq.com/cgi-bin/appmsg?t=media',
  ])('accepts its content script on the guarded page %s', (url) => {
    expect(classifySender({ id: self.id, url, tab, origin: new URL(url).origin }, self)).toBe('content');
  });

  it.each([
    ['another extension', { id: 'aaaabbbbccccddddeeeeffffgggghhhh', url: 'https://weibo.com/', tab }],
    ['a web page (no extension id)', { url: 'https://weibo.com/', tab }],
    ['its content script on an unguarded host', { id: self.id, url: 'https://evil.example/weibo.com', tab }],
    ['a look-alike host', { id: self.id, url: 'https://weibo.com.evil.example/', tab }],
    ['a subdomain that is not guarded', { id: self.id, url: 'https://m.weibo.cn/', tab }],
    ['plain HTTP', { id: self.id, url: 'http://weibo.com/', tab }],
    ['a non-default port', { id: self.id, url: 'https://weibo.com:8443/', tab }],
    ['a content script without a tab', { id: self.id, url: 'https://weibo.com/' }],
    [
      'an origin that disagrees with the URL',
      { id: self.id, url: 'https://weibo.com/', origin: 'https://evil.example', tab },
    ],
    ['no URL', { id: self.id, tab }],
  ])('refuses %s', (_, sender) => {
    expect(classifySender(sender, self)).toBeNull();
  });

  it('maps guarded hosts to their platform', () => {
    expect(guardedPlatform('https://card.weibo.com/x')).toBe('weibo');
    expect(guardedPlatform('https://mp.weixin.qq.com/')).toBe('wechat');
    expect(guardedPlatform('https://qq.com/')).toBeUndefined();
  });
});
