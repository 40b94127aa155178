import { defineRule } from './engine/define-rule';
import { reportHits } from './lib/hits';

/**
 * Emotional outbursts, slang, insults and vulgar words, and runs of !!! / ???, in the
 * institution's own voice. Quoted speech is left alone (quoteAware). Three dictionaries, so
 * each kind of finding has its own message; severities are per entry in the pack.
 */
export default defineRule({
  meta: {
    id: 'no-emotional-language',
    category: 'personal-opinion',
    description: '情绪化表达、网络俚语、辱骂嘲讽、不文明用语和连串感叹号/问号，引语除外',
    basis: '《保定市政务新媒体管理办法》第十三条：不得擅自发布代表个人观点、意见及情绪的言论',
    messages: {
      vulgar: '「{term}」是不文明用语（粗口、脏话），新闻媒体和网站应当禁用',
      emotional: '「{term}」是情绪化或网络俚语、嘲讽用语；政务新媒体不得发布代表个人情绪的言论',
      punctuation: '「{term}」连用感叹号或问号，语气过于情绪化；政务发布请用一个标点',
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
      punctuation: { type: 'dictionary', default: 'emotional-punctuation', description: '连串感叹号、问号等标点模式' },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        reportHits(field, report, options.vulgar, 'vulgar');
        reportHits(field, report, options.dictionary, 'emotional');
        reportHits(field, report, options.punctuation, 'punctuation');
      },
    };
  },
});
