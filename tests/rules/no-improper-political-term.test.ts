import rule from '../../rules/no-improper-political-term';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    '朝鲜半岛局势备受关注，外交部发言人回答了记者提问。',
    '台湾地区领导人选举结果揭晓，国台办发言人答记者问。',
    { text: '南北朝鲜卑族的汉化进程，是北魏史研究的重点。', note: '“南北朝”+“鲜卑”不是“北朝鲜”' },
    { text: '习近平总书记亲自谋划、亲自部署、亲自推动京津冀协同发展。', note: '中央文件的固定表述' },
    { text: '中共中央政治局会议隆重召开，研究部署下半年经济工作。', note: '“隆重召开”用于党中央的会议' },
    { text: '他是个书呆子，一心扑在科研上。', note: '白名单：书呆子' },
    { text: '饭店老板李某主动为环卫工人提供免费午餐。', note: '私营业主可称“老板”' },
    { text: '全市共有持证残疾人5.2万名，盲人按摩机构36家。', note: '规范说法' },
    { text: '据统计，入境游客达120万人次，其中港澳台同胞占四成。', note: '“其中港澳”不是“中港澳”' },
    { text: '市人大常委会副主任王某带队开展执法检查。', note: '规范的人大职务称谓' },
    { text: '如遇重大情况，要第一时间向县政府报告。', note: '“向政府报告”是动词用法' },
  ],
  invalid: [
    {
      text: '北朝鲜近日再次试射导弹。',
      errors: [{ messageId: 'replace', at: '北朝鲜', suggestion: '朝鲜', severity: 'warn' }],
    },
    {
      text: '台湾“总统”在演讲中再次鼓吹“台独”。',
      note: '引号不挡住词条，范围包括配对的后引号',
      // The quote paired for the one-click fix is looked for in the order typed, which an override reverses.
      variants: ['overridden'],
      errors: [{ messageId: 'replace', at: '台湾“总统”', suggestion: '台湾地区领导人', severity: 'justify' }],
    },
    {
      text: '台湾“总统”选举结果于昨晚揭晓。',
      note: '较长的词条覆盖较短的',
      errors: [{ messageId: 'replace', at: '台湾“总统”选举', suggestion: '台湾地区领导人选举' }],
    },
    {
      text: '台湾政府宣布调整相关政策。',
      errors: [{ messageId: 'replace', at: '台湾政府', suggestion: '台湾当局', severity: 'justify' }],
    },
    {
      text: '日本渔船在尖阁群岛附近海域作业。',
      errors: [{ messageId: 'replace', at: '尖阁群岛', suggestion: '钓鱼岛', severity: 'block' }],
    },
    {
      text: '境外势力炮制所谓“东突厥斯坦”议题。',
      note: '加引号也拦截',
      errors: [{ messageId: 'replace', at: '东突厥斯坦', severity: 'block' }],
    },
    {
      text: '在以习近平为核心的党中央坚强领导下，全市经济持续向好。',
      errors: [{ messageId: 'replace', at: '以习近平为核心', suggestion: '以习近平同志为核心', severity: 'justify' }],
    },
    {
      text: '共建“一带一路”战略取得丰硕成果。',
      note: '范围包括与后引号配对的前引号，更正后不留半个引号',
      variants: ['overridden'],
      errors: [{ messageId: 'replace', at: '“一带一路”战略', suggestion: '一带一路倡议' }],
    },
    { text: '两岸三地青年交流活动在我市举行。', errors: [{ messageId: 'avoid', at: '两岸三地' }] },
    {
      text: '香港政府宣布放宽入境措施，中港两地往来更加便利。',
      errors: [
        { messageId: 'replace', at: '香港政府', suggestion: '香港特区政府' },
        { messageId: 'replace', at: '中港两地', suggestion: '内地与香港' },
      ],
    },
    {
      text: '中国已同多个WTO成员国签署协定。',
      errors: [{ messageId: 'replace', at: 'WTO成员国', suggestion: 'WTO成员' }],
    },
    {
      text: '全国人大副委员长一行来保定调研。',
      errors: [{ messageId: 'replace', at: '全国人大副委员长', suggestion: '全国人大常委会副委员长' }],
    },
    { text: '中共河北省省委书记主持召开会议。', errors: [{ messageId: 'replace', at: '省省委', suggestion: '省委' }] },
    {
      text: '社区为残废人、聋子提供上门服务。',
      errors: [
        { messageId: 'replace', at: '残废人', suggestion: '残疾人' },
        { messageId: 'replace', at: '聋子', suggestion: '聋人' },
      ],
    },
    {
      text: '局长被下属称作老板，作风问题被通报。',
      errors: [{ messageId: 'replace', at: '老板', suggestion: '负责人' }],
    },
    {
      text: '县长亲自带队检查安全生产工作。',
      note: '“亲自”新华社只说慎用，日常报道常见：只记录',
      errors: [{ messageId: 'avoid', at: '亲自', severity: 'monitor' }],
    },
    { text: '我镇第三届运动会隆重召开。', errors: [{ messageId: 'replace', at: '隆重召开', suggestion: '召开' }] },
    {
      text: '会议审议了市政府报告和财政预算报告。',
      errors: [{ messageId: 'replace', at: '政府报告', suggestion: '政府工作报告' }],
    },
    {
      text: '穆斯林国家驻华使节参观我市清真寺。',
      errors: [{ messageId: 'replace', at: '穆斯林国家', suggestion: '伊斯兰国家' }],
    },
    {
      text: '北 朝 鲜再次发射导弹。',
      note: '空格规避',
      errors: [{ messageId: 'replace', at: '北 朝 鲜', suggestion: '朝鲜' }],
    },
    {
      draft: { title: '台湾总统府前爆发抗议', body: '据报道，数千民众参加。' },
      errors: [{ messageId: 'replace', field: 'title', at: '台湾总统府', suggestion: '台湾当局领导人办公场所' }],
    },
  ],
});
