import { defineRule } from './engine/define-rule';
import { flaggedParagraphs, hasHitIn, minCharsOption } from './lib/judgement';
import type { Range } from './engine/types';

/**
 * A paragraph that reads like a commercial advertisement as a whole, judged by the pack's ad
 * model (a logistic regression over character n-grams learnt from real SMS ads against real
 * official posts, news lines and private posts; see docs/models.md). Most real ads use no phrase
 * of a word list: they sell with a price, a contact line, a brand signature and a sector's words,
 * and the model weighs them together. One finding per paragraph, naming and underlining the
 * stretches that weighed most.
 *
 * From the model's `justify` threshold the rule's severity from the pack applies (justify in the
 * default pack: a model score alone never blocks), from its `warn` threshold a warning.
 * Public-service context in the paragraph (消费券, 义诊, 招聘会, 政府采购…) and consumer warnings
 * or enforcement reports (警惕, 查处…) veto it: such a paragraph talks about commerce, it does
 * not sell.
 */
export default defineRule({
  meta: {
    id: 'no-ad-like-paragraph',
    category: 'commercial-ad',
    description:
      '整段文字读起来像商业广告（价格、联系方式、品牌落款、行业用语等共同构成的推销口吻），由规则包的广告模型判断',
    basis: '《保定市政务新媒体管理办法》第十三条：不得参与商业性、盈利性经营活动，不得刊登商业广告或链接商业广告页面',
    messages: {
      adLike: '这段文字像商业广告（把握 {percent}%）：{cues}；政务新媒体不得刊登商业广告，如为公益或政务信息请说明理由',
    },
    fields: ['title', 'body', 'quoted'],
    options: {
      minChars: minCharsOption(8),
      model: { type: 'model', default: 'commercial-ad', description: '判断广告的模型（规则包 models 中的名字）' },
      publicCues: {
        type: 'dictionary',
        default: 'ad-public-cues',
        description: '政府惠民活动和公共服务用语：同一段出现时不报',
      },
      warningCues: {
        type: 'dictionary',
        default: 'ad-warning-cues',
        description: '消费警示和执法通报用语：同一段出现时不报',
      },
    },
  },
  create({ options }) {
    const { model, publicCues, warningCues } = options;
    return {
      field(field, report) {
        if (!model) return;
        // A paragraph with a public-service or consumer-warning cue is not an ad, whatever the model says.
        const unvetoed = (range: Range) => !hasHitIn(field, publicCues, range) && !hasHitIn(field, warningCues, range);
        for (const p of flaggedParagraphs(field, model, options.minChars, unvetoed)) {
          report.report({
            range: p.range,
            messageId: 'adLike',
            data: { percent: p.percent, cues: p.cues },
            severity: p.level === 'warn' ? 'warn' : undefined,
            spans: p.spans,
          });
        }
      },
    };
  },
});
