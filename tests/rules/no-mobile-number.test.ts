import rule from '../../rules/no-mobile-number';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    '有问题请拨打12345政务服务便民热线，或拨打12315消费者投诉举报专线。',
    { text: '如遇紧急情况请拨打110、119、120。', note: '紧急电话' },
    { text: '咨询电话：0312-5901234（工作日 8:30—17:30）。', note: '固定电话' },
    { text: '联系人：王先生，138****5678。', note: '已打码' },
    { text: '中奖用户尾号为 1381234**78 的市民请于三日内领取。', note: '部分打码' },
    { text: '原文链接 https://weibo.com/13812345678/NwXyZ 请查看。', note: '链接里的数字' },
    { text: '退款订单号202413812345678已处理完毕。', note: '更长的数字串中的 11 位' },
    { text: '该项目总投资13500000000元，建成后年产值可观。', note: '金额不是号码' },
    { text: '收款账号 6217 1381 2345 678 9012，请核对。', note: '按 4 位分组的长号码里不切出手机号' },
    { text: '产品型号SN13812345678已停产。', note: '字母后面的编码' },
  ],
  invalid: [
    {
      text: '联系人：张女士，电话13812345678。',
      errors: [{ messageId: 'mobile', at: '13812345678', suggestion: '138****5678' }],
    },
    {
      text: '报名咨询请致电138-1234-5678（王老师）。',
      note: '连字符分组',
      errors: [{ messageId: 'mobile', at: '138-1234-5678', suggestion: '138****5678' }],
    },
    {
      text: '失物招领：请失主联系 139 1234 5678 认领。',
      note: '空格分组',
      errors: [{ messageId: 'mobile', at: '139 1234 5678' }],
    },
    {
      text: '境外来电请拨 +86 150 1234 5678。',
      note: '国际区号',
      errors: [{ messageId: 'mobile', at: '+86 150 1234 5678', suggestion: '150****5678' }],
    },
    {
      text: '海外侨胞可拨打0086-135-1234-5678联系侨联。',
      note: '0086 前缀',
      errors: [{ messageId: 'mobile', at: '0086-135-1234-5678', suggestion: '135****5678' }],
    },
    {
      text: '防汛值班手机8618612345678，24小时有人接听。',
      note: '86 连写',
      errors: [{ messageId: 'mobile', at: '8618612345678', suggestion: '186****5678' }],
    },
    {
      text: '联系电话：0312-5901234 15912345678',
      note: '固定电话与手机之间只隔一个空格',
      errors: [{ messageId: 'mobile', at: '15912345678' }],
    },
    {
      text: '李先生 13712345678 13612345678 均可联系。',
      note: '两个号码连写',
      errors: [
        { messageId: 'mobile', at: '13712345678' },
        { messageId: 'mobile', at: '13612345678' },
      ],
    },
    {
      text: '请拨打12345或17712345678咨询。',
      note: '热线与手机并列',
      errors: [{ messageId: 'mobile', at: '17712345678' }],
    },
    {
      text: '寻人启事：家属电话１８８１２３４５６７８',
      note: '全角数字',
      variants: ['full-width'],
      errors: [{ messageId: 'mobile', at: '１８８１２３４５６７８', suggestion: '188****5678' }],
    },
    {
      draft: { title: '急寻走失老人，联系电话19912345678', body: '请知情者及时联系。' },
      errors: [{ messageId: 'mobile', field: 'title', at: '19912345678' }],
    },
    {
      draft: { body: '转发扩散。', quoted: { text: '我家孩子走丢了，电话13512345678' } },
      errors: [{ messageId: 'mobile', field: 'quoted', at: '13512345678' }],
    },
  ],
});
