import { describe, expect, it } from 'vitest';
import rule, { single } from '../../rules/no-stacked-punctuation';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    { text: '致敬！最美逆行者，太暖了！', note: '中央媒体常用的单个感叹号' },
    { text: '你打过疫苗了吗？还没打的抓紧预约！', note: '单个问号、感叹号' },
    { text: '真的吗？！', note: '问号后加一个叹号（GB/T 15834 允许）：只有两个，不报' },
    {
      text: '【转起辟谣！关于新冠病毒的谣言】 ??? @央视新闻',
      note: '不跟在任何字后面的问号串：复制时丢失的表情符号，不是句子的语气',
    },
    { text: '#全国确诊新型肺炎病例# http://t.cn/RXnNTiO ???', note: '链接和话题后面的问号串' },
    { text: '市民李先生说：“等了两个小时，真是气死人了！！！”', note: '引语里是说话人的标点' },
    { text: '网友留言：“这也太离谱了吧？？？”记者随即联系了相关部门。', note: '网友留言' },
    { text: '转发微博//@某网友:太感动了！！！', note: '转发链里是原作者的标点' },
  ],
  invalid: [
    {
      text: '各位市民注意啦！！！明天起地铁2号线恢复运营。',
      variants: ['spaced'],
      errors: [{ messageId: 'stacked', at: '！！！', suggestion: '！', severity: 'warn' }],
    },
    {
      text: '这也行？？？',
      variants: ['spaced'],
      errors: [{ messageId: 'stacked', at: '？？？', suggestion: '？' }],
    },
    {
      text: '武汉???',
      note: '跟在字后面的问号串是句子的语气；半角的改为半角',
      variants: ['spaced', 'full-width'],
      errors: [{ messageId: 'stacked', at: '???', suggestion: '?' }],
    },
    {
      text: '这是要逼死我们吗？！？ http://t.cn/a6vd8e6p',
      note: '问中带感叹：改为“？！”',
      variants: ['spaced'],
      errors: [{ messageId: 'stacked', at: '？！？', suggestion: '？！' }],
    },
    {
      text: '（详见附件）！！！请各单位按时报送。',
      note: '右括号后面',
      variants: ['spaced'],
      errors: [{ messageId: 'stacked', at: '！！！', suggestion: '！' }],
    },
    {
      text: '截至今天，全市已接种100万剂次！！！！',
      note: '数字后面',
      variants: ['spaced'],
      errors: [{ messageId: 'stacked', at: '！！！！', suggestion: '！' }],
    },
    {
      text: '他说：“已经修好了。”可是又停水了？？？',
      note: '引语结束后又是编辑自己的话',
      variants: ['spaced'],
      errors: [{ messageId: 'stacked', at: '？？？', suggestion: '？' }],
    },
    {
      text: '好消息！！！新院区下周启用，挂号请走东门！！！',
      variants: ['spaced'],
      errors: [
        { messageId: 'stacked', at: '！！！', occurrence: 0, suggestion: '！' },
        { messageId: 'stacked', at: '！！！', occurrence: 1, suggestion: '！' },
      ],
    },
  ],
});

describe('the single mark a run becomes', () => {
  it('keeps the question, adds one exclamation when the run has both, in the run’s own width', () => {
    expect(single('！！！')).toBe('！');
    expect(single('？？？？')).toBe('？');
    expect(single('!!!')).toBe('!');
    expect(single('?!?')).toBe('?!');
    expect(single('！？！')).toBe('？！');
  });
});
