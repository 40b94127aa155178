import { defineRule } from './engine/define-rule';
import { hostOf } from './engine/sources';
import { approvalOf, declaredSources, isVagueSource, type DeclaredSource } from './lib/declared-sources';

/** Reprints from outlets, accounts or sites that are not on the pack's approved-source list. */
export default defineRule({
  meta: {
    id: 'no-unapproved-source',
    category: 'unapproved-source',
    description:
      '转载的来源（来源：、转自、原文链接、//@转发链、被转发的账号、平台的来源设置）不在稿源单位名单内，也不是党委政府网站或机关',
    basis: '《保定市政务新媒体管理办法》第十三条：原则上只转载党委和政府网站以及有关部门确定的稿源单位发布的信息',
    messages: {
      name: '来源「{term}」不在稿源单位名单内，也不是党政机关；原则上只转载党委和政府网站以及有关部门确定的稿源单位发布的信息',
      account:
        '转发的账号「{term}」不是稿源单位或党政机关的账号；原则上只转载党委和政府网站以及有关部门确定的稿源单位发布的信息',
      url: '原文链接的网站「{host}」不是党委政府网站（.gov.cn），也不是名单内稿源单位的网站',
      platformUrl: '「{host}」上的文章链接看不出发布者；请同时注明来源账号，且应为稿源单位或党政机关',
    },
    options: {
      platformHosts: {
        type: 'strings',
        default: ['mp.weixin.qq.com', 'weibo.com', 'weibo.cn', 't.cn'],
        maxItems: 50,
        description: '平台域名：链接到这些域名的文章由注明的账号判断，只给链接时提示补充来源账号',
      },
    },
  },
  create({ options, sources }) {
    const onPlatform = (host: string) => options.platformHosts.some((p) => host === p || host.endsWith(`.${p}`));
    return {
      draft(view, report) {
        // A citation or a reporter's byline says where the news is from, not what is reprinted.
        const declared = declaredSources(view).filter(
          (s) => s.via !== 'cited' && s.via !== 'byline' && !isVagueSource(s, sources),
        );
        const named = declared.some((s) => s.url === undefined);
        for (const source of declared) {
          if (approvalOf(source, sources, view.draft.account?.name)) continue;
          const { field, range } = source;
          if (source.url === undefined) {
            report.report({ field, range, messageId: isAccount(source) ? 'account' : 'name' });
            continue;
          }
          const host = hostOf(source.url) ?? source.url;
          // A platform link's publisher is the account named beside it, judged on its own.
          if (onPlatform(host)) {
            if (!named) report.report({ field, range, messageId: 'platformUrl', data: { host } });
          } else report.report({ field, range, messageId: 'url', data: { host } });
        }
      },
    };
  },
});

function isAccount(source: DeclaredSource): boolean {
  return source.via === 'chain' || source.via === 'repost';
}
