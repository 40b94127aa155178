import rule from '../../rules/no-off-mission';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '今年我市福利彩票销量同比增长12%，筹集公益金3.2亿元，全部用于社会福利事业。', note: '福利彩票政策新闻' },
    { text: '今日A股三大指数集体收涨，沪指涨0.8%，创业板指涨1.2%。', note: '财经新闻' },
    { text: '夏天吃瓜要注意，西瓜切开后请尽快食用，冷藏不宜超过24小时。', note: '吃西瓜' },
    { text: '警惕荐股诈骗！所谓“老师带单”“内部牛股”都是骗局。', note: '反诈提醒' },
    { text: '中央网信办开展“清朗”专项整治，重点治理饭圈乱象和粉丝控评。', note: '整治饭圈乱象' },
    { text: '坚持稳中求进工作总基调，全市经济运行稳中有进。', note: '稳中求进' },
    { text: 'K1234次列车出轨事故原因调查报告公布。', note: '列车出轨' },
    { text: '官宣！保定至雄安城际铁路今日正式开通运营。', note: '官宣（没有明星语境）' },
    { text: '婚姻登记处提醒：办理离婚登记须双方亲自到场。', note: '离婚登记' },
  ],
  invalid: [
    {
      text: '某顶流男星深夜同回酒店，恋情曝光，快来吃瓜！',
      errors: [
        { messageId: 'offMission', at: '深夜同回' },
        { messageId: 'offMission', at: '恋情曝光' },
        { messageId: 'offMission', at: '吃瓜', severity: 'warn' },
      ],
    },
    {
      text: '知名演员宣布离婚，网友：又塌房了',
      errors: [
        { messageId: 'offMission', at: '离婚' },
        { messageId: 'offMission', at: '塌房' },
      ],
    },
    {
      text: '双色球第2026138期预测：红球杀号01 05，胆码18，必中！',
      errors: [
        { messageId: 'offMission', at: '杀号' },
        { messageId: 'offMission', at: '胆码' },
        { messageId: 'offMission', at: '必中' },
      ],
    },
    {
      text: '大乐透推荐：本期前区精准预测',
      errors: [
        { messageId: 'offMission', at: '大乐透推荐' },
        { messageId: 'offMission', at: '精准预测' },
      ],
    },
    {
      text: '本周星座运势：天蝎座桃花运爆棚，水逆退散',
      errors: [
        { messageId: 'offMission', at: '星座运势' },
        { messageId: 'offMission', at: '桃花运' },
        { messageId: 'offMission', at: '水逆' },
      ],
    },
    {
      text: '明日涨停牛股，老师带单，股民速来抄底',
      errors: [
        { messageId: 'offMission', at: '明日涨停' },
        { messageId: 'offMission', at: '牛股' },
        { messageId: 'offMission', at: '老师带单' },
        { messageId: 'offMission', at: '抄底' },
      ],
    },
    {
      text: '塔羅占卜：下週你的運勢如何',
      note: '繁体',
      errors: [
        { messageId: 'offMission', at: '塔羅' },
        { messageId: 'offMission', at: '占卜' },
      ],
    },
    {
      text: '吃\u200b瓜群众请注意，某网红官宣恋情',
      note: '零宽字符',
      errors: [
        { messageId: 'offMission', at: '吃\u200b瓜' },
        { messageId: 'offMission', at: '官宣恋情' },
      ],
    },
    {
      draft: { title: '双鱼座今日运势', body: '一起看看吧。' },
      errors: [{ messageId: 'offMission', field: 'title', at: '今日运势' }],
    },
    {
      draft: { body: '转发', quoted: { text: '某歌手被曝劈腿，粉丝连夜控评' } },
      errors: [
        { messageId: 'offMission', field: 'quoted', at: '劈腿' },
        { messageId: 'offMission', field: 'quoted', at: '控评' },
      ],
    },
  ],
});
