/**
 * Which requests publish. An adapter declares its platform's publish endpoints (held by the
 * MAIN-world network gate until the guard answers) and its autosave endpoints (declared so tests
 * can prove they are never held). Pure data plus a matcher: this file is bundled into the MAIN
 * world, which must stay small and must not import the engine.
 */

export interface EndpointRule {
  /** Stable name, recorded with the attempt: `statuses/update`, `masssend`… */
  id: string;
  /** `publish` requests are held until the verdict; `autosave` requests are never held. */
  role: 'publish' | 'autosave';
  /** Hosts the rule applies to; the page's own host when absent. */
  hosts?: readonly string[];
  /** Exact path, or a pattern on the path. */
  path: string | RegExp;
  /** Query parameters that must have these values (`null`: must be absent). */
  query?: Readonly<Record<string, string | RegExp | null>>;
  /** HTTP methods; POST when absent. */
  methods?: readonly string[];
}

/** A publish request as the MAIN world hands it to the guard: everything is plain data. */
export interface HeldRequest {
  /** Unique per request within the page. */
  id: string;
  /** The matching rule's id. */
  endpoint: string;
  method: string;
  url: string;
  /** Body fields: form-encoded, multipart (files by name) or top-level JSON values. */
  fields: Record<string, string>;
  /** Query parameters of the URL. */
  query: Record<string, string>;
  via: 'fetch' | 'xhr' | 'beacon';
}

function matchesValue(expected: string | RegExp | null, actual: string | null): boolean {
  if (expected === null) return actual === null;
  if (actual === null) return false;
  return typeof expected === 'string' ? expected === actual : expected.test(actual);
}

/** The first rule a request matches, or undefined. `pageHost` stands in for rules without hosts. */
export function matchEndpoint(
  rules: readonly EndpointRule[],
  method: string,
  url: URL,
  pageHost: string,
): EndpointRule | undefined {
  const m = method.toUpperCase();
  for (const rule of rules) {
    if (!(rule.methods ?? ['POST']).includes(m)) continue;
    if (!(rule.hosts ?? [pageHost]).includes(url.host)) continue;
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (typeof rule.path === 'string' ? rule.path !== path : !rule.path.test(path)) continue;
    if (rule.query && !Object.entries(rule.query).every(([k, v]) => matchesValue(v, url.searchParams.get(k)))) continue;
    return rule;
  }
  return undefined;
}
