import rule from '../../rules/no-typo';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    '作为基层干部，我们要再接再厉，把惠民实事办好。',
    '报名截止日期为2026年12月1日，逾期不再受理。',
    { text: '截至目前，全市已累计发放消费券3000万元。', note: '截至 + 时间是对的' },
    { text: '该设备既使用电力，也使用天然气。', note: '既使用…也… 不是「既使」' },
    '即使天气寒冷，志愿者们仍坚守在岗位上。',
    '请各单位于本周五前报送材料，申报将按时截止。',
    '全市上下一鼓作气，奋力完成全年目标任务。',
    '他的事迹在群众中不胫而走，广为传颂。',
  ],
  invalid: [
    {
      text: '做为基层干部，要再接再励。',
      errors: [
        { messageId: 'typo', at: '做为', suggestion: '作为' },
        { messageId: 'typo', at: '再接再励', suggestion: '再接再厉' },
      ],
    },
    { text: '截止目前，全市共接种疫苗12万剂次。', errors: [{ messageId: 'typo', at: '截止目前', suggestion: '截至目前' }] },
    { text: '既使困难再多，我们也要迎难而上。', errors: [{ messageId: 'typo', at: '既使', suggestion: '即使' }] },
    { text: '做為窗口单位，要热情服务。', note: '繁体', errors: [{ messageId: 'typo', at: '做為', suggestion: '作为' }] },
    { text: '做\u200b为窗口单位，要热情服务。', note: '零宽字符', errors: [{ messageId: 'typo', at: '做\u200b为', suggestion: '作为' }] },
    { text: '全体干部再 接 再 励，争创佳绩。', note: '空格', errors: [{ messageId: 'typo', at: '再 接 再 励', suggestion: '再接再厉' }] },
    { text: '做-为一名党员，要带头。', note: '连字符', errors: [{ messageId: 'typo', at: '做-为', suggestion: '作为' }] },
    {
      draft: { title: '做为新时代青年', body: '青年志愿者活动启动。' },
      errors: [{ messageId: 'typo', field: 'title', at: '做为', suggestion: '作为' }],
    },
  ],
});
