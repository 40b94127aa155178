import rule from '../../rules/no-improper-legal-term';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '两名男子涉嫌犯罪，已被依法刑事拘留。', note: '涉嫌犯罪中的“嫌犯”不是称谓' },
    '该公司法定代表人张某已被依法传唤。',
    { text: '罪犯李某因犯盗窃罪被判处有期徒刑三年。', note: '判决之后称“罪犯”是对的' },
    { text: '市监狱组织罪犯开展职业技能培训。', note: '监狱语境' },
    { text: '推动建立乡村长效管护机制，让农村长期保持干净整洁。', note: '“乡村长效”“农村长期”中的“村长”' },
    { text: '市人大常委会召开第十二次会议，审议多项法规草案。', note: '人大常委会' },
    { text: '大学生村官王某带领村民发展特色种植。', note: '大学生村官' },
    { text: '东城区人民检察院检察长列席审判委员会会议。', note: '规范称谓' },
    { text: '犯罪嫌疑人王某（男，32岁，河北保定人）已被刑事拘留。', note: '写明籍贯不是标签' },
    { text: '他从小在农村长大，毕业后回到家乡当了村主任。', note: '“农村长大”' },
    { text: '审计长在国务院常务会议上作审计工作报告。', note: '规范称谓' },
  ],
  invalid: [
    {
      text: '该公司法人代表张某已被警方控制。',
      errors: [{ messageId: 'replace', at: '法人代表', suggestion: '法定代表人' }],
    },
    {
      text: '警方连夜突审，罪犯张某交代了作案经过。',
      note: '判决前称“罪犯”',
      errors: [{ messageId: 'replace', at: '罪犯', suggestion: '犯罪嫌疑人' }],
    },
    { text: '民警成功抓获一名持刀嫌犯。', errors: [{ messageId: 'replace', at: '嫌犯', suggestion: '犯罪嫌疑人' }] },
    {
      text: '王庄村村长带领群众清理河道。',
      errors: [{ messageId: 'replace', at: '村长', suggestion: '村民委员会主任' }],
    },
    {
      text: '“村官”是离群众最近的干部。',
      note: '引号中的“村官”',
      errors: [{ messageId: 'replace', at: '村官', suggestion: '村干部' }],
    },
    {
      text: '市人大常委、市总工会主席李某出席会议。',
      note: '“人大常委”不是“人大常委会”',
      errors: [{ messageId: 'replace', at: '人大常委', suggestion: '人大常委会委员' }],
    },
    {
      text: '县检察院院长带队开展巡回检察。',
      errors: [{ messageId: 'replace', at: '检察院院长', suggestion: '检察长' }],
    },
    {
      text: '审计署署长向全国人大常委会作报告。',
      errors: [{ messageId: 'replace', at: '审计署署长', suggestion: '审计长' }],
    },
    { text: '因拖欠货款，供货商将该公司推上被告席。', errors: [{ messageId: 'avoid', at: '推上被告席' }] },
    {
      text: '火车站派出所抓获一名河南小偷。',
      note: '地域标签（模式）',
      variants: ['spaced'],
      errors: [{ messageId: 'avoid', at: '河南小偷' }],
    },
    {
      text: '警方破获一起农民歹徒抢劫案。',
      note: '身份标签（模式）',
      variants: ['spaced'],
      errors: [{ messageId: 'avoid', at: '农民歹徒' }],
    },
    {
      text: '法 人 代 表变更登记须本人到场。',
      note: '空格规避',
      errors: [{ messageId: 'replace', at: '法 人 代 表', suggestion: '法定代表人' }],
    },
    {
      draft: { title: '村长带头捐款修路', body: '村民纷纷响应。' },
      errors: [{ messageId: 'replace', field: 'title', at: '村长' }],
    },
  ],
});
