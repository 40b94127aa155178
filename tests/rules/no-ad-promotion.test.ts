import rule from '../../rules/no-ad-promotion';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '市场监管局提醒：警惕“0元购”“扫码领红包”等营销陷阱，谨防个人信息泄露。', note: '消费警示' },
    {
      text: '面对直播间里“全场包邮”“限时秒杀”“加微信返现”等宣传，广大消费者要保持清醒，理性消费，不要冲动下单。',
      note: '引号里的话术 + 同段警示语',
    },
    {
      text: '第二批政府消费券今日10时开抢，消费券分满200减50、满100减20两档，市民可通过云闪付领取。',
      note: '政府消费券的满减',
    },
    {
      text: '即日起至10月31日，全市适龄女生可免费接种HPV疫苗，请携带身份证到社区卫生服务中心登记。',
      note: '免费公共服务',
    },
    { text: '保定市第一中心医院医疗设备采购项目中标公告：中标金额386.5万元。', note: '采购公告里的价格' },
    { text: '本周我市猪肉平均零售价格为每斤13.2元，环比下降2.1%，蔬菜价格总体平稳。', note: '政策新闻里的价格' },
    { text: '符合条件的个人可申请创业担保贷款，最高额度30万元，免抵押、财政全额贴息。', note: '创业担保贷款' },
    { text: '警方提醒：所谓“注册送彩金”的网站都是网络赌博陷阱，切勿参与。', note: '反赌提醒' },
    { text: '疫情期间生活物资供应充足，市民无需抢购囤积。', note: '无需抢购' },
    { text: '全市上下不打折扣、不搞变通，一波三折的项目终于顺利竣工。', note: '“折”不是折扣' },
    { text: '请广大市民扫码领取电子社保卡，线上即可办理医保业务。', note: '扫码领取电子证照' },
    { text: '持续推进招商引资，今年以来新签约项目46个，总投资218亿元。', note: '招商引资不是招商加盟' },
    { text: '惠民定制公交线路开通，每人每次只需2元。', note: '惠民票价' },
    { text: '【网络安全】不要随意点击垃圾短信中的“回T退订”链接，谨防木马病毒。', note: '谈论垃圾短信' },
    { text: '【全国连续5天治愈出院超千人】当日新增治愈出院病例1425例。', note: '治愈出院不是疗效承诺' },
    { text: '孩子靠好心人捐赠，才完成了6个疗程的化疗。', note: '治疗经过不是疗效承诺' },
    { text: '留学申请“细节控”：从网申到打包邮寄。', note: '打包邮寄（包邮）' },
    { text: '【#快递员春节包邮回家#】16日，400余名快递员乘高铁专列返乡。', note: '把人“包邮”回家是比喻' },
  ],
  invalid: [
    {
      text: '马浚伟中六合彩旺事业 同事争握其手沾福气',
      note: '“六合彩”是彩票的名字，新闻里常见：只提醒；推销它的特码、推单须填写理由',
      errors: [{ messageId: 'promotion', at: '六合彩', severity: 'warn' }],
    },
    {
      text: '六合彩特码免费推单，先中后付',
      note: '推销六合彩：几种话术同段出现，整段疑为广告',
      errors: [
        { messageId: 'cluster', at: '六合彩', severity: 'block' },
        { messageId: 'cluster', at: '特码', severity: 'block' },
        { messageId: 'cluster', at: '推单', severity: 'block' },
        { messageId: 'cluster', at: '先中后付', severity: 'block' },
      ],
    },
    {
      text: '疫情期间，志愿者把蔬菜“包邮”到家，解决了居民的燃眉之急。',
      note: '引号里单独一个话术、本段再无别的促销用语：借用的说法，只提醒',
      errors: [{ messageId: 'borrowed', at: '包邮', severity: 'warn' }],
    },
    {
      text: '一列高铁专列将快递小哥们”包邮”送到家乡。',
      note: '引号打成了同一边（”…”）也是引号',
      errors: [{ messageId: 'borrowed', at: '包邮', severity: 'warn' }],
    },
    {
      text: '“包邮”啦！下单立减20元！',
      note: '引号里的话术旁边还有别的促销用语：照常报',
      errors: [
        { messageId: 'promotion', at: '包邮' },
        { messageId: 'promotion', at: '下单立减' },
      ],
    },
    {
      text: '国奥新盘10月开盘，小户型总价38万起',
      note: '单独一个标价：报道楼市的标题里也有，只提醒',
      variants: ['spaced'],
      errors: [{ messageId: 'promotion', at: '总价38万起', severity: 'warn' }],
    },
    {
      text: '37倍光学变焦，佳能FS200仅售2099元',
      variants: ['spaced'],
      errors: [{ messageId: 'promotion', at: '仅售2099元', severity: 'warn' }],
    },
    {
      text: '宠粉福利来了，戳链接→',
      errors: [
        { messageId: 'promotion', at: '宠粉', severity: 'justify' },
        { messageId: 'promotion', at: '戳链接', severity: 'warn' },
      ],
    },
    {
      text: '【优品生活馆】双11限时抢购，全场5折起，到手价99元包邮！回T退订',
      note: '营销短信：多种话术扎堆，全部提高到拦截',
      variants: ['spaced'],
      errors: [
        { messageId: 'cluster', at: '限时抢购', severity: 'block' },
        { messageId: 'cluster', at: '5折', severity: 'block' },
        { messageId: 'cluster', at: '到手价99元', severity: 'block' },
        { messageId: 'cluster', at: '包邮', severity: 'block' },
        { messageId: 'cluster', at: '回T退订', severity: 'block' },
      ],
    },
    {
      text: '本店秋季新品已到货，欢迎选购。',
      note: '两种话术，不扎堆：各按词条',
      errors: [
        { messageId: 'promotion', at: '本店', severity: 'justify' },
        { messageId: 'promotion', at: '欢迎选购', severity: 'justify' },
      ],
    },
    {
      text: '需要的朋友加V：abc8899，私信下单',
      errors: [
        { messageId: 'promotion', at: '加V', severity: 'block' },
        { messageId: 'promotion', at: '私信下单', severity: 'block' },
      ],
    },
    {
      text: '新用户注册送彩金88元，每日返水1.5%',
      note: '博彩',
      errors: [
        { messageId: 'promotion', at: '注册送彩金', severity: 'block' },
        { messageId: 'promotion', at: '返水', severity: 'block' },
      ],
    },
    {
      text: '【速易贷】您有一笔贷款待领取，低息贷款，当天放款，无抵押。退订回T',
      note: '网贷短信',
      errors: [
        { messageId: 'cluster', at: '低息贷款', severity: 'block' },
        { messageId: 'cluster', at: '当天放款', severity: 'block' },
        { messageId: 'cluster', at: '无抵押', severity: 'block' },
        { messageId: 'cluster', at: '退订回T', severity: 'block' },
      ],
    },
    {
      text: '地铁口精装三居，首付5万，总价39万起，看房热线0312-5566888',
      note: '楼盘推销',
      variants: ['spaced'],
      errors: [
        { messageId: 'cluster', at: '首付5万', severity: 'block' },
        { messageId: 'cluster', at: '总价39万起', severity: 'block' },
        { messageId: 'cluster', at: '看房热线', severity: 'block' },
      ],
    },
    {
      text: '初级会计考证包过班火热报名中，不过退费，免费试听两节。',
      note: '培训招生',
      errors: [
        { messageId: 'cluster', at: '包过班', severity: 'block' },
        { messageId: 'cluster', at: '不过退费', severity: 'block' },
        { messageId: 'cluster', at: '免费试听', severity: 'block' },
      ],
    },
    {
      text: '祖传秘方，三个疗程见效，无效退款！',
      note: '保健品推销',
      variants: ['spaced'],
      errors: [
        { messageId: 'cluster', at: '祖传秘方', severity: 'block' },
        { messageId: 'cluster', at: '三个疗程', severity: 'block' },
        { messageId: 'cluster', at: '无效退款', severity: 'block' },
      ],
    },
    {
      text: '开业酬宾，年卡仅需999元',
      note: '“仅需”标价只提醒',
      variants: ['spaced'],
      errors: [
        { messageId: 'promotion', at: '酬宾', severity: 'justify' },
        { messageId: 'promotion', at: '仅需999元', severity: 'warn' },
      ],
    },
    {
      text: '扫码领\u200b红包，数量有限',
      note: '零宽字符规避',
      errors: [{ messageId: 'promotion', at: '扫码领\u200b红包', severity: 'block' }],
    },
    {
      text: '限時搶購，手慢無',
      note: '繁体规避',
      errors: [
        { messageId: 'promotion', at: '限時搶購', severity: 'justify' },
        { messageId: 'promotion', at: '手慢無', severity: 'justify' },
      ],
    },
    {
      text: '咨询请加Ｖ：ｂｄ６６８',
      note: '全角规避',
      errors: [{ messageId: 'promotion', at: '加Ｖ', severity: 'block' }],
    },
    {
      text: '回 T 退 订',
      note: '空格拆开的退订提示',
      variants: ['spaced'],
      errors: [{ messageId: 'promotion', at: '回 T 退 订', severity: 'block' }],
    },
    {
      draft: { title: '限时特价，仅此一天', body: '详情见图。' },
      errors: [{ messageId: 'promotion', field: 'title', at: '限时特价', severity: 'justify' }],
    },
    {
      draft: { body: '转发。', quoted: { text: '进店领券，下单立减20元' } },
      note: '转发商家的促销微博',
      errors: [
        { messageId: 'promotion', field: 'quoted', at: '进店领券', severity: 'block' },
        { messageId: 'promotion', field: 'quoted', at: '下单立减', severity: 'justify' },
      ],
    },
    {
      text: '本店开业大吉，欢迎选购，新老顾客均享优惠。',
      options: { escalateAt: 5 },
      note: '扎堆门槛由选项决定',
      errors: [
        { messageId: 'promotion', at: '本店', severity: 'justify' },
        { messageId: 'promotion', at: '开业大吉', severity: 'justify' },
        { messageId: 'promotion', at: '欢迎选购', severity: 'justify' },
        { messageId: 'promotion', at: '新老顾客', severity: 'warn' },
      ],
    },
    {
      text: '本店开业大吉，欢迎选购，新老顾客均享优惠。',
      note: '同一段四种话术：提高到拦截',
      errors: [
        { messageId: 'cluster', at: '本店', severity: 'block' },
        { messageId: 'cluster', at: '开业大吉', severity: 'block' },
        { messageId: 'cluster', at: '欢迎选购', severity: 'block' },
        { messageId: 'cluster', at: '新老顾客', severity: 'block' },
      ],
    },
    {
      text: '本店开业大吉，欢迎选购，新老顾客均享优惠。',
      options: { escalateTo: 'justify' },
      note: '提高的目标由选项决定，不降低词条自身的严重程度',
      errors: [
        { messageId: 'cluster', at: '本店', severity: 'justify' },
        { messageId: 'cluster', at: '开业大吉', severity: 'justify' },
        { messageId: 'cluster', at: '欢迎选购', severity: 'justify' },
        { messageId: 'cluster', at: '新老顾客', severity: 'justify' },
      ],
    },
  ],
});
