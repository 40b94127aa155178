/**
 * Selector tables and their lookup. An adapter lists, per key, CSS selectors (`css`) or visible
 * control texts (`text`), most stable first: ids, placeholders and button texts before anything
 * else; hashed CSS-module classes only by substring (`[class*="_input_"]`) and last. A rule pack
 * may replace a key's list (`pack.sites.<adapter id>.<key>`); unknown keys and selectors that do
 * not parse are reported, never silently dropped.
 */

export interface SelectorSpec {
  kind: 'css' | 'text';
  values: readonly string[];
  /** Where the hook comes from and since when it is seen (tags of docs/platform-sources.md), for maintainers. */
  note?: string;
}

export type SelectorTable<K extends string = string> = Record<K, SelectorSpec>;

export function css(values: readonly string[], note?: string): SelectorSpec {
  return { kind: 'css', values, note };
}

export function text(values: readonly string[], note?: string): SelectorSpec {
  return { kind: 'text', values, note };
}

/** The resolved table an adapter queries with. Keys are checked at compile time. */
export interface Selectors<K extends string> {
  /** The selector list in force for a CSS key. */
  list(key: K): readonly string[];
  /** The texts in force for a text key. */
  texts(key: K): readonly string[];
  /** The first element matching the key's selectors, tried in order. */
  first(root: ParentNode, key: K): Element | null;
  /** All elements matching any of the key's selectors, in document order, without duplicates. */
  all(root: ParentNode, key: K): Element[];
  /** `el` or its nearest ancestor matching any of the key's selectors. */
  closest(el: Element, key: K): Element | null;
  /** Whether `el` matches any of the key's selectors. */
  matches(el: Element, key: K): boolean;
  /** Whether the element's visible text equals one of the key's texts. */
  hasText(el: Element, key: K): boolean;
}

export interface ResolvedSelectors<K extends string> {
  selectors: Selectors<K>;
  /** Problems with the overrides (unknown key, bad selector), in Chinese, for the notice and log. */
  problems: string[];
}

/** Whether a CSS selector parses. A pack may carry anything; a bad one must not break lookups. */
export function parses(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * Applies a pack's overrides (`pack.sites[adapterId]`) to an adapter's table. An override replaces
 * the key's list; selectors that do not parse are dropped with a problem, and if none is left the
 * adapter's own list stays in force.
 */
export function resolveSelectors<K extends string>(
  table: SelectorTable<K>,
  overrides: Record<string, readonly string[]> | undefined,
  adapterId: string,
  check: (selector: string) => boolean = parses,
): ResolvedSelectors<K> {
  const problems: string[] = [];
  const lists = new Map<K, readonly string[]>();
  for (const key of Object.keys(table) as K[]) lists.set(key, table[key].values);
  for (const [key, values] of Object.entries(overrides ?? {})) {
    if (!Object.hasOwn(table, key)) {
      problems.push(
        `规则包 sites.${adapterId}.${key}：适配器没有这个选择器名（可用：${Object.keys(table).join('、')}）`,
      );
      continue;
    }
    const spec = table[key as K];
    const good = spec.kind === 'css' ? values.filter((v) => check(v)) : values.filter((v) => v.trim() !== '');
    for (const bad of values.filter((v) => !good.includes(v)))
      problems.push(`规则包 sites.${adapterId}.${key}：无效的选择器「${bad}」`);
    if (good.length) lists.set(key as K, good);
  }
  return { selectors: makeSelectors(table, lists), problems };
}

/** The visible label of a control: its text with whitespace removed (button texts are short). */
export function controlText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, '');
}

/** The control's accessible name where the page gives one (aria-label), whitespace removed. */
function accessibleName(el: Element): string {
  return (el.getAttribute('aria-label') ?? '').replace(/\s+/g, '');
}

function makeSelectors<K extends string>(table: SelectorTable<K>, lists: Map<K, readonly string[]>): Selectors<K> {
  const listOf = (key: K, kind: SelectorSpec['kind']): readonly string[] => {
    if (table[key]?.kind !== kind) throw new Error(`选择器「${key}」不是 ${kind} 类型`);
    return lists.get(key)!;
  };
  // Joined once per key: one querySelector call per lookup instead of one per selector.
  const joined = new Map<K, string>();
  const union = (key: K) => {
    let s = joined.get(key);
    if (s === undefined) joined.set(key, (s = listOf(key, 'css').join(',')));
    return s;
  };
  return {
    list: (key) => listOf(key, 'css'),
    texts: (key) => listOf(key, 'text'),
    first(root, key) {
      for (const sel of listOf(key, 'css')) {
        const el = root.querySelector(sel);
        if (el) return el;
      }
      return null;
    },
    all: (root, key) => [...root.querySelectorAll(union(key))],
    closest: (el, key) => el.closest(union(key)),
    matches: (el, key) => el.matches(union(key)),
    hasText(el, key) {
      const label = controlText(el);
      const name = accessibleName(el);
      return listOf(key, 'text').some((t) => t === label || t === name);
    },
  };
}
