/** The pages the headline-article guard runs on: the v3 and v5 editors and their `aj` endpoints' pages. */
export const CARD_WEIBO_MATCHES = ['https://card.weibo.com/article/*'];

/**
 * The pages its network gate runs on: the whole host. A frame outside /article/ (or any page
 * there) could otherwise call draft/publish with an untouched fetch; those have no guard and
 * refuse publish requests.
 */
export const CARD_WEIBO_GATE_MATCHES = ['https://card.weibo.com/*'];
