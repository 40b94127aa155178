import rule from '../../rules/no-shop-link';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    {
      draft: {
        body: '详见市政府官网通知。',
        links: [{ href: 'https://www.bd.gov.cn/content-12.html', text: '通知全文' }],
      },
      note: '政府网站',
    },
    { text: '京东（JD.com）今日发布2026年社会责任报告，带动农产品销售超百亿元。', note: '只写注册域名，是提到公司' },
    { text: '原文见 https://weibo.com/1234567890/Pq8xYz?from=taobao.com 。', note: '域名出现在查询参数里' },
    { text: '警惕钓鱼网站 https://taobao.com.fake-site.cn/login ，请勿输入账号密码。', note: '伪装成淘宝的钓鱼网址' },
    { text: '“淘宝村”数量连续三年全省第一，电商直播带动返乡创业。', note: '提到淘宝，没有链接' },
    {
      draft: {
        body: '转自新华网。',
        source: { name: '新华网', url: 'https://www.news.cn/politics/2026-11/29/c_1130.htm' },
      },
      note: '声明的原文链接',
    },
    { text: '该项目中标金额为￥12800000元，工期180天。', note: '￥ 开头的价格不是淘口令' },
    { text: '国际金价报每盎司$2650.40$以上，较上周上涨1.2%。', note: '$…$ 没有淘宝、复制等字样' },
    { text: '访问 www.gov.cn 查看国务院常务会议全文。', note: '中国政府网' },
  ],
  // Hrefs and the declared 原文链接 come from the platform's controls: the tester leaves them as
  // they are, so cases whose findings are in those fields have no disguised variants.
  invalid: [
    {
      variants: false,
      draft: {
        body: '好物推荐，点击链接。',
        links: [{ href: 'https://item.taobao.com/item.htm?id=6543210', text: '链接' }],
      },
      errors: [
        {
          messageId: 'shopLink',
          field: 'links[0]',
          at: 'https://item.taobao.com/item.htm?id=6543210',
          severity: 'block',
        },
      ],
    },
    {
      draft: {
        body: '年货节来了。',
        links: [{ href: 'https://www.bd.gov.cn/a.html' }, { href: 'HTTPS://S.CLICK.TAOBAO.COM/t?e=m%3D2%26s%3Dxyz' }],
      },
      note: '只报商店链接；主机名大写',
      variants: false,
      errors: [{ messageId: 'shopLink', field: 'links[1]', at: 'HTTPS://S.CLICK.TAOBAO.COM/t?e=m%3D2%26s%3Dxyz' }],
    },
    {
      variants: false,
      draft: {
        body: '转载。',
        source: { name: '某店铺', url: 'https://mobile.yangkeduo.com/goods.html?goods_id=1234' },
      },
      errors: [
        { messageId: 'shopLink', field: 'source.url', at: 'https://mobile.yangkeduo.com/goods.html?goods_id=1234' },
      ],
    },
    {
      text: '详情戳 https://m.tb.cn/h.5XyZabc 马上抢',
      note: '正文里打出的短链接',
      variants: ['spaced'],
      errors: [{ messageId: 'shopLink', at: 'https://m.tb.cn/h.5XyZabc' }],
    },
    {
      text: '家乡特产在这里：item.jd.com/100012043978.html',
      note: '不带协议、带路径',
      variants: ['spaced'],
      errors: [{ messageId: 'shopLink', at: 'item.jd.com/100012043978.html' }],
    },
    {
      text: '进店看看 ｗｗｗ．ｗｅｉｄｉａｎ．ｃｏｍ／ｓ／８８６６',
      note: '全角网址',
      variants: ['spaced'],
      errors: [{ messageId: 'shopLink', at: 'ｗｗｗ．ｗｅｉｄｉａｎ．ｃｏｍ／ｓ／８８６６' }],
    },
    {
      text: '复制这段描述￥AbCd1234XyZ￥后到淘宝打开',
      note: '淘口令',
      variants: ['spaced'],
      errors: [{ messageId: 'shopCode', at: '￥AbCd1234XyZ￥' }],
    },
    {
      text: '€Hx8Kd92LmQ€ 复制整段话打开手机淘宝即可领取',
      note: '换了符号的淘口令，附近有“淘宝”“复制”',
      variants: ['spaced'],
      errors: [{ messageId: 'shopCode', at: '€Hx8Kd92LmQ€' }],
    },
    {
      text: '打开 openapp.jdmobile://virtual?params=abc 直达商品',
      note: 'App 跳转链接报整个链接',
      variants: ['spaced'],
      errors: [{ messageId: 'shopCode', at: 'openapp.jdmobile://virtual?params=abc' }],
    },
    {
      draft: { body: '点这里。', links: [{ href: 'pddopen://?appKey=123&h5Url=goods.html' }] },
      note: '富文本里的 App 跳转链接',
      variants: false,
      errors: [{ messageId: 'shopCode', field: 'links[0]', at: 'pddopen://?appKey=123&h5Url=goods.html' }],
    },
    {
      draft: { body: '转发微博', quoted: { text: '新品上架 https://shop12345.youzan.com/v2/goods/2x8 欢迎选购' } },
      note: '被转发内容里的店铺链接',
      variants: ['spaced'],
      errors: [{ messageId: 'shopLink', field: 'quoted', at: 'https://shop12345.youzan.com/v2/goods/2x8' }],
    },
    {
      draft: { title: '年货清单 https://u.jd.com/AbC12x', body: '见标题。' },
      variants: ['spaced'],
      errors: [{ messageId: 'shopLink', field: 'title', at: 'https://u.jd.com/AbC12x' }],
    },
  ],
});
