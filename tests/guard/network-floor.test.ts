import { describe, expect, it } from 'vitest';
import { allEndpoints } from '../../adapters/endpoints';
import { exactPattern, floorRules, looseLastPattern } from '../../guard/network-floor';

const re = (pattern: string) => new RegExp(pattern, 'i');

describe('the network floor’s rules', () => {
  it('the exact pattern: the path as servers route it, in any case, any slashes, a parameter or a suffix', () => {
    const exact = re(exactPattern('weibo.com', '/ajax/statuses/update'));
    for (const url of [
      'https://weibo.com/ajax/statuses/update',
      'https://www.weibo.com/ajax/statuses/update?x=1',
      'https://weibo.com.//ajax//statuses/UPDATE',
      'https://weibo.com:8443/ajax/statuses/update;jsessionid=1',
      'https://weibo.com/ajax/statuses/update.json',
      'https://weibo.com/ajax/statuses/update//#x',
    ])
      expect(exact.test(url), url).toBe(true);
    for (const url of [
      'https://weibo.com/ajax/statuses/updates',
      'https://weibo.com/ajax/log/action',
      'https://evilweibo.com/ajax/statuses/update',
      'https://s.weibo.com/ajax/statuses/update',
    ])
      expect(exact.test(url), url).toBe(false);
  });

  it('the loose pattern: the last segment anywhere in the path, letters possibly percent-encoded', () => {
    const loose = re(looseLastPattern('weibo.com', '/ajax/statuses/update'));
    expect(loose.test('https://weibo.com/ajax%2Fstatuses%2F%75pdate')).toBe(true);
    expect(loose.test('https://weibo.com/a/b/%55%50date')).toBe(true);
    expect(loose.test('https://weibo.com/ajax/log/action')).toBe(false);
    const card = re(looseLastPattern('card.weibo.com', '/article/*/aj/editor/draft/publish'));
    expect(card.test('https://card.weibo.com/article/v5/aj/editor/draft/pu%62lish')).toBe(true);
  });

  it('covers every endpoint in three contexts, each pattern twice, with ids of its own', () => {
    const rules = floorRules(allEndpoints());
    const paths = new Set(allEndpoints().flatMap((r) => r.hosts.map((h) => `${h} ${r.path}`)));
    expect(rules).toHaveLength(paths.size * 6);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.filter((r) => r.condition.tabIds?.[0] === -1)).toHaveLength(paths.size * 2);
    const wechat = rules.find((r) => r.condition.excludedInitiatorDomains?.[0] === 'mp.weixin.qq.com');
    expect(wechat).toBeDefined();
    // Chrome compiles each pattern within 2 KB; kept short (the longest measured compiles).
    expect(Math.max(...rules.map((r) => r.condition.regexFilter.length))).toBeLessThan(200);
  });
});
