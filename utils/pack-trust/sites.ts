/**
 * Full validation of a pack's site selector overrides: the pack validator checks their shape; this
 * checks that each adapter and key exists (utils/site-selectors.ts) and that each selector is
 * declarative CSS (css-selector.ts).
 */
import type { Pack } from '../../rules/engine/pack';
import { checkSelector } from './css-selector';

export function checkSites(sites: Pack['sites'], known: Readonly<Record<string, readonly string[]>>): string[] {
  const errors: string[] = [];
  for (const [adapter, table] of Object.entries(sites)) {
    const keys = Object.hasOwn(known, adapter) ? known[adapter] : undefined;
    if (!keys) {
      errors.push(`sites.${adapter}: 没有这个适配器（可用：${Object.keys(known).join('、')}）`);
      continue;
    }
    for (const [key, selectors] of Object.entries(table)) {
      if (!keys.includes(key)) {
        errors.push(`sites.${adapter}.${key}: 适配器 ${adapter} 没有可覆盖的选择器「${key}」（可用：${keys.join('、')}）`);
        continue;
      }
      selectors.forEach((selector, i) => {
        const problem = checkSelector(selector);
        if (problem) errors.push(`sites.${adapter}.${key}[${i}]: 「${selector}」不是有效的 CSS 选择器：${problem}`);
      });
    }
  }
  return errors;
}
