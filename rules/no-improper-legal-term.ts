import { defineRule } from './engine/define-rule';
import { wordingVisitors } from './lib/term-findings';

/**
 * Legal terms used loosely in news writing: 罪犯 for a suspect not yet judged, 法人代表 for
 * 法定代表人, 村长 for 村民委员会主任, office titles of 检察院 and 审计署, identity labels on
 * suspects. Context conditions in the pack keep correct uses clean (罪犯 after a judgment).
 */
export default defineRule({
  meta: {
    id: 'no-improper-legal-term',
    category: 'legal-expression',
    description:
      '不规范的法律用语和职务称谓（法人代表、村长、判决前称“罪犯”、检察院院长等）及给涉案人员贴地域、身份标签的写法',
    basis:
      '新华社《新闻信息报道中的禁用词和慎用词》(2016) 二、法律法规类；《保定市政务新媒体管理办法》第十三条：严把……法律关',
    messages: {
      replace: '「{term}」不是规范的法律用语，应为「{suggestion}」{note}',
      avoid: '「{term}」不符合法治报道的规范，请改写{note}',
    },
    options: {
      dictionary: {
        type: 'dictionary',
        default: 'legal-terms',
        description: '法律用语词典：不规范说法 → 规范说法（无规范说法的需改写）',
      },
    },
  },
  create: wordingVisitors,
});
