import { defineRule } from './engine/define-rule';
import { inWorkTitle } from './lib/work-titles';

/**
 * First-person singular views (我觉得, 个人认为, 小编觉得…) in the institution's own voice.
 * Quoted speech is somebody else's opinion and stays (quoteAware), and so do the words of a
 * work's title (征文《在我看来》); the institutional voice (我市, 我局, 我们) is not in the dictionary.
 */
export default defineRule({
  meta: {
    id: 'no-personal-opinion',
    category: 'personal-opinion',
    description: '以第一人称单数发表个人看法（我觉得、我认为、个人认为、小编觉得、说实话、在我看来等），引语除外',
    basis: '《保定市政务新媒体管理办法》第十三条：不得擅自发布代表个人观点、意见及情绪的言论',
    messages: {
      opinion: '「{term}」以个人口吻发表看法；政务新媒体代表单位发声，不得擅自发布个人观点',
    },
    quoteAware: true,
    options: {
      dictionary: { type: 'dictionary', default: 'personal-opinion', description: '第一人称个人看法用语词典' },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        for (const hit of field.hits(options.dictionary))
          if (!inWorkTitle(field, hit.range)) report.hit(hit, 'opinion');
      },
    };
  },
});
