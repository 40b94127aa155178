/**
 * Every adapter's selector table by adapter id: what a rule pack's `sites.<adapter id>` may
 * override. Pure data, so pack tools in Node can check a pack's overrides before signing it.
 */
import { resolveSelectors, type SelectorTable } from '../utils/guard/selectors';
import { CARD_WEIBO_SELECTORS } from './card-weibo/selectors';
import { WECHAT_SELECTORS } from './wechat/selectors';
import { WEIBO_SELECTORS } from './weibo/selectors';

export const SELECTOR_TABLES: Readonly<Record<string, SelectorTable>> = {
  weibo: WEIBO_SELECTORS,
  'card-weibo': CARD_WEIBO_SELECTORS,
  wechat: WECHAT_SELECTORS,
};

/**
 * Problems with a pack's selector overrides that can be seen without a browser: unknown adapters,
 * unknown keys, empty entries. (Whether a CSS selector parses is checked where it is used.)
 */
export function checkSiteOverrides(sites: Record<string, Record<string, readonly string[]>>): string[] {
  const problems: string[] = [];
  for (const [adapterId, overrides] of Object.entries(sites)) {
    const table = SELECTOR_TABLES[adapterId];
    if (!table) {
      problems.push(`规则包 sites.${adapterId}：没有这个适配器（可用：${Object.keys(SELECTOR_TABLES).join('、')}）`);
      continue;
    }
    problems.push(...resolveSelectors(table, overrides, adapterId, (s) => s.trim() !== '').problems);
  }
  return problems;
}
