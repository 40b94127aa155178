import { defineRule } from './engine/define-rule';
import { wordingVisitors } from './lib/term-findings';

/**
 * Misused political, territorial and diplomatic expressions (新华社禁用词和慎用词 and the
 * standard formulations of 港澳台, 人大, 外交 reporting), each with the standard wording.
 * Not quote-aware: Xinhua's list applies inside quotation marks too (“中华民国总统”).
 */
export default defineRule({
  meta: {
    id: 'no-improper-political-term',
    category: 'political-expression',
    description: '涉及领土主权、港澳台、外交、人大和领导人提法的不规范用语，以及新闻报道禁用和慎用的称谓，给出规范说法',
    basis: '新华社《新闻信息报道中的禁用词和慎用词》(2016)；《保定市政务新媒体管理办法》第十三条：严把政治关、政策关',
    messages: {
      replace: '「{term}」不是规范提法，应为「{suggestion}」{note}',
      avoid: '「{term}」属于新闻报道中禁用或慎用的说法，请删改{note}',
    },
    options: {
      dictionary: {
        type: 'dictionary',
        default: 'political-terms',
        description: '不规范提法词典：不规范说法 → 规范说法（无规范说法的为禁用）',
      },
    },
  },
  create: wordingVisitors,
});
