/**
 * Reading page data from inline script text. A content script runs in an isolated world and
 * cannot see page globals (`window.wx`, `$CONFIG`), but it can read the scripts' source, where
 * platforms print the logged-in account. Values may arrive with `\uXXXX` escapes (a JSON string
 * inside a JavaScript string literal), so they are unescaped here.
 */

/** Decodes `\uXXXX` escapes, single or doubled (`\\uXXXX`), and `\/`. */
export function unescapeJs(value: string): string {
  return value
    .replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+\//g, '/');
}

/**
 * The first capture of `pattern` in the page's inline scripts, unescaped, or undefined. The
 * pattern must have one capture group.
 */
export function inlineScriptValue(doc: Document, pattern: RegExp): string | undefined {
  for (const script of doc.scripts) {
    if (script.src) continue;
    const m = pattern.exec(script.textContent ?? '');
    if (m?.[1]) return unescapeJs(m[1]).trim() || undefined;
  }
  return undefined;
}

/** A `key: "value"` / `"key":"value"` / `['key'] = 'value'` assignment's value, for `key`. */
export function keyedValue(key: string): RegExp {
  return new RegExp(
    `(?:(?<![\\w$])["']?${key}["']?\\s*:|\\[\\s*["']${key}["']\\s*\\]\\s*=)\\s*\\\\*["']([^"'\\\\]*(?:\\\\+u[0-9a-fA-F]{4}[^"'\\\\]*)*)\\\\*["']`,
  );
}

/** A numeric `key: 123` / `['key'] = 123` assignment (quoted or not), for ids. */
export function keyedNumber(key: string): RegExp {
  return new RegExp(`(?:(?<![\\w$])["']?${key}["']?\\s*:|\\[\\s*["']${key}["']\\s*\\]\\s*=)\\s*\\\\*["']?(\\d+)`);
}
