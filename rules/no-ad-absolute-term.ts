import { defineRule } from './engine/define-rule';
import { quotedInWarning, warningCuesOption } from './lib/hits';

/**
 * 《广告法》第九条第三项 absolute terms (国家级、最高级、最佳 and their like) where the text sells
 * something. Whether the context is commercial is the pack's call (`near` on the dictionary):
 * the same words are ordinary in government text (最低工资, 国家级新区, 第一书记).
 */
export default defineRule({
  meta: {
    id: 'no-ad-absolute-term',
    category: 'commercial-ad',
    description: '商业语境中的广告绝对化用语（国家级、最高级、最佳、极品、全网最低、销量冠军、史无前例等）',
    basis: '《广告法》第九条第（三）项；《保定市政务新媒体管理办法》第十三条：不得刊登商业广告',
    messages: {
      absolute: '「{term}」是广告绝对化用语，出现在商品宣传语境中；政务新媒体不得刊登商业广告，广告也不得使用此类用语',
    },
    fields: ['title', 'body', 'quoted'],
    options: {
      dictionary: {
        type: 'dictionary',
        default: 'ad-absolute-terms',
        description: '绝对化用语词典（词典的 near 限定商业语境）',
      },
      warningCues: warningCuesOption,
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        for (const hit of field.hits(options.dictionary)) {
          if (!quotedInWarning(field, hit, options.warningCues)) report.hit(hit, 'absolute');
        }
      },
    };
  },
});
