import rule from '../../rules/no-emotional-paragraph';
import { ruleTester } from '../rule-tester';

const ANGRY = '真是气死我了，这帮人简直就是脑子有病，什么玩意儿！';

ruleTester.run(rule, {
  valid: [
    { text: '1月28日，国家卫生健康委召开新闻发布会，介绍疫情防控工作进展。', note: '官方通报' },
    { text: '截至2月3日24时，全省累计报告确诊病例1012例。', note: '数据' },
    { text: '我市启动重污染天气橙色预警，请市民减少户外活动。', note: '预警' },
    {
      text: '对不法分子哄抬物价、囤积居奇的违法行为，市场监管部门将依法严厉打击。',
      note: '严厉的官方口吻不是个人情绪',
    },
    { text: `网友：${ANGRY}`, note: '署名发言，无引号' },
    { text: `有网友留言：“${ANGRY}”`, note: '引号里的话' },
    { text: `@某用户：${ANGRY}`, note: '@用户的发言' },
    { text: ANGRY, options: { model: '' }, note: '不用模型' },
  ],
  invalid: [
    { text: ANGRY, errors: [{ messageId: 'emotional', at: ANGRY, severity: 'justify' }] },
    {
      text: '凭什么让我们自费隔离？这帮官老爷就知道甩锅，恶心透了',
      note: '没有词表里的词',
      errors: [{ messageId: 'emotional', at: '凭什么让我们自费隔离？这帮官老爷就知道甩锅，恶心透了' }],
    },
    {
      text: '这些人到底有没有良心啊，发国难财，不得好死！',
      errors: [{ messageId: 'emotional', at: '这些人到底有没有良心啊，发国难财，不得好死！' }],
    },
    {
      text: '我真的受够了，天天被骗，这破快递到底还送不送了，垃圾！',
      errors: [{ messageId: 'emotional', at: '我真的受够了，天天被骗，这破快递到底还送不送了，垃圾！' }],
    },
    {
      text: '有些人真是够了，自己不戴口罩还骂别人，素质真差！',
      errors: [{ messageId: 'emotional', at: '有些人真是够了，自己不戴口罩还骂别人，素质真差！' }],
    },
    {
      text: '恶心，一群只会吃人血馒头的键盘侠，滚！',
      errors: [{ messageId: 'emotional', at: '恶心，一群只会吃人血馒头的键盘侠，滚！' }],
    },
    {
      text: '红十字会这是干什么吃的？物资都去哪儿了？太让人寒心了！',
      errors: [{ messageId: 'emotional', at: '红十字会这是干什么吃的？物资都去哪儿了？太让人寒心了！' }],
    },
    {
      text: `今天，市卫健委通报了最新疫情。\n${ANGRY}`,
      note: '只报带情绪的那一段',
      errors: [{ messageId: 'emotional', at: ANGRY }],
    },
    {
      text: `转发//@某用户:${ANGRY}`,
      note: '微博转发链随本账号的微博发布：别人的话，只提醒',
      // Typed backwards under a right-to-left override, the paragraph's first typed character is
      // its last displayed one, inside the quoted chain: the checker reads the whole paragraph as
      // quoted. Spaced out, / / @ is no repost chain, and the paragraph is the account's own voice.
      variants: ['overridden', 'spaced'],
      errors: [{ messageId: 'reposted', at: `转发//@某用户:${ANGRY}`, severity: 'warn' }],
    },
    {
      draft: { quoted: { text: ANGRY, author: '某网友' }, body: '转发。' },
      note: '转发的原文也是本账号发布的内容',
      errors: [{ messageId: 'emotional', field: 'quoted', at: ANGRY }],
    },
  ],
});
