import { describe, expect, it } from 'vitest';
import { checkSelector } from '../../pack-trust/css-selector';
import { checkSites } from '../../pack-trust/sites';
import { SITE_SCHEMA } from '../../adapters/site-schema';

describe('checkSelector', () => {
  it.each([
    'textarea[placeholder="有什么新鲜事想分享给大家？"]',
    '#homeWrap textarea',
    'textarea[class*="_input_"]',
    'button.woo-button-primary:not([disabled])',
    '[class*="_limits_"]',
    '#ueditor_0 .mock-iframe-body .ProseMirror',
    'input[name=title]',
    "input[type='checkbox' i]",
    'a:not([disabled]) > span.woo-button-content',
    'li:nth-child(2n+1)',
    'li:nth-last-of-type(odd)',
    'li:nth-child(2 of .item)',
    '.md\\:flex',
    '#\\31 23',
    'div:has(> textarea[placeholder^="发布你的"])',
    'button:is(.a, .b):where(.c)',
    '[data-v-app]',
    '*',
    'a + b ~ c',
    '.n-dialog .n-button, .n-modal .n-button',
    '  div  >  p  ',
  ])('accepts %s', (selector) => {
    expect(checkSelector(selector)).toBeUndefined();
  });

  it.each([
    ['button:has-text("发送")', '不支持 :has-text(…)（这是 jQuery/Playwright 的写法，不是 CSS）'],
    ['div:contains(发送)', '不支持 :contains(…)'],
    ["//div[@id='x']", 'XPath'],
    ['div::before', '伪元素'],
    ['div { color: red }', '「{」不能出现在这里'],
    ['a[href', '缺少「]」'],
    ['a >', '选择器不完整'],
    ['.', '「.」后应为类名'],
    ['#', '「#」后应为 id'],
    ['[="x"]', '「[」后应为属性名'],
    ['a[href=]', '属性值应为标识符或带引号的文字'],
    ['div:nth-child(x)', '应为 an+b、odd 或 even'],
    ['p:foo', '不支持的伪类 :foo'],
    ['p:not', ':not 需要括号参数'],
    ['a,', '选择器不完整'],
    ['a)', '多余的「)」'],
    ['a[title="未闭合]', '引号没有闭合'],
    [':not(:not(:not(:not(a))))', '嵌套超过 3 层'],
    ['javascript:alert(1)', '不支持 :alert(…)'],
    ['<script>', '「<」不能出现在这里'],
    ['   ', '选择器为空'],
  ])('refuses %s, saying why', (selector, why) => {
    expect(checkSelector(selector)).toContain(why);
  });

  it('says where the problem is', () => {
    expect(checkSelector('div > ::after')).toBe('第 7 个字符处：不接受伪元素（::before 等选不到页面元素）');
  });
});

describe('checkSites', () => {
  it('accepts overrides of known adapters and keys: CSS selectors and control texts', () => {
    expect(
      checkSites(
        {
          weibo: { homeInput: ['textarea.new-composer'], sendLabel: ['发送', '发布'] },
          wechat: { title: ['#title', 'textarea.title'] },
        },
        SITE_SCHEMA,
      ),
    ).toEqual([]);
  });

  it('names unknown adapters, unknown keys, bad selectors and bad control texts precisely', () => {
    expect(
      checkSites(
        {
          twitter: { input: ['textarea'] },
          weibo: {
            sendBtn: ['button'],
            homeInput: ['textarea', 'button:has-text("发送")'],
            sendLabel: ['  ', '发\n送', '很'.repeat(41)],
          },
        },
        SITE_SCHEMA,
      ),
    ).toEqual([
      'sites.twitter: 没有这个适配器（可用：weibo、card-weibo、wechat）',
      expect.stringMatching(
        /^sites\.weibo\.sendBtn: 适配器 weibo 没有可覆盖的选择器「sendBtn」（可用：homeInput、commentInput、/,
      ),
      'sites.weibo.homeInput[1]: 「button:has-text("发送")」不是有效的 CSS 选择器：第 7 个字符处：不支持 :has-text(…)（这是 jQuery/Playwright 的写法，不是 CSS）',
      'sites.weibo.sendLabel[0]: 「  」不是有效的控件文字：控件文字为空',
      'sites.weibo.sendLabel[1]: 「发\n送」不是有效的控件文字：控件文字含有控制字符或换行',
      `sites.weibo.sendLabel[2]: 「${'很'.repeat(41)}」不是有效的控件文字：控件文字超过 40 个字`,
    ]);
  });

  it('does not treat inherited object keys as adapters or keys', () => {
    expect(checkSites({ constructor: { x: ['a'] } }, SITE_SCHEMA)[0]).toContain('没有这个适配器');
    expect(checkSites({ weibo: { toString: ['a'] } }, SITE_SCHEMA)[0]).toContain('没有可覆盖的选择器');
  });
});
