import rule from '../../rules/no-classified-mark';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '这批绝密档案于2020年解密，首次向公众展出。', note: '历史报道中的“绝密”' },
    { text: '他在秘密战线上战斗了二十年，直到晚年才公开身份。', note: '革命史故事' },
    { text: '秘密战线上的英雄们，值得我们永远铭记。', note: '句首的“秘密”不是版头' },
    { text: '企业要加强商业机密保护，防范核心技术外泄。', note: '商业机密' },
    '本期推送带你揭秘保定老城墙背后的故事★欢迎转发★',
    { text: '《保定教育》为内部资料性出版物，准印证号冀BD-001。', note: '内部资料性出版物（白名单）' },
    {
      text: '国家秘密的密级分为三级：\n绝密\n机密\n秘密\n各级机关要依法定密。',
      note: '保密宣传中分行列出三个密级',
    },
    { text: '全市机关单位保密自查工作已全部完成。', note: '保密工作报道' },
    { text: '“绝密”二字，承载着一代人的隐姓埋名。', note: '引号中的“绝密”' },
  ],
  invalid: [
    {
      text: '机密★1年\n关于做好全市防汛工作的通知\n各县（市、区）人民政府：',
      note: '公文版头',
      errors: [{ messageId: 'mark', at: '机密★1年' }],
    },
    { text: '（秘密★长期）保定市国家安全工作要点', errors: [{ messageId: 'mark', at: '秘密★长期' }] },
    {
      text: '绝密★启用前 2026年全市公务员招录笔试试题',
      note: '考试试卷',
      errors: [{ messageId: 'mark', at: '绝密★启用前' }],
    },
    {
      text: '附件：会议材料（机密☆会议结束前）',
      note: '空心星',
      errors: [{ messageId: 'mark', at: '机密☆会议结束前' }],
    },
    {
      text: '秘密*6个月 关于调整部分干部职务的通知',
      note: '用星号代替★',
      errors: [{ messageId: 'mark', at: '秘密*6个月' }],
    },
    {
      text: '机密＊10年\n请各单位认真组织学习。',
      note: '全角星号',
      variants: ['full-width'],
      errors: [{ messageId: 'mark', at: '机密＊10年' }],
    },
    {
      text: '秘密 ★ 1年 关于2026年度重点工作安排',
      note: '★ 两侧有空格',
      errors: [{ messageId: 'mark', at: '秘密 ★ 1年' }],
    },
    {
      text: '000123\n机密\n保定市人民政府文件\n关于印发某某方案的通知',
      note: '单独成行的密级（份号之后）',
      errors: [{ messageId: 'lineMark', at: '机密' }],
    },
    {
      text: '秘密 5年\n关于开展专项检查的通知',
      note: '没有★的版头',
      errors: [{ messageId: 'lineMark', at: '秘密 5年' }],
    },
    {
      text: '内部资料，注意保密。以下为本次会议的讨论要点。',
      errors: [
        { messageId: 'internal', at: '内部资料', severity: 'justify' },
        { messageId: 'internal', at: '注意保密', severity: 'block' },
      ],
    },
    {
      text: '（仅供内部参考）全市信访形势分析',
      errors: [{ messageId: 'internal', at: '仅供内部参考', severity: 'block' }],
    },
    {
      text: '保密提醒：严禁在互联网上处理涉密信息，严禁将工作秘密存储在私人网盘。',
      note: '保密宣传中的一般词语只作提示',
      errors: [
        { messageId: 'internal', at: '涉密', severity: 'warn' },
        { messageId: 'internal', at: '工作秘密', severity: 'warn' },
      ],
    },
    {
      text: '外出期间请注意保密，不要随意谈论工作。',
      note: '单独的“注意保密”',
      errors: [{ messageId: 'internal', at: '注意保密', severity: 'warn' }],
    },
    {
      draft: { title: '机密★3年 2026年度考核方案', body: '各单位：现将方案印发给你们。' },
      errors: [{ messageId: 'mark', field: 'title', at: '机密★3年' }],
    },
    {
      draft: { body: '转发学习。', quoted: { text: '绝密★ 关于某项目的会议纪要' } },
      errors: [{ messageId: 'mark', field: 'quoted', at: '绝密★' }],
    },
  ],
});
