/**
 * The logged-in account from the home HTML's inline `$CONFIG` script (WBC in docs/platform-sources.md), read as
 * text: the isolated world cannot see `window.$CONFIG` itself.
 */
import type { Account } from '../../guard/adapter';

const SCREEN_NAME = /"screen_name"\s*:\s*"((?:[^"\\]|\\.)*)"/;
const IDSTR = /"idstr"\s*:\s*"(\d+)"/;
const ID = /"id"\s*:\s*(\d+)/;

/** Reads `user.screen_name` and `user.idstr` from a script text that sets `$CONFIG`. */
export function accountFromConfigScript(source: string): Account | undefined {
  const at = source.indexOf('$CONFIG');
  if (at < 0) return undefined;
  const userAt = source.indexOf('"user"', at);
  const scope = userAt >= 0 ? source.slice(userAt) : source.slice(at);
  const name = SCREEN_NAME.exec(scope);
  if (!name) return undefined;
  let screenName: string;
  try {
    screenName = JSON.parse(`"${name[1]}"`) as string;
  } catch {
    return undefined;
  }
  const id = IDSTR.exec(scope)?.[1] ?? ID.exec(scope)?.[1];
  return { name: screenName, ...(id ? { id } : {}) };
}

export function accountFromScripts(doc: Document): Account | undefined {
  for (const script of doc.scripts) {
    if (script.src) continue;
    const found = accountFromConfigScript(script.text);
    if (found) return found;
  }
  return undefined;
}
