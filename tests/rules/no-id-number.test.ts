import rule from '../../rules/no-id-number';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '失主身份证号1101**********002X，请联系。', note: '已打码' },
    { text: '身份证号11010519491231002Y不存在。', note: '校验位不是数字或 X' },
    { text: '编号110105194912310021有误。', note: '校验位不对' },
    { text: '订单号130602198513013457已发货。', note: '日期无效（13 月）' },
    { text: '详见 https://weibo.com/1234567890/11010519491231002X 。', note: '链接里的数字' },
    { text: '快递单号130602850101123已签收。', note: '15 位数字但附近没有“身份证”' },
    '请拨打政务服务便民热线12345咨询。',
    '全市共有常住人口9241393人。',
  ],
  invalid: [
    {
      text: '失主身份证号11010519491231002X，请联系。',
      errors: [{ messageId: 'id18', at: '11010519491231002X', suggestion: '1101**********002X' }],
    },
    { text: '身份证：360426199101010071', errors: [{ messageId: 'id18', at: '360426199101010071' }] },
    {
      text: '身份证号 110105 1949 1231 002x 的市民请到窗口领取。',
      note: '分组书写、小写 x',
      errors: [{ messageId: 'id18', at: '110105 1949 1231 002x', suggestion: '1101**********002X' }],
    },
    {
      text: '证号11010519491231002X。',
      note: '全角数字',
      variants: ['full-width'],
      errors: [{ messageId: 'id18', at: '11010519491231002X' }],
    },
    {
      text: '号码1101-0519-4912-3100-2X请核对',
      note: '连字符分组',
      errors: [{ messageId: 'id18', at: '1101-0519-4912-3100-2X' }],
    },
    {
      text: '其身份证号码为130602850101123。',
      errors: [{ messageId: 'id15', at: '130602850101123', suggestion: '1306*******1123' }],
    },
    {
      draft: { title: '寻找11010519491231002X的家属', body: '请知情者联系。' },
      errors: [{ messageId: 'id18', field: 'title', at: '11010519491231002X' }],
    },
    {
      draft: { body: '转发。', quoted: { text: '我的身份证360426199101010071丢了' } },
      errors: [{ messageId: 'id18', field: 'quoted', at: '360426199101010071' }],
    },
  ],
});
