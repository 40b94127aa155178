/** The pages the headline-article guard runs on: the v3 and v5 editors and their `aj` endpoints' pages. */
export const CARD_WEIBO_MATCHES = ['https://card.weibo.com/article/*'];
