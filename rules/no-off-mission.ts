import { defineRule } from './engine/define-rule';
import { reportEachHit } from './lib/hits';

/**
 * Content with no relation to government functions: celebrity gossip, lottery tips, horoscopes,
 * stock picks. Generic words (彩票, 恋情, 抄底) count only near their topic's cue words, which
 * the pack decides (`near` on the entries).
 */
export default defineRule({
  meta: {
    id: 'no-off-mission',
    category: 'off-mission',
    description: '与政府职能无关的内容：明星八卦、彩票荐号、星座运势、荐股等',
    basis: '《保定市政务新媒体管理办法》第十三条：不得发布与政府职能没有直接关联的信息',
    messages: {
      offMission: '「{term}」属于娱乐八卦、彩票荐号、星座运势或荐股类内容，与政府职能没有直接关联',
    },
    fields: ['title', 'body', 'quoted'],
    options: {
      dictionary: { type: 'dictionary', default: 'off-mission', description: '与政府职能无关的话题用语词典' },
    },
  },
  create: reportEachHit('offMission'),
});
