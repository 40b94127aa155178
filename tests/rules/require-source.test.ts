import rule from '../../rules/require-source';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '原标题：《全市冬季供暖全面启动》\n来源：保定日报', note: '注明了稿源单位' },
    {
      text: '原标题：全市冬季供暖全面启动\n来源：某某网',
      note: '来源不在名单内也可追溯（由 no-unapproved-source 判断）',
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        original: true,
        body: '志愿者走进社区开展义诊。\n文字：张三\n摄影：李四\n编辑：王五\n审核：赵六\n终审：钱七',
      },
      note: '本单位原创文章的三审署名',
    },
    { text: '我市启动冬季清洁取暖检查。\n编辑：王五　审核：赵六', note: '编辑、审核署名不是转载标志' },
    {
      draft: { platform: 'wechat', kind: 'article', original: true, body: '（记者 张三 摄）\n责任编辑：李四' },
      note: '已声明原创：记者、责任编辑是本单位的',
    },
    {
      draft: {
        platform: 'weibo',
        kind: 'repost',
        body: '原标题：全国冬季供暖全面启动',
        quoted: { author: '人民日报', text: '全国冬季供暖全面启动' },
      },
      note: '转发微博，原文可追溯',
    },
    {
      draft: {
        platform: 'weibo',
        kind: 'post',
        body: '原标题：我市发布寒潮预警',
        links: [{ href: 'https://www.bd.gov.cn/content/2026/1128.html', text: '查看原文' }],
      },
      note: '附了原文链接',
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        body: '本报记者 张三\n全市冬季供暖全面启动……',
        source: { name: '河北日报' },
      },
      note: '平台设置中注明了来源',
    },
    { text: '据新华社报道，国务院常务会议部署冬季能源保供工作。', note: '据某单位报道：来源可追溯' },
    { text: '全市通讯员培训班在市委党校开班。', note: '讲通讯员工作的文字不是署名' },
    { text: '《2026年保定大数据报道》正式发布。', note: '“大数据报道”不是“据报道”' },
    { text: '原标题：寒潮来袭\n详见 https://www.bd.gov.cn/content/1.html', note: '正文里有原文网址' },
    { text: '转载请注明来源：保定市人民政府网', note: '本单位的版权声明，不是转载标志' },
    '据了解，今年我市新增城市绿地120公顷。',
    { text: '原标题：全国冬季供暖全面启动\n学习！//@人民日报:', note: '微博转发链说明了来源' },
    { text: '原标题：我市空气质量持续改善\n本文转自保定市生态环境局', note: '转自机关' },
    { text: '原标题：寒潮蓝色预警发布\n原文链接：www.hebei.gov.cn/columns/1.html', note: '原文链接' },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '冬季供暖全面启动',
        body: '原标题：全国冬季供暖全面启动\n责任编辑：李四',
        source: { url: 'https://mp.weixin.qq.com/s/AbCdEf' },
      },
      note: '平台设置了原文链接',
      variants: false,
    },
    { text: '市政府召开新闻发布会，相关负责人回答记者提问。', note: '“记者”不是署名' },
    {
      text: '记者从市应急管理局获悉，寒潮将于明日抵达。',
      note: '记者从哪里获悉，就是消息的来源',
      variants: ['spaced'],
    },
    { text: '央视记者从国家卫健委获悉，全国新增治愈出院病例3000例。', note: '媒体记者的署名和消息来源' },
    { text: '北京日报记者从北京市市场监管局获悉，一药店因哄抬口罩价格被罚。', note: '媒体记者的署名' },
    { text: '意大利新增确诊病例229例。（总台记者张雨辰）', note: '文末括号里的媒体记者署名' },
    { text: '（央视记者王涵 倪晶依）湖北新增出院病例。', note: '两位记者的署名' },
    { text: '据新华社北京3月9日电 全国计划生育工作会议今天召开。', note: '电头写明了通讯社' },
    { text: '坠机现场情况如何？中央广播电视总台记者带来现场报道。', note: '媒体记者的现场报道' },
    {
      text: '其中一名女记者主要负责报道首相的活动，目前已被隔离。',
      note: '讲记者的工作，不是署名（“主要负责”不是人名）',
    },
    { text: '市长接受新华社记者采访时表示，将加快老旧小区改造。', note: '接受采访，不是署名' },
  ],
  invalid: [
    { text: '原标题：《全市冬季供暖全面启动》', errors: [{ messageId: 'marker', at: '原标题' }] },
    {
      text: '图文来自网络，侵删',
      errors: [
        { messageId: 'vague', at: '网络' },
        { messageId: 'marker', at: '侵删' },
      ],
    },
    {
      text: '本报记者 张三 报道\n全市冬季供暖全面启动。',
      note: '署名拆成单字就认不出',
      variants: ['spaced'],
      errors: [{ messageId: 'marker', at: '本报记者 张三 报道' }],
    },
    {
      text: '寒潮来袭，全市启动应急响应。（ 记者王五摄）',
      note: '括号后有空格的署名：只标署名（拆成单字的署名认不出）',
      variants: ['spaced'],
      errors: [{ messageId: 'marker', at: '记者王五摄' }],
    },
    { text: '冬季防火小常识\n来源：网络', errors: [{ messageId: 'vague', at: '网络' }] },
    {
      text: '冬季防火小常识\n来源：',
      note: '来源后面什么也没写',
      variants: ['spaced'],
      errors: [{ messageId: 'vague', at: '来源：' }],
    },
    {
      text: '据报道，近期电信诈骗案件高发。',
      variants: ['spaced'],
      errors: [{ messageId: 'vague', at: '据报道' }],
    },
    {
      text: '（记者 张三 李四 摄）\n责任编辑：王五',
      note: '别家媒体的署名；标出署名本身，不含前面的括号',
      variants: ['spaced'],
      errors: [
        { messageId: 'marker', at: '记者 张三 李四 摄' },
        { messageId: 'marker', at: '责任编辑' },
      ],
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '冬季养生指南',
        body: '多喝热水。',
        source: { name: '网络' },
      },
      errors: [{ messageId: 'vague', field: 'source', at: '网络' }],
    },
    {
      text: '全市冬季供暖全面启动。\n责任编辑：李四',
      note: '未声明原创',
      errors: [{ messageId: 'marker', at: '责任编辑' }],
    },
    {
      draft: { platform: 'wechat', kind: 'article', original: true, body: '原标题：全市冬季供暖全面启动\n正文……' },
      note: '声明了原创也不能有“原标题”',
      errors: [{ messageId: 'marker', at: '原标题' }],
    },
    {
      draft: { platform: 'weibo', kind: 'post', title: '【转载】冬季防火常识', body: '取暖时注意通风。' },
      variants: ['spaced'],
      errors: [{ messageId: 'marker', field: 'title', at: '【转载】' }],
    },
    {
      text: '版权归原作者所有，如有侵权请联系删除。',
      errors: [
        { messageId: 'marker', at: '版权归原作者' },
        { messageId: 'marker', at: '如有侵权请联系删除' },
      ],
    },
    { text: '本报讯 今冬首场降雪来袭，全市启动应急预案。', errors: [{ messageId: 'marker', at: '本报讯' }] },
    {
      text: '本报武昌1月28日电 记者龚达发报道：中山舰修复工程完工。',
      note: '本报的电头和署名说不出是哪家媒体',
      variants: ['spaced'],
      errors: [{ messageId: 'marker', at: '记者龚达发报道' }],
    },
    {
      text: '记者了解到，全市新增城市绿地120公顷。',
      note: '没说从哪里了解到的（繁体“瞭解”不折叠为“了解”）',
      variants: ['traditional'],
      errors: [{ messageId: 'marker', at: '记者了解到' }],
    },
    {
      text: '（通讯员 王五）我市举办冬季运动会。',
      variants: ['spaced'],
      errors: [{ messageId: 'marker', at: '通讯员 王五' }],
    },
    { text: '据媒体报道，某地出现新型诈骗手法。', errors: [{ messageId: 'vague', at: '媒体' }] },
    { text: '本文转载自网络，仅供学习交流。', errors: [{ messageId: 'vague', at: '网络' }] },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '冬季供暖全面启动（原标题：全国冬季供暖全面启动）',
        body: '正文……',
      },
      errors: [{ messageId: 'marker', field: 'title', at: '原标题' }],
    },
    { text: '据网传消息，部分路段将封闭。', errors: [{ messageId: 'vague', at: '网传' }] },
    { text: '（转载）冬季防火常识', variants: ['spaced'], errors: [{ messageId: 'marker', at: '（转载）' }] },
    { text: '本报讯（记者 张三）全市冬季供暖全面启动。', errors: [{ messageId: 'marker', at: '本报讯' }] },
    { text: '图片和文字如涉及版权问题，请与我们联系。', errors: [{ messageId: 'marker', at: '如涉及版权问题' }] },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '冬季养生指南',
        body: '多喝热水。',
        source: { name: '互联网' },
      },
      errors: [{ messageId: 'vague', field: 'source', at: '互联网' }],
    },
  ],
});
