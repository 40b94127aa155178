import rule from '../../rules/no-emotional-language';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '市民张先生说：“这帮人就是脑残！”', note: '新闻里的引语不是转发链：不报' },
    { text: '对壶关县我不算陌生，十多年前我去采访过。', note: '我去 + 动作：说的是去做什么，不是感叹' },
    { text: '周末我去药房给老人买了口罩。', note: '我去 + 去处' },
    { text: '《活该你单身》北京热拍，林心如贺军翔体验相亲。', note: '书名号里是作品的名字' },
    {
      text: '母亲让弱智儿子捐肾救尿毒症兄长。',
      note: '弱智 + 指人的词是描述（改称由 no-improper-political-term 提醒），不是辱骂',
    },
    { text: '致敬！最美逆行者，太暖了！', note: '中央媒体常用的单个感叹号' },
    { text: '市民李先生说：“等了两个小时，真是气死人了！！！”', note: '引语' },
    {
      text: '各位市民注意啦！！！明天起地铁恢复运营',
      note: '连串标点是标点问题（no-stacked-punctuation），不算个人情绪',
    },
    { text: '我靠近一看，原来是一只受伤的小鸟，随即联系了林业部门。', note: '我靠近（误报陷阱）' },
    { text: '全市推进垃圾分类，生活垃圾回收利用率达到38%。', note: '垃圾分类' },
    { text: '严格执行JB/T 10001-2018行业标准，确保产品质量。', note: 'JB/T 标准号' },
    { text: '部分患者出现恶心、呕吐等症状，请及时就医。', note: '症状描述' },
    { text: '帮你妹妹报名幼儿园，只需在“冀时办”上操作。', note: '你妹妹（误报陷阱）' },
    { text: '阳朔碧莲峰景区今日恢复开放。', note: '地名里的碧莲' },
    { text: 'NB-IoT智能水表已覆盖全市5万户。', note: 'NB-IoT' },
    { text: '深入推进“减证便民”，全面清理各类奇葩证明。', note: '奇葩证明是政务用语' },
    { text: '妈妈的味道，就是家乡的味道。', note: '妈妈的（误报陷阱）' },
    { text: '“草”字是艹字头，部首查“艹”部。', note: '说字形的艹字头（“艹”部在引号里）' },
    { text: '患者服了药后症状明显缓解，已出院回家。', note: '服了药' },
    { text: '顺义新盘65-140平米精装1-3居本月开放参观。', note: '数字里的连字符不能拼出“装13”' },
    { text: '你有没有育儿经想分享给新手爸妈呢？加入石榴爸妈的智囊团吧！', note: '爸妈的（妈的）' },
    { text: '他说，没妈的孩子早当家，这些年全靠自己。', note: '没妈的（妈的）' },
    { text: '隔离病房的医疗废物如何处置？固体废物处理中心全天运转。', note: '医疗废物、固体废物（废物）' },
    { text: '经警方调查，该死者系本地居民，排除刑事案件。', note: '该死者（该 + 死者）' },
    { text: '他是我国神经病理学学科的开拓者之一。', note: '神经病理学（神经病）' },
    { text: '袁隆平团队利用水稻杂种优势，培育出高产新品种。', note: '杂种优势（杂种）' },
    { text: '老人笑呵呵地接过慰问品。', note: '笑呵呵（呵呵）' },
    { text: '市残联为智障儿童开设了康复训练课程。', note: '智障儿童是描述，不是辱骂' },
    { text: '孝子苦寻走失智障母亲，民警连夜帮忙找回。', note: '智障 + 指人的词是描述' },
    { text: '智障青年坠楼身亡，祖母被告上法庭。', note: '智障 + 指人的词是描述' },
    { text: '他妈妈是一名社区医生，常年义诊。', note: '他妈妈是称呼（他妈）' },
    { text: '其他妈妈们也赶来帮忙照看孩子。', note: '其他妈妈（他妈）' },
  ],
  invalid: [
    {
      text: '学习！//@某用户:五湖四海老中医，千山万水大傻逼。',
      note: '转发链里的粗口随本单位的微博一起发布：提醒',
      errors: [{ messageId: 'repostedVulgar', at: '傻逼', severity: 'warn' }],
    },
    {
      text: '转发微博//@张三:这帮人就是脑残，无语',
      note: '转发链里的嘲讽用语：提醒',
      errors: [
        { messageId: 'repostedEmotional', at: '脑残', severity: 'warn' },
        { messageId: 'repostedEmotional', at: '无语', severity: 'warn' },
      ],
    },
    {
      text: '我去，这也太离谱了吧',
      note: '感叹的“我去”单独成句',
      errors: [
        { messageId: 'emotional', at: '我去' },
        { messageId: 'emotional', at: '离谱' },
      ],
    },
    {
      text: '我去居然还有这种事',
      note: '感叹的“我去”紧跟“居然”',
      errors: [{ messageId: 'emotional', at: '我去居然' }],
    },
    {
      text: '活该你单身，谁让你挑三拣四',
      note: '书名号外的“活该”是嘲讽',
      errors: [{ messageId: 'emotional', at: '活该' }],
    },
    {
      text: '《霸道总裁》这种弱智剧也能上星？',
      note: '书名号只排除书名号里面的词',
      errors: [{ messageId: 'emotional', at: '弱智' }],
    },
    {
      text: '《装逼指南》今日上映',
      note: '不文明用语在书名里也报（网络流行语：须理由）',
      errors: [{ messageId: 'vulgar', at: '装逼', severity: 'justify' }],
    },
    {
      text: '气死我了，这服务也太垃圾了吧！！！',
      variants: ['spaced'],
      errors: [
        { messageId: 'emotional', at: '气死我了', severity: 'justify' },
        { messageId: 'emotional', at: '太垃圾', severity: 'justify' },
      ],
    },
    {
      text: '我靠，这也行？？？',
      variants: ['spaced'],
      note: '另有字面意思（我靠外挂升级）的不文明用语须理由，不直接拦截',
      errors: [{ messageId: 'vulgar', at: '我靠', severity: 'justify' }],
    },
    {
      text: 'EA《战地3》免费附加服务令动视蛋疼',
      note: '新闻标题用过的网络流行语：须理由，不拦截',
      errors: [{ messageId: 'vulgar', at: '蛋疼', severity: 'justify' }],
    },
    {
      text: '屌丝逆袭成创业明星',
      errors: [{ messageId: 'vulgar', at: '屌丝', severity: 'justify' }],
    },
    {
      text: '#你见过的奇葩图省事行为# 男子图省事钻进安检机',
      note: '奇葩是新闻常用的口语词：只提醒',
      errors: [{ messageId: 'emotional', at: '奇葩', severity: 'warn' }],
    },
    {
      text: '上班第一天就被骂，打工人太难了',
      errors: [{ messageId: 'emotional', at: '太难了', severity: 'warn' }],
    },
    {
      text: '你是智障吧，这都不会',
      note: '骂人的智障照报',
      errors: [{ messageId: 'emotional', at: '智障', severity: 'justify' }],
    },
    { text: '这种人真是不要碧莲。', note: '谐音', errors: [{ messageId: 'vulgar', at: '碧莲', severity: 'block' }] },
    { text: '他妈的，又停水了。', errors: [{ messageId: 'vulgar', at: '他妈的', severity: 'block' }] },
    { text: '艹!!!!!又停水了', errors: [{ messageId: 'vulgar', at: '艹', severity: 'justify' }] },
    { text: '我艹，这也能上热搜', errors: [{ messageId: 'vulgar', at: '我艹', severity: 'block' }] },
    { text: 'mlgb。。又涨价', errors: [{ messageId: 'vulgar', at: 'mlgb', severity: 'block' }] },
    { text: 'fuck！又封路了', errors: [{ messageId: 'vulgar', at: 'fuck', severity: 'block' }] },
    { text: '凎！谁干的', errors: [{ messageId: 'vulgar', at: '凎', severity: 'justify' }] },
    { text: '他妈又停水了，还让不让人活。', errors: [{ messageId: 'vulgar', at: '他妈', severity: 'justify' }] },
    { text: '日你妈，又涨价了', errors: [{ messageId: 'vulgar', at: '日你妈', severity: 'block' }] },
    { text: '前面那个憨批司机又加塞', errors: [{ messageId: 'vulgar', at: '憨批', severity: 'block' }] },
    {
      text: 'yyds！白洋淀的荷花绝绝子',
      errors: [
        { messageId: 'emotional', at: 'yyds' },
        { messageId: 'emotional', at: '绝绝子' },
      ],
    },
    {
      text: '这操作真ＪＢ离谱',
      note: '全角字母',
      errors: [
        { messageId: 'vulgar', at: 'ＪＢ', severity: 'block' },
        { messageId: 'emotional', at: '离谱', severity: 'justify' },
      ],
    },
    { text: '你是不是傻 逼', note: '空格规避', errors: [{ messageId: 'vulgar', at: '傻 逼', severity: 'block' }] },
    { text: '呵呵，又是这套说辞。', errors: [{ messageId: 'emotional', at: '呵呵' }] },
    { text: '服了，又堵了一个小时。', errors: [{ messageId: 'emotional', at: '服了' }] },
    {
      text: '破防了，看完这段视频泪目',
      note: '感人语境用语只提醒',
      errors: [
        { messageId: 'emotional', at: '破防了', severity: 'warn' },
        { messageId: 'emotional', at: '泪目', severity: 'warn' },
      ],
    },
    { text: 'emmmm，怎么说呢', variants: ['spaced'], errors: [{ messageId: 'emotional', at: 'emmmm' }] },
    {
      text: '网友吐槽：“排队太久。”真是离谱！',
      note: '引号结束后是编辑自己的话',
      errors: [{ messageId: 'emotional', at: '离谱' }],
    },
    {
      text: '氣死人了，這什麼鬼安排',
      note: '繁体',
      errors: [
        { messageId: 'emotional', at: '氣死人' },
        { messageId: 'emotional', at: '什麼鬼' },
      ],
    },
    {
      draft: { title: '笑死，这届网友太有才了', body: '一起来看看。' },
      errors: [{ messageId: 'emotional', field: 'title', at: '笑死' }],
    },
  ],
});
