import rule from '../../rules/no-ad-absolute-term';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    {
      text: '去年全县农民人均收入达到2030元，在全市率先摘掉了国家级贫困县的帽子。',
      note: '国家级贫困县是政务说法',
    },
    { text: '我市最低工资标准自下月起上调，最低生活保障标准同步提高。', note: '最低工资、低保' },
    { text: '最高人民法院发布典型案例，涉及网购产品质量纠纷。', note: '最高人民法院（附近有“产品”）' },
    { text: '驻村第一书记带领村民种植的苹果今年卖出好价格。', note: '第一书记' },
    { text: '白洋淀国家级旅游度假区门票价格公布，目前是荷花最佳观赏期。', note: '国家级旅游度假区、最佳观赏期' },
    { text: '我市3家企业入选国家级专精特新“小巨人”企业名单，产品远销海外。', note: '国家级专精特新' },
    { text: '深化“最多跑一次”改革，企业开办全程网办，第一时间回应群众诉求。', note: '最多跑一次、第一时间' },
    { text: '该项目技术达到国际领先水平，为我市首批重点科技成果。', note: '没有商业语境' },
    { text: '某商家在网店宣称产品“国家级”“最佳”，被市场监管部门罚款2万元。', note: '执法通报引述' },
    { text: '市场监管局提醒：商家标榜“全网最低价”“销量冠军”的，多为虚假宣传，购买前请多比较。', note: '消费警示' },
    { text: '保定被评为国家级全域旅游示范区，各景区推出门票优惠。', note: '国家级全域旅游示范区' },
  ],
  invalid: [
    {
      text: '匹敌专业DV 顶级佳能HFS10售价11800元',
      note: '“顶级”法律没有点名，带价格的多是产品报道：只提醒',
      errors: [{ messageId: 'absolute', at: '顶级', severity: 'warn' }],
    },
    {
      text: '本店极品红茶，国家级品质，全网最低价，欢迎选购！',
      errors: [
        { messageId: 'absolute', at: '极品' },
        { messageId: 'absolute', at: '国家级' },
        { messageId: 'absolute', at: '全网最低价' },
      ],
    },
    {
      text: '这款手机性能最强，价格最低，买它就对了！',
      errors: [
        { messageId: 'absolute', at: '最强' },
        { messageId: 'absolute', at: '价格最低' },
      ],
    },
    {
      text: '新一代净水器技术国际领先，售价2999元。',
      note: '价格在附近',
      errors: [{ messageId: 'absolute', at: '国际领先' }],
    },
    {
      text: '史无前例，全球首款折叠屏学习机，今晚直播间限量发售。',
      errors: [
        { messageId: 'absolute', at: '史无前例' },
        { messageId: 'absolute', at: '全球首款' },
      ],
    },
    { text: '连续三年销量冠军，老字号品牌值得信赖。', errors: [{ messageId: 'absolute', at: '销量冠军' }] },
    {
      text: '国家级新药，疗效最佳，各大药房均有销售，价格实惠。',
      note: '新华社第3条药品用语',
      errors: [
        { messageId: 'absolute', at: '国家级' },
        { messageId: 'absolute', at: '疗效最佳' },
      ],
    },
    {
      text: '頂級品質，全網最低價，下單立減',
      note: '繁体规避',
      errors: [
        { messageId: 'absolute', at: '頂級' },
        { messageId: 'absolute', at: '全網最低價' },
      ],
    },
    {
      text: '最\u200b佳\u200b选\u200b择\u200b，\u200b进\u200b店\u200b有\u200b礼',
      note: '零宽字符填充',
      errors: [{ messageId: 'absolute', at: '最\u200b佳' }],
    },
    { text: '百分之百有效，无效退款，厂家直供价格', errors: [{ messageId: 'absolute', at: '百分之百有效' }] },
    {
      draft: { title: '第一品牌空气炸锅限时特惠', body: '图片来自商家。' },
      errors: [{ messageId: 'absolute', field: 'title', at: '第一品牌' }],
    },
    {
      draft: { body: '转发', quoted: { text: '独一无二的手工艺品，全国包邮，欢迎选购' } },
      errors: [{ messageId: 'absolute', field: 'quoted', at: '独一无二' }],
    },
  ],
});
