import { describe, expect, it } from 'vitest';
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
    { text: '此次调整既使企业减轻了负担，又使群众得到了实惠。', note: '“既使……又使……”' },
    { text: '请将个人材料按装修标准分类归档，不得拼凑和敷衍。', note: '个人材料、按装修、拼凑和' },
    { text: '新华社今日发布署名文章，全面阐述我国立场。', note: '“发布署名”中的“布署”' },
    { text: '要一贯切实抓好安全生产，认真贯彻落实上级部署。', note: '“一贯切实”中的“贯切”' },
    { text: '报名将于2026年5月1日截止，逾期不予受理。', note: '“截止”不带时间宾语' },
    { text: '争做为民服务的表率，争当担当作为的先锋。', note: '“做”+“为民服务”' },
    { text: '截止到目前，已有1200人报名。', note: '“截止到”有规范认可，不报' },
    {
      text: '#遇到紧急情况你会怎么做#【#为救人司机摘口罩做人工呼吸#】',
      note: '话题 # 和标题【】隔开的两段不是一个词（做#【#为）',
    },
    { text: '这项工作该怎么做：为明年打好基础，先摸清底数。', note: '全角冒号是分句标点（做：为）' },
  ],
  invalid: [
    {
      text: '做为基层干部，要再接再励。',
      errors: [
        { messageId: 'typo', at: '做为', suggestion: '作为' },
        { messageId: 'typo', at: '再接再励', suggestion: '再接再厉' },
      ],
    },
    { text: '截止目前，全市共接种疫苗12万剂次。', errors: [{ messageId: 'typo', at: '截止', suggestion: '截至' }] },
    { text: '既使困难再多，我们也要迎难而上。', errors: [{ messageId: 'typo', at: '既使', suggestion: '即使' }] },
    {
      text: '做為窗口单位，要热情服务。',
      note: '繁体',
      errors: [{ messageId: 'typo', at: '做為', suggestion: '作为' }],
    },
    {
      text: '做\u200b为窗口单位，要热情服务。',
      note: '零宽字符',
      errors: [{ messageId: 'typo', at: '做\u200b为', suggestion: '作为' }],
    },
    {
      text: '全体干部再 接 再 励，争创佳绩。',
      note: '空格',
      errors: [{ messageId: 'typo', at: '再 接 再 励', suggestion: '再接再厉' }],
    },
    {
      text: '做-为一名党员，要带头。',
      note: '连字符',
      errors: [{ messageId: 'typo', at: '做-为', suggestion: '作为' }],
    },
    {
      text: '截止2025年底，全市累计新增就业岗位3.2万个。',
      note: '“截止”带年份',
      errors: [{ messageId: 'typo', at: '截止', suggestion: '截至' }],
    },
    { text: '截止发稿时，救援工作仍在进行。', errors: [{ messageId: 'typo', at: '截止', suggestion: '截至' }] },
    {
      text: '申报时间截止12月31日。',
      note: '“截止”带月日',
      errors: [{ messageId: 'typo', at: '截止', suggestion: '截至' }],
    },
    {
      text: '截止年底，项目全部完工。',
      note: '词表中较长的词对优先',
      errors: [{ messageId: 'typo', at: '截止年底', suggestion: '截至年底' }],
    },
    { text: '认真贯切落实党的二十大精神。', errors: [{ messageId: 'typo', at: '贯切', suggestion: '贯彻' }] },
    {
      text: '全面贯切党的二十届三中全会精神。',
      note: '“贯切……精神”',
      errors: [{ messageId: 'typo', at: '贯切', suggestion: '贯彻' }],
    },
    {
      text: '各单位要按步就班推进，确保布署到位。',
      errors: [
        { messageId: 'typo', at: '按步就班', suggestion: '按部就班' },
        { messageId: 'typo', at: '布署', suggestion: '部署' },
      ],
    },
    {
      text: '老俩口在侯车室里一愁莫展，民警迫不急待上前帮忙。',
      errors: [
        { messageId: 'typo', at: '老俩口', suggestion: '老两口' },
        { messageId: 'typo', at: '侯车室', suggestion: '候车室' },
        { messageId: 'typo', at: '一愁莫展', suggestion: '一筹莫展' },
        { messageId: 'typo', at: '迫不急待', suggestion: '迫不及待' },
      ],
    },
    {
      text: '干部要心无旁骛，切忌心原意马。',
      note: 'LanguageTool 成语词对',
      errors: [{ messageId: 'typo', at: '心原意马', suggestion: '心猿意马' }],
    },
    {
      text: '古建筑修茸一新，吸引大批游客。',
      note: '较长的成语词对覆盖“修茸”',
      errors: [{ messageId: 'typo', at: '修茸一新', suggestion: '修葺一新' }],
    },
    {
      text: '整理好个人材料后，做为人才引进对象上报。',
      note: '白名单只排除它覆盖的部分',
      errors: [{ messageId: 'typo', at: '做为', suggestion: '作为' }],
    },
    {
      draft: { title: '做为新时代青年', body: '青年志愿者活动启动。' },
      errors: [{ messageId: 'typo', field: 'title', at: '做为', suggestion: '作为' }],
    },
  ],
});

describe('the basis a typo finding cites', () => {
  it('names the measures first and the word list the pair comes from after', async () => {
    const { compilePack } = await import('../../rules/engine/checker');
    const { RULES } = await import('../../rules/index');
    const { default: pack } = await import('virtual:default-pack');
    const finding = compilePack(pack, RULES).check({
      platform: 'weibo',
      kind: 'post',
      body: '做为基层干部要带头。',
    }).findings[0]!;
    expect(finding.basis).toBe(
      '《保定市政务新媒体管理办法》第十三条：严把……文字关（词条来源：开源中文纠错项目 pycorrector 的混淆词表）',
    );
  });
});
