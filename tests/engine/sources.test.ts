import { describe, expect, it } from 'vitest';
import { compileSources, hostOf } from '../../rules/engine/sources';
import { defaultPack } from '../rule-tester';

const sources = compileSources(defaultPack().sources);

describe('approved sources', () => {
  it('approves outlets, their apps and accounts, and organs', () => {
    for (const name of [
      '人民日报',
      '@人民日报',
      '人民日报客户端',
      '新华社微博',
      '央视新闻',
      '保定市生态环境局',
      '中共保定市委宣传部',
    ]) {
      expect(sources.approveName(name), name).not.toBeNull();
    }
  });

  it('does not approve a longer name that merely starts like an outlet', () => {
    for (const name of ['人民日报社区团购', '保定发布者联盟', '新华社区服务站', '某某美食局']) {
      expect(sources.approveName(name), name).toBeNull();
    }
  });

  it('approves links by host, subdomains included, and government sites by suffix', () => {
    expect(sources.approveUrl('https://www.people.com.cn/n1/2026/1129/c1001.html')?.name).toBe('人民网');
    expect(sources.approveUrl('http://slj.bd.gov.cn/content/1.html')).not.toBeNull();
    expect(sources.approveUrl('www.hebei.gov.cn')).not.toBeNull();
    expect(sources.approveUrl('https://people.com.cn.example.com/x')).toBeNull();
    expect(sources.approveUrl('https://item.taobao.com/item.htm?id=1')).toBeNull();
  });

  it('knows vague sources and reads hosts with or without a scheme', () => {
    expect(sources.isVague('网络')).toBe(true);
    expect(sources.isVague('人民日报')).toBe(false);
    expect(hostOf('WWW.Gov.CN/zhengce')).toBe('www.gov.cn');
    expect(hostOf('不是链接')).toBeNull();
  });
});
