import { describe, expect, it } from 'vitest';
import { CARD_WEIBO_ENDPOINTS } from '../../adapters/card-weibo/endpoints';
import { WECHAT_ENDPOINTS } from '../../adapters/wechat/endpoints';
import { WEIBO_ENDPOINTS } from '../../adapters/weibo/endpoints';
import { AMBIGUOUS } from '../../guard/net/classify';
import { classifierFor, ruleFor } from './classifier';

const weibo = ruleFor(WEIBO_ENDPOINTS);
const wechat = ruleFor(WECHAT_ENDPOINTS);
const mp = 'https://mp.weixin.qq.com/cgi-bin/';

describe('publish endpoints', () => {
  it('matches Weibo’s publish endpoints on weibo.com and www.weibo.com, by path', () => {
    expect(weibo('https://weibo.com/ajax/statuses/update')?.id).toBe('statuses/update');
    expect(weibo('https://www.weibo.com/ajax/statuses/normal_repost')?.id).toBe('statuses/normal_repost');
    expect(weibo('https://weibo.com/ajax/comments/create?x=1')?.id).toBe('comments/create');
    expect(weibo('https://weibo.com/ajax/comments/reply/')?.id).toBe('comments/reply');
    expect(weibo('https://weibo.com/ajax/statuses/schedule/upload')?.id).toBe('statuses/schedule');
    expect(weibo('https://weibo.com/ajax/statuses/schedule/edit')?.id).toBe('statuses/schedule');
  });

  it('leaves everything else alone', () => {
    expect(weibo('https://weibo.com/ajax/statuses/updates')).toBeUndefined();
    expect(weibo('https://weibo.com/ajax/log/action')).toBeUndefined();
    expect(weibo('https://evil.example/ajax/statuses/update')).toBeUndefined();
    expect(weibo('https://s.weibo.com/ajax/statuses/update')).toBeUndefined();
  });

  it.each([
    ['upper case', 'https://weibo.com/ajax/statuses/UPDATE'],
    ['repeated slashes', 'https://weibo.com//ajax///statuses/update'],
    ['percent-encoded letters', 'https://weibo.com/ajax/statuses/%75pdate'],
    ['double percent-encoding', 'https://weibo.com/ajax/statuses/%2575pdate'],
    ['encoded slashes', 'https://weibo.com/ajax%2Fstatuses%2Fupdate'],
    ['encoded dot segments', 'https://weibo.com/ajax/statuses/x/%2e%2e/update'],
    ['a backslash', 'https://weibo.com/ajax/statuses%5Cupdate'],
    ['a path parameter', 'https://weibo.com/ajax/statuses/update;jsessionid=1'],
    ['a suffix', 'https://weibo.com/ajax/statuses/update.json'],
    ['trailing slashes', 'https://weibo.com/ajax/statuses/update//'],
    ['padding', 'https://weibo.com/ajax/statuses/update%20'],
    ['a trailing dot on the host', 'https://weibo.com./ajax/statuses/update'],
    ['www. and upper case on the host', 'https://WWW.WEIBO.COM/ajax/statuses/update'],
    ['another port', 'https://weibo.com:8443/ajax/statuses/update'],
    ['plain http', 'http://weibo.com/ajax/statuses/update'],
  ])('normalises the way a server routes: %s', (_, url) => {
    expect(weibo(url)?.id).toBe('statuses/update');
  });

  it('card.weibo.com: any version segment, exact host', () => {
    const card = ruleFor(CARD_WEIBO_ENDPOINTS);
    expect(card('https://card.weibo.com/article/v5/aj/editor/draft/publish?uid=1&id=2')?.id).toBe('draft/publish');
    expect(card('https://card.weibo.com/article/v9/aj/editor/draft/publishtiming')?.id).toBe('draft/publishtiming');
    expect(card('https://card.weibo.com/article/v5/aj/editor/draft/save')?.role).toBe('autosave');
    expect(card('https://weibo.com/article/v5/aj/editor/draft/publish')).toBeUndefined();
  });
});

describe('WeChat: parameters that tell publishing from saving and pre-checks', () => {
  it('holds 发表 unless it is unmistakably a pre-check', () => {
    expect(wechat(`${mp}masssend?t=ajax-response&is_release_publish_page=1`)?.id).toBe('masssend');
    expect(wechat(`${mp}masssend?for_check=1&t=ajax-response`)?.role).toBe('check');
    expect(wechat(`${mp}masssend?action=check_music`)?.role).toBe('check');
    for (const url of [
      `${mp}masssend?for_check=0`,
      `${mp}masssend?for_check=`,
      `${mp}masssend?FOR_CHECK=1`,
      `${mp}masssend?for_check=1&for_check=1`,
      `${mp}masssend?for_check=1&action=time_send`,
      `${mp}masssend?action=check_music&action=time_send`,
      `${mp}masssend?action=CHECK_MUSIC`,
      `${mp}masssend?action=check_music%20`,
      `${mp}masssend?Action=check_music`,
      `${mp}masssend?action=time_send`,
      `${mp}masssend?action=Time_Send`,
      `${mp}masssend?action=check_musicx`,
    ])
      expect(wechat(url)?.role, url).toBe('publish');
  });

  it('reads the body’s parameters too: a pre-check in the query with 发表 in the body is held', () => {
    expect(wechat(`${mp}masssend?for_check=1`, 'appmsgid=1')?.role).toBe('check');
    expect(wechat(`${mp}masssend?for_check=1`, 'appmsgid=1&for_check=0')?.role).toBe('publish');
    expect(wechat(`${mp}masssend?for_check=1`, 'action=time_send')?.role).toBe('publish');
    expect(wechat(`${mp}masssend?for_check=1`, 'a=1;action=time_send')?.role).toBe('publish');
  });

  it('a save is a save only when `sub` says so once, exactly; any reading of preview is held', () => {
    expect(wechat(`${mp}operate_appmsg?sub=update&t=ajax-response`)?.role).toBe('autosave');
    expect(wechat(`${mp}operate_appmsg?sub=create`)?.role).toBe('autosave');
    expect(wechat(`${mp}operate_appmsg?sub=preview`)?.id).toBe('operate_appmsg/preview');
    expect(wechat(`${mp}operate_appmsg?sub=update&sub=preview`)?.role).toBe('publish');
    expect(wechat(`${mp}operate_appmsg?sub=update&SUB=Preview`)?.role).toBe('publish');
    expect(wechat(`${mp}operate_appmsg?sub=update`, 'sub=preview')?.role).toBe('publish');
    expect(wechat(`${mp}operate_appmsg?sub=update`, '%73ub=pre%76iew')?.role).toBe('publish');
    expect(wechat(`${mp}operate_appmsg?sub=update&Sub=update`)).toBeUndefined();
    expect(wechat(`${mp}operate_appmsg?sub=del`)).toBeUndefined();
  });

  it('cannot decide a shared path without the body: ambiguous, the guard reads it', () => {
    const classifier = classifierFor(WECHAT_ENDPOINTS);
    expect(classifier.match(`${mp}operate_appmsg?sub=update`, null)).toBe(AMBIGUOUS);
    expect(classifier.match(`${mp}masssend?for_check=1`, null)).toBe(AMBIGUOUS);
    expect(classifierFor(WEIBO_ENDPOINTS).match('https://weibo.com/ajax/statuses/update', null)).toMatchObject({
      id: 'statuses/update',
    });
  });
});
