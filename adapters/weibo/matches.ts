/** The pages the weibo.com guard runs on (card.weibo.com headline articles have their own adapter). */
export const WEIBO_MATCHES = ['https://weibo.com/*', 'https://www.weibo.com/*'];
