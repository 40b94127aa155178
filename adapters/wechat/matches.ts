/**
 * The pages the WeChat guard runs on. The whole platform, not only the editor: a page script on
 * any mp.weixin.qq.com page could call `masssend`, so the network gate sits on all of them; the
 * adapter guards controls only where it recognises an editor.
 */
export const WECHAT_MATCHES = ['https://mp.weixin.qq.com/*'];
