import rule from '../../rules/no-unapproved-source';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    '今冬首场降雪来袭，全市启动应急预案。\n来源：人民日报',
    { text: '（来源：新华社）国务院常务会议部署冬季能源保供工作。', note: '括号中的来源' },
    { text: '我市空气质量持续改善。来源：保定市生态环境局', note: '党政机关自己发布' },
    { text: '详见原文链接：http://www.hebei.gov.cn/columns/2026/11/28/1.html', note: '政府网站' },
    { text: '稿源：河北日报　编辑：李明　审核：王芳', note: '稿源单位 + 本单位三审署名' },
    '文章来源：中国政府网\n责任编辑：赵一',
    { text: '本文转自人民网，如有不妥请联系。', note: '转自稿源单位' },
    { text: '转自@央视新闻 ：寒潮蓝色预警发布。', note: '央视新闻是中央广播电视总台的账号' },
    { text: '学习！//@人民日报:【全国冬季供暖全面启动】', note: '微博转发链' },
    { text: '来源：莲池区融媒体中心', note: '县级融媒体中心' },
    { text: '信息来源：保定市人民政府网站', note: '机关自己的网站' },
    { text: '来源：中央纪委国家监委网站', note: '机关自己的网站' },
    { text: '来源：中国气象局', note: '国家机关，名称里没有“国家”' },
    { text: '（来源：公安部）', note: '国务院组成部门' },
    { text: '来源：最高人民法院', note: '最高人民法院' },
    { text: '原文链接：www.hebei.gov.cn/columns/2026/1128.html', note: '不带 http 的政府网址' },
    { text: '原文链接：https://zhuanti.hebnews.cn/2026/1128/1.html', note: '稿源单位网站的子域名' },
    { text: '来源：央视新闻客户端', note: '平台字样去掉后是名单内单位' },
    { text: '来源：人民日报微信公众号\n编辑：张三', note: '平台字样' },
    { text: '来源 丨 保定日报\n编辑 丨 张三\n审核 丨 李四', note: '微信文末常见写法' },
    { text: '来源：网络', note: '说不清来源的交给 require-source' },
    { text: '今冬首场降雪来袭。稿源：本报', note: '本单位自己的稿件' },
    {
      draft: {
        platform: 'weibo',
        kind: 'post',
        body: '冬季交通安全提示。来源：本局',
        account: { name: '保定市公安局' },
      },
      note: '本单位自己的稿件',
    },
    { text: '来源：保定市人民政府新闻办公室', note: '开设单位是机关的办公室' },
    { text: '来源：保定市公安局交通警察支队', note: '公安机关的支队' },
    {
      text: '某某晚报记者从市卫健委获悉，全市新增接种点20个。',
      note: '记者署名和“从……获悉”说明消息来源，不当作转载来源判断',
    },
    { text: '项目资金来源：市级财政专项资金。', note: '资金来源不是稿源' },
    { text: '图片来源：视觉中国', note: '图片来源不是稿源' },
    { text: '设备运转自如，检修工作顺利完成。', note: '运转自如不是“转自”' },
    { text: '据某某科技公司消息，新产品将于下月上市。', note: '“据……消息”是引用，不当转载来源判断' },
    {
      draft: {
        platform: 'weibo',
        kind: 'repost',
        body: '转发微博',
        quoted: { author: '人民日报', text: '今天，我们一起致敬环卫工人。' },
      },
      note: '转发稿源单位的微博',
    },
    {
      draft: {
        platform: 'weibo',
        kind: 'repost',
        body: '转发微博',
        quoted: { author: '河北发布', text: '我省新增3条高速公路建成通车。' },
      },
      note: '转发省政府新闻办的政务微博',
    },
    {
      draft: {
        platform: 'weibo',
        kind: 'comment',
        body: '感谢关注！',
        quoted: { author: '某某娱乐八卦', text: '保定的驴肉火烧真好吃' },
      },
      note: '评论不是转载',
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '冬季供暖全面启动',
        body: '正文……',
        source: { name: '保定日报', url: 'https://mp.weixin.qq.com/s/AbCdEf' },
      },
      note: '微信文章链接由同时注明的账号判断',
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        body: '正文……',
        source: { url: 'http://www.people.com.cn/n1/2026/1128/c1001-1.html' },
      },
      note: '原文链接在稿源单位网站',
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        account: { name: '清苑文明实践' },
        body: '志愿服务活动走进社区。\n来源：清苑文明实践',
      },
      note: '注明的来源就是本账号',
    },
  ],
  invalid: [
    {
      text: '本文转自微信公众号“深度八卦”，如有侵权请联系删除。',
      errors: [{ messageId: 'name', at: '深度八卦' }],
    },
    { text: '来源：某某财经网', errors: [{ messageId: 'name', at: '某某财经网' }] },
    { text: '（来源：搜狐号某某说）冬季进补有讲究。', errors: [{ messageId: 'name', at: '搜狐号某某说' }] },
    {
      text: '原文链接：https://www.toutiao.com/article/7312/',
      note: '链接拆开就不是链接了',
      variants: ['spaced'],
      errors: [{ messageId: 'url', at: 'https://www.toutiao.com/article/7312/' }],
    },
    { text: '转发微博//@某某娱乐:太震撼了', errors: [{ messageId: 'account', at: '某某娱乐' }] },
    {
      text: '学习//@人民日报://@某某娱乐:转发',
      note: '转发链中只有一个账号不在名单内',
      errors: [{ messageId: 'account', at: '某某娱乐' }],
    },
    {
      draft: {
        platform: 'weibo',
        kind: 'repost',
        body: '转发微博',
        quoted: { author: '@某某娱乐八卦', text: '明星又上热搜了' },
      },
      errors: [{ messageId: 'account', field: 'quoted.author', at: '某某娱乐八卦' }],
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        title: '冬季养生指南',
        body: '正文……',
        source: { name: '某某养生号' },
      },
      errors: [{ messageId: 'name', field: 'source', at: '某某养生号' }],
    },
    {
      draft: { platform: 'wechat', kind: 'article', body: '正文……', source: { url: 'https://www.toutiao.com/a7312' } },
      note: '平台设置里的链接不经编辑改写，不做伪装变体',
      variants: false,
      errors: [{ messageId: 'url', field: 'source.url', at: 'https://www.toutiao.com/a7312' }],
    },
    {
      draft: {
        platform: 'wechat',
        kind: 'article',
        body: '正文……',
        source: { url: 'https://mp.weixin.qq.com/s/AbCdEf' },
      },
      note: '只有微信文章链接',
      variants: false,
      errors: [{ messageId: 'platformUrl', field: 'source.url', at: 'https://mp.weixin.qq.com/s/AbCdEf' }],
    },
    { text: '来源：综合自新华社、某某财经', errors: [{ messageId: 'name', at: '某某财经' }] },
    {
      text: '来源 | 某某生活网\n编辑 | 张三\n审核 | 李四',
      note: '微信文末署名',
      errors: [{ messageId: 'name', at: '某某生活网' }],
    },
    {
      draft: { platform: 'weibo', kind: 'post', title: '【转自某某头条】冬季取暖小知识', body: '取暖时注意通风。' },
      errors: [{ messageId: 'name', field: 'title', at: '某某头条' }],
    },
    { text: '来源：微博@某某大V', errors: [{ messageId: 'name', at: '某某大V' }] },
    { text: '来源：保定市某某商会', note: '像机关但不是机关', errors: [{ messageId: 'name', at: '保定市某某商会' }] },
    {
      text: '来源：某某网\n原文链接：https://www.mouwang.com/n/1.html',
      variants: ['spaced'],
      errors: [
        { messageId: 'name', at: '某某网' },
        { messageId: 'url', at: 'https://www.mouwang.com/n/1.html' },
      ],
    },
    { text: '出处：某某百科', errors: [{ messageId: 'name', at: '某某百科' }] },
    { text: '来源：抖音@某某生活家', note: '平台字样之后的账号', errors: [{ messageId: 'name', at: '某某生活家' }] },
    { text: '摘自《某某文摘》2026年第3期', errors: [{ messageId: 'name', at: '某某文摘' }] },
    {
      text: '来源：某某网 2026-11-28 10:30',
      note: '来源后面跟着发布时间',
      errors: [{ messageId: 'name', at: '某某网' }],
    },
    {
      draft: {
        platform: 'weibo',
        kind: 'repost',
        account: { name: '清苑文明实践' },
        body: '转发微博',
        quoted: { author: '清苑文明实践爱好者', text: '周末去哪儿玩' },
      },
      note: '名称相近但不是本账号',
      errors: [{ messageId: 'account', field: 'quoted.author', at: '清苑文明实践爱好者' }],
    },
  ],
});
