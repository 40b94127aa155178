import rule from '../../rules/no-bank-card';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    {
      text: '爱心捐款渠道：户名：保定市慈善总会，开户行：工商银行保定分行，账号：0409 0123 4567 8901 235。',
      note: '对公结算账号不带 Luhn 校验位',
    },
    { text: '补助资金已发放至银行卡6222 **** **** 0128，请注意查收。', note: '已打码' },
    { text: '请核对卡号6222021234567890129是否正确。', note: 'Luhn 校验不通过' },
    { text: '缴费请访问 https://pay.example.cn/order/6222021234567890128 完成支付。', note: '链接里的数字' },
    { text: '快递单号4300 1234 5678 9014已签收。', note: '校验通过但既无卡号字样也非 62 开头' },
    { text: '身份证号620102198501011104的市民请到窗口领取证件。', note: '甘肃的身份证号以 62 开头且恰好通过 Luhn' },
    { text: '账户绑定手机为138****5678，卡号后四位0128。', note: '只有后四位' },
    { text: '账号62220212345678901234共20位，系统无法识别。', note: '超过 19 位' },
    { text: '截至10月底，全市累计发放社保卡6217001234567人次。', note: '13 位数字不是卡号' },
  ],
  invalid: [
    {
      text: '请将补助款打入本人银行卡，卡号6222 0212 3456 7890 128。',
      errors: [{ messageId: 'card', at: '6222 0212 3456 7890 128', suggestion: '6222***********0128' }],
    },
    {
      text: '转账至6217001234567893即可完成报名。',
      note: '银联 62 开头，无上下文',
      errors: [{ messageId: 'card', at: '6217001234567893', suggestion: '6217********7893' }],
    },
    {
      text: '失主信用卡4392-2500-1234-5673已挂失。',
      note: '连字符分组的非银联卡',
      errors: [{ messageId: 'card', at: '4392-2500-1234-5673' }],
    },
    {
      text: '退款将退回原账户：4090012345678901234（建设银行）',
      note: '19 位、账户字样',
      errors: [{ messageId: 'card', at: '4090012345678901234' }],
    },
    {
      text: '户名：张三，账号：6228480012345678903，开户行：农业银行保定分行。',
      note: '户名是个人姓名',
      errors: [{ messageId: 'card', at: '6228480012345678903' }],
    },
    {
      text: '户名：保定市红十字会，账号：6228 4800 1234 5678 903，欢迎社会各界爱心捐赠。',
      note: '单位户名，校验恰好通过',
      errors: [{ messageId: 'organization', at: '6228 4800 1234 5678 903', severity: 'warn' }],
    },
    {
      text: '本会对公账户6225880123456783，仅用于收取会费。',
      note: '对公账户字样',
      errors: [{ messageId: 'organization', at: '6225880123456783', severity: 'warn' }],
    },
    {
      text: '收款卡号：６２１４８３０１２３４５６７８９０２',
      note: '全角数字',
      variants: ['full-width'],
      errors: [{ messageId: 'card', at: '６２１４８３０１２３４５６７８９０２', severity: 'block' }],
    },
    {
      draft: { title: '捡到借记卡一张，卡号6217001234567893', body: '请失主到派出所认领。' },
      errors: [{ messageId: 'card', field: 'title', at: '6217001234567893' }],
    },
    {
      draft: { body: '提醒：谨防诈骗。', quoted: { text: '急用钱，请转到我的卡上 6225 8801 2345 6783' } },
      errors: [{ messageId: 'card', field: 'quoted', at: '6225 8801 2345 6783' }],
    },
  ],
});
