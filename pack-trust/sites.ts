/**
 * Full validation of a pack's site selector overrides: the pack validator checks their shape; this
 * checks that each adapter and key exists (adapters/site-schema.ts), that each CSS selector is
 * declarative CSS (css-selector.ts) and that each control text is a plain, short label.
 */
import type { Pack } from '../rules/engine/pack';
import type { SiteSchema } from '../adapters/site-schema';
import { checkSelector } from './css-selector';

export const MAX_CONTROL_TEXT = 40;

function checkControlText(value: string): string | undefined {
  if (value.trim() === '') return '控件文字为空';
  if (value.length > MAX_CONTROL_TEXT) return `控件文字超过 ${MAX_CONTROL_TEXT} 个字`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return '控件文字含有控制字符或换行';
  return undefined;
}

export function checkSites(sites: Pack['sites'], schema: SiteSchema): string[] {
  const errors: string[] = [];
  for (const [adapter, table] of Object.entries(sites)) {
    const keys = Object.hasOwn(schema, adapter) ? schema[adapter] : undefined;
    if (!keys) {
      errors.push(`sites.${adapter}: 没有这个适配器（可用：${Object.keys(schema).join('、')}）`);
      continue;
    }
    for (const [key, values] of Object.entries(table)) {
      const spec = Object.hasOwn(keys, key) ? keys[key] : undefined;
      if (!spec) {
        errors.push(
          `sites.${adapter}.${key}: 适配器 ${adapter} 没有可覆盖的选择器「${key}」（可用：${Object.keys(keys).join('、')}）`,
        );
        continue;
      }
      values.forEach((value, i) => {
        const problem = spec.kind === 'css' ? checkSelector(value) : checkControlText(value);
        if (problem)
          errors.push(
            `sites.${adapter}.${key}[${i}]: 「${value}」不是有效的${spec.kind === 'css' ? ' CSS 选择器' : '控件文字'}：${problem}`,
          );
      });
    }
  }
  return errors;
}
