/**
 * Every adapter's selector table by adapter id: what a rule pack's `sites.<adapter id>` may
 * override (adapters/site-schema.ts). Pure data, so pack tools in Node can check a pack's overrides
 * before signing it.
 */
import type { SelectorTable } from '../guard/selectors';
import { CARD_WEIBO_SELECTORS } from './card-weibo/selectors';
import { WECHAT_SELECTORS } from './wechat/selectors';
import { WEIBO_SELECTORS } from './weibo/selectors';

export const SELECTOR_TABLES: Readonly<Record<string, SelectorTable>> = {
  weibo: WEIBO_SELECTORS,
  'card-weibo': CARD_WEIBO_SELECTORS,
  wechat: WECHAT_SELECTORS,
};
