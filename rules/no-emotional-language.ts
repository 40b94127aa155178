import { defineRule, type FieldView } from './engine/define-rule';
import type { TermHit } from './engine/dictionaries';
import { inRepostChain } from './lib/judgement';
import { inWorkTitle } from './lib/work-titles';

/**
 * Emotional outbursts, slang, insults and vulgar words in the institution's own voice (runs of
 * !!! / ??? are punctuation: no-stacked-punctuation). Quoted speech is left alone (quoteAware),
 * except the words of a Weibo repost chain (//@某用户:…): the platform publishes the chain with
 * the account's post, so reposting somebody's obscenity or insult is worth a warning, as
 * no-emotional-paragraph warns about a reposted outburst. Two dictionaries, so each kind of
 * finding has its own message; severities are per entry in the pack.
 */
export default defineRule({
  meta: {
    id: 'no-emotional-language',
    category: 'personal-opinion',
    description: '情绪化表达、网络俚语、辱骂嘲讽和不文明用语，引语除外',
    basis: '《保定市政务新媒体管理办法》第十三条：不得擅自发布代表个人观点、意见及情绪的言论',
    messages: {
      vulgar: '「{term}」是不文明用语（粗口、脏话），新闻媒体和网站应当禁用',
      repostedVulgar: '转发的内容里有不文明用语「{term}」；转发链会随本单位的微博一起发布，请斟酌是否转发',
      repostedEmotional: '转发的内容里有情绪化或嘲讽用语「{term}」；转发链会随本单位的微博一起发布，请斟酌是否转发',
      emotional: '「{term}」是情绪化或网络俚语、嘲讽用语；政务新媒体不得发布代表个人情绪的言论',
    },
    quoteAware: true,
    options: {
      vulgar: {
        type: 'dictionary',
        default: 'vulgar-terms',
        description: '不文明用语词典（新华社 38 个不文明用语等）',
      },
      dictionary: {
        type: 'dictionary',
        default: 'emotional-terms',
        description: '情绪化表达、网络俚语和辱骂嘲讽用语词典',
      },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        for (const hit of field.hits(options.vulgar))
          if (reposted(field, hit)) report.hit(hit, 'repostedVulgar', REPOSTED);
          else report.hit(hit, 'vulgar');
        for (const hit of field.hits(options.dictionary)) {
          // 《活该你单身》 names a film: slang in a title is the work's word. Vulgar words have no such excuse.
          if (inWorkTitle(field, hit.range)) continue;
          if (reposted(field, hit)) report.hit(hit, 'repostedEmotional', REPOSTED);
          else report.hit(hit, 'emotional');
        }
      },
    };
  },
});

/** Somebody else's words in a repost chain: published with the post, so warned about, not dropped as quoted. */
const REPOSTED = { severity: 'warn', reposted: true } as const;

function reposted(field: FieldView, hit: TermHit): boolean {
  return field.inQuote(hit.range) && inRepostChain(field, hit.range);
}
