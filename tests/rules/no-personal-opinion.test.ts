import rule from '../../rules/no-personal-opinion';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '“我眼中的家乡”征文比赛揭晓，《在我看来，家乡最美》获一等奖。', note: '书名号里是作品的名字' },
    { text: '市民张女士说：“我觉得现在办事方便多了，一次都不用跑。”', note: '引号里的市民原话' },
    { text: '市政务服务中心负责人表示：我认为数据多跑路，群众就能少跑腿。', note: '冒号引出的官员讲话' },
    { text: '我市认真落实各项惠民政策，我们将持续跟进，确保落地见效。', note: '我市、我们' },
    { text: '我局将于本周六开展食品安全宣传活动，我省各地同步启动。', note: '我局、我省' },
    { text: '党员干部要讲真话、说实话、办实事，自觉接受群众监督。', note: '说实话、办实事' },
    { text: '小编提醒：近期气温骤降，请大家注意添衣保暖。', note: '小编提醒是常见的提示语' },
    { text: '本文仅代表作者个人观点，不代表本平台立场。', note: '转载声明' },
    { text: '有网友留言：“个人认为应该延长开放时间。”对此，景区管理处已作出回应。', note: '网友留言' },
    { text: '我国科学家在量子通信领域取得新突破，我委将加强成果转化。', note: '我国、我委' },
    { text: '《鬼吹灯外传》与萝莉不得不说的事', note: '“不得不说的事”是惯用说法，不是表态' },
    {
      text: '【人社部：劳动力市场错配是短期的】人社部副部长游钧：受疫情影响，返岗时间推迟，我认为这是暂时的。',
      note: '职务加姓名的署名发言（姓氏不在常见姓氏表里）',
    },
    {
      text: '国家主席习近平致慰问电。习近平在慰问电中表示，惊悉客机坠毁，我个人向遇难者表示深切哀悼。',
      note: '“表示，”引出的转述',
    },
    {
      text: '【#一床难求多久能改善#】国家卫健委专家组成员蒋荣猛：目前情况比较紧张。但我相信，问题会较快得到解决。',
      note: '标题后署名、不带引号的专家发言',
    },
  ],
  invalid: [
    {
      text: '《家乡的变化》这篇文章，我觉得写得很好。',
      note: '书名号只排除书名号里面的词',
      errors: [{ messageId: 'opinion', at: '我觉得' }],
    },
    {
      text: '我相信，这次会议一定会取得积极的成果。',
      note: '表达信心，讲话中常见、常不加引号转述：只提醒',
      errors: [{ messageId: 'opinion', at: '我相信', severity: 'warn' }],
    },
    { text: '我觉得这次的政策调整非常及时，大家可以放心了。', errors: [{ messageId: 'opinion', at: '我觉得' }] },
    { text: '个人认为，这个方案还有很多值得商榷的地方。', errors: [{ messageId: 'opinion', at: '个人认为' }] },
    { text: '说实话，这次活动组织得不太理想。', errors: [{ messageId: 'opinion', at: '说实话' }] },
    { text: '小编觉得，周末去白洋淀看荷花再合适不过了。', errors: [{ messageId: 'opinion', at: '小编觉得' }] },
    {
      text: '在我看来，这种做法值得商榷。恕我直言，相关部门应当反思。',
      errors: [
        { messageId: 'opinion', at: '在我看来' },
        { messageId: 'opinion', at: '恕我直言' },
      ],
    },
    { text: '依我看，这个项目早该叫停了。', errors: [{ messageId: 'opinion', at: '依我看' }] },
    { text: '我个人认为，新规实施后效果会更好。', errors: [{ messageId: 'opinion', at: '我个人认为' }] },
    { text: '我認為這項政策很有必要。', note: '繁体', errors: [{ messageId: 'opinion', at: '我認為' }] },
    {
      text: '我\u200b觉\u200b得这样安排不合理。',
      note: '零宽字符',
      errors: [{ messageId: 'opinion', at: '我\u200b觉\u200b得' }],
    },
    {
      text: '市民表示：“办事很方便。”不过我感觉，窗口排队时间还是太长。',
      note: '引语之后的编辑口吻',
      errors: [{ messageId: 'opinion', at: '我感觉' }],
    },
    {
      draft: { title: '本人认为这条路该修了', body: '附近居民出行不便。' },
      errors: [{ messageId: 'opinion', field: 'title', at: '本人认为' }],
    },
  ],
});
