import { defineRule } from './engine/define-rule';

const BASIS = '《保定市政务新媒体管理办法》第十三条：严把……文字关';

/** Wrong characters and words common in official writing, each with its correction. */
export default defineRule({
  meta: {
    id: 'no-typo',
    category: 'typo',
    description: '公文和新闻稿中常见的错别字、错用词语和成语误写，给出一键更正',
    basis: BASIS,
    messages: { typo: '「{term}」疑为错别字，应为「{suggestion}」' },
    options: {
      dictionary: { type: 'dictionary', default: 'typos', description: '错别字词典：错误写法 → 正确写法' },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        for (const hit of field.hits(options.dictionary)) {
          // An entry's basis says where the word pair comes from (a proofreading list); the editor
          // is held to the measures, so the finding cites them first and the list after.
          const { basis } = hit.entry;
          report.hit(hit, 'typo', { basis: basis ? `${BASIS}（词条来源：${basis}）` : BASIS });
        }
      },
    };
  },
});
