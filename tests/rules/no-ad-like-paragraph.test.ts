import rule from '../../rules/no-ad-like-paragraph';
import { ruleTester } from '../rule-tester';

const ESTATE = '【鑫城地产】首付10万起，精装两居，地铁口现房，咨询热线：400-888-0000，回T退订';
const FUND =
  '本行今日发售多款理财，5万起，年化收益4.8%，网银可购，预购从速。理财非存款、产品有风险、投资须谨慎。详询95555';
const ESTATE_SHOPS = '地铁旁万人社区沿街现房商铺，最后5套，买到即赚！售楼热线18600001111【锦绣花园】';
const INVOICE = '您好，本公司可代开各地正规发票，税点低，量大从优，联系电话13812345678 王经理';

ruleTester.run(rule, {
  valid: [
    { text: '市民抢购口罩，药店排起长队。', note: '报道商业的新闻' },
    { text: '海外代购被查，涉案金额达300余万元。', note: '执法新闻' },
    { text: '今年我市新建商品住房成交面积同比增长5.3%，房价保持平稳。', note: '房地产统计' },
    { text: '第二批援鄂医疗队队员治愈出院的患者达120人。', note: '治愈出院' },
    { text: '今年全市发放消费券5000万元，市民可在指定商户使用，满200元减50元。', note: '消费券：惠民' },
    {
      text: '市人社局将于3月5日举办春季招聘会，200余家企业提供岗位5000余个，咨询电话0312-12333。',
      note: '招聘会：公共服务（模型会打高分，被否决）',
    },
    {
      text: '市公安局提醒：警惕“低息贷款、无抵押、当天放款”的短信，切勿点击陌生链接。',
      note: '反诈提醒',
    },
    { text: ESTATE, options: { model: '' }, note: '不用模型' },
    { text: '截至2月3日24时，全省累计报告确诊病例1012例。', note: '疫情通报' },
    {
      text: '好消息！我市新增3条公交线路，下周一起运营→',
      note: '单位自称“我市”是政务口吻（模型会打高分，被否决）',
    },
    {
      text: '市金融办提醒：警惕高息理财陷阱，市场有风险，投资需谨慎，咨询电话0312-12345。',
      note: '警示语中的“投资需谨慎”：仍有“警惕”“陷阱”，照常否决',
    },
  ],
  invalid: [
    {
      text: ESTATE,
      errors: [{ messageId: 'adLike', at: ESTATE, severity: 'justify' }],
    },
    {
      text: '精装1-3居，首付20万起，售楼热线0312-5901234',
      note: '楼盘',
      errors: [{ messageId: 'adLike', at: '精装1-3居，首付20万起，售楼热线0312-5901234' }],
    },
    { text: INVOICE, note: '代开发票', errors: [{ messageId: 'adLike', at: INVOICE }] },
    {
      text: '尊敬的客户，新春特惠：办理宽带送路由器，每月仅需58元，详询10086',
      note: '通信套餐',
      errors: [{ messageId: 'adLike', at: '尊敬的客户，新春特惠：办理宽带送路由器，每月仅需58元，详询10086' }],
    },
    {
      text: '【美丽人生医美】双眼皮、玻尿酸限时特价1980元，预约电话：0312-8888888',
      note: '医美',
      errors: [{ messageId: 'adLike', at: '【美丽人生医美】双眼皮、玻尿酸限时特价1980元，预约电话：0312-8888888' }],
    },
    {
      text: '暑期英语培训班火热报名中，小班授课，前20名报名立减300元，电话：13900001111',
      note: '培训',
      errors: [
        { messageId: 'adLike', at: '暑期英语培训班火热报名中，小班授课，前20名报名立减300元，电话：13900001111' },
      ],
    },
    {
      text: `我市召开安全生产工作会议。\n\n${INVOICE}\n\n会议要求各单位压实责任。`,
      note: '每段单独判断：只报广告那一段',
      errors: [{ messageId: 'adLike', at: INVOICE }],
    },
    {
      text: '急用钱找我们，无抵押贷款，当天放款，月息低至0.5%，联系QQ 123456789',
      note: '贷款',
      errors: [{ messageId: 'adLike', at: '急用钱找我们，无抵押贷款，当天放款，月息低至0.5%，联系QQ 123456789' }],
    },
    {
      text: '万达广场三楼品牌服饰全场3折起，会员再享9.5折，欢迎新老顾客光临！',
      note: '零售',
      errors: [{ messageId: 'adLike', at: '万达广场三楼品牌服饰全场3折起，会员再享9.5折，欢迎新老顾客光临！' }],
    },
    {
      text: FUND,
      note: '理财广告自带的“投资须谨慎”是风险揭示，不是消费警示，不否决',
      errors: [{ messageId: 'adLike', at: FUND }],
    },
    {
      text: ESTATE_SHOPS,
      note: '“万人社区”里的“人社”不是人社部门，不否决',
      errors: [{ messageId: 'adLike', at: ESTATE_SHOPS }],
    },
    {
      draft: { title: ESTATE, body: '详见附件。' },
      note: '标题',
      errors: [{ messageId: 'adLike', field: 'title', at: ESTATE }],
    },
  ],
});
