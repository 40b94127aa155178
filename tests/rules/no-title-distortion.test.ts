import rule from '../../rules/no-title-distortion';
import type { Draft } from '../../rules/engine/types';
import { ruleTester } from '../rule-tester';

/** A WeChat reprint published under `title`, declaring its original title in the body. */
function reprint(title: string, original: string, extra: Partial<Draft> = {}): Partial<Draft> {
  return { platform: 'wechat', kind: 'article', title, body: `原标题：${original}\n来源：保定日报\n正文……`, ...extra };
}

ruleTester.run(rule, {
  valid: [
    { draft: reprint('全国冬季供暖全面启动', '《全国冬季供暖全面启动》'), note: '原样' },
    {
      draft: reprint('我市冬季清洁取暖工作全面启动', '《保定市2026年冬季清洁取暖工作全面启动》'),
      note: '忠实的缩写（年份可省）',
    },
    { draft: reprint('全市安全生产工作会议召开', '保定市召开全市安全生产工作会议'), note: '语序调整' },
    {
      draft: reprint(
        '国办：进一步优化营商环境降低制度性交易成本',
        '《国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见》',
      ),
      note: '长标题缩写',
    },
    { draft: reprint('3.5万名考生参加今年高考', '35000名考生参加今年高考'), note: '同一个数的不同写法' },
    { draft: reprint('我市3所学校入选全国文明校园', '《我市三所学校入选全国文明校园》'), note: '汉字数字和阿拉伯数字' },
    { draft: reprint('我市禁止燃放烟花爆竹区域调整', '《我市禁止燃放烟花爆竹区域调整》'), note: '两边都有否定词' },
    { draft: reprint('我市营商环境不断优化提升', '我市营商环境持续优化提升'), note: '“不断”不是否定' },
    { draft: reprint('11月28日起我市实行冬季供暖', '我市实行冬季供暖'), note: '加上日期不算改数字' },
    { draft: reprint('未来三天我市有降雪', '《未来三天我市有降雪！》'), note: '删去感叹号可以' },
    {
      draft: {
        platform: 'weibo',
        kind: 'post',
        body: '#保定身边事#【保定部分区域明起计划停水】原标题：保定部分区域明日起计划停水\n来源：保定日报',
      },
      note: '微博的【】标题',
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '全市部分区域明起停水（原标题：全市部分区域明日起计划停水）',
        body: '来源：保定日报',
      },
      note: '原标题写在标题里，意思相同',
    },
    {
      draft: { platform: 'wechat', kind: 'article', title: '震惊！这些地方要停水', body: '明日起部分区域计划停水。' },
      note: '没有原标题就无从比较（标题党另有规则）',
    },
    { draft: reprint('保定发布｜全国冬季供暖全面启动', '全国冬季供暖全面启动'), note: '加了栏目名' },
    { text: '原标题：保定发布寒潮预警\n寒潮来了，注意保暖。', note: '微博正文没有【】标题' },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '寒潮来袭，注意保暖',
        body: '正文……',
        source: { name: '保定日报' },
      },
      note: '转载来源不是原标题',
    },
  ],
  invalid: [
    {
      draft: reprint('震惊！全国冬季供暖全面启动', '《全国冬季供暖全面启动》'),
      errors: [{ messageId: 'sensational', field: 'title', at: '震惊！全国冬季供暖全面启动' }],
    },
    {
      draft: reprint('刚刚！保定发布寒潮预警', '保定发布寒潮预警'),
      note: '一键改回原标题',
      variants: ['zero-width', 'combining', 'full-width', 'traditional'],
      errors: [
        { messageId: 'sensational', field: 'title', at: '刚刚！保定发布寒潮预警', suggestion: '保定发布寒潮预警' },
      ],
    },
    {
      draft: reprint('我市不再实行冬季错峰供暖', '《我市继续实行冬季错峰供暖》'),
      errors: [{ messageId: 'negation', field: 'title', at: '我市不再实行冬季错峰供暖' }],
    },
    {
      draft: reprint('我市今冬实行错峰供暖', '《我市今冬不实行错峰供暖》'),
      note: '删掉了否定词',
      errors: [{ messageId: 'negation', field: 'title', at: '我市今冬实行错峰供暖' }],
    },
    {
      draft: reprint('我市将全面取消公交月票', '《我市将调整公交月票使用规则》'),
      errors: [{ messageId: 'negation', field: 'title', at: '我市将全面取消公交月票' }],
    },
    {
      draft: reprint('我市明日起机动车限行', '网传“我市明日起机动车限行”系谣言'),
      note: '去掉辟谣，意思正好反了',
      errors: [{ messageId: 'negation', field: 'title', at: '我市明日起机动车限行' }],
    },
    {
      draft: reprint('我市新增5所公办幼儿园', '《我市新增3所公办幼儿园》'),
      errors: [{ messageId: 'number', field: 'title', at: '我市新增5所公办幼儿园' }],
    },
    {
      draft: reprint('我市新增公办幼儿园', '《我市新增3所公办幼儿园》'),
      note: '删去了数量',
      errors: [{ messageId: 'number', field: 'title', at: '我市新增公办幼儿园' }],
    },
    {
      draft: reprint('全市新增十个便民服务站', '《全市新增六个便民服务站》'),
      errors: [{ messageId: 'number', field: 'title', at: '全市新增十个便民服务站' }],
    },
    {
      draft: reprint('全市发放消费券5000万元', '全市发放消费券3000万元'),
      errors: [{ messageId: 'number', field: 'title', at: '全市发放消费券5000万元' }],
    },
    {
      draft: reprint('这些公交线路调整了，市民出行请注意', '关于调整我市部分公交线路的通告'),
      errors: [{ messageId: 'dissimilar', field: 'title', at: '这些公交线路调整了，市民出行请注意' }],
    },
    {
      draft: reprint('突发！我市暂停冬季供暖', '我市冬季供暖有序推进'),
      note: '几类改动同时出现时报第一类',
      errors: [{ messageId: 'negation', field: 'title', at: '突发！我市暂停冬季供暖' }],
    },
    {
      draft: reprint('保定前三季度GDP增长8%', '《保定前三季度GDP增长6.8%》'),
      errors: [{ messageId: 'number', field: 'title', at: '保定前三季度GDP增长8%' }],
    },
    {
      draft: reprint('我市新增两条公交线路！！', '《我市新增两条公交线路！》'),
      note: '多加的感叹号',
      errors: [{ messageId: 'sensational', field: 'title', at: '我市新增两条公交线路！！' }],
    },
    {
      draft: {
        platform: 'weibo',
        kind: 'post',
        body: '#保定身边事#【震惊！保定明起停水】原标题：保定部分区域明起计划停水\n来源：保定日报',
      },
      note: '微博的【】标题',
      errors: [{ messageId: 'sensational', at: '震惊！保定明起停水' }],
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '速看！全市停水（原标题：全市部分区域计划停水）',
        body: '来源：保定日报',
      },
      note: '原标题写在标题里',
      errors: [{ messageId: 'sensational', field: 'title', at: '速看！全市停水' }],
    },
  ],
});
