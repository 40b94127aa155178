/**
 * Which requests publish, decided the way a lenient server would route them, so that no spelling
 * of an endpoint slips past: the host without a trailing dot or a leading `www.`, whatever the
 * port; the path percent-decoded until it no longer changes, in lower case, with `\` as `/`,
 * repeated slashes and `.` segments dropped, `..` applied, `;parameters` and a final `.suffix`
 * removed; parameters read from the query and the body alike (a server may merge them), split
 * on `&` and `;`.
 *
 * Where rules share a path and parameters tell them apart (WeChat `operate_appmsg?sub=preview`
 * publishes, `sub=update` saves; `masssend` publishes unless it is a pre-check), a request counts
 * as publishing when any reading of its parameters says so — a parameter spelled in another case,
 * padded, repeated, or given in the query and the body — and as a save or a pre-check only when
 * every parameter that tells them apart appears exactly once, spelled exactly. Where the body
 * cannot be read here (the MAIN world reads only forms), such a request is `AMBIGUOUS`, and the
 * guard decides with the whole body.
 *
 * `makeClassifier` is self-contained (see natives.ts): it is also installed in workers as text.
 */
import type { Natives } from './natives';

export type EndpointRole = 'publish' | 'autosave' | 'check';

export interface EndpointRule {
  /** Stable name, recorded with the attempt: `statuses/update`, `masssend`… */
  id: string;
  /** `publish` requests are held until the verdict; saves and pre-checks are never held. */
  role: EndpointRole;
  /** Hosts, lower case, without `www.` (a `www.` host is the same host). */
  hosts: readonly string[];
  /**
   * The path: segments in lower case, `*` for any one segment, `{a,b}` for alternatives, e.g.
   * `/article/* /aj/editor/draft/{publish,publishtiming}` (without the space).
   */
  path: string;
  /**
   * Parameters that tell this rule apart from others on the same path: a value, one of several
   * values, or `null` for "absent". A rule without them is its path's default.
   */
  params?: Readonly<Record<string, string | readonly string[] | null>>;
}

export interface Param {
  name: string;
  value: string;
}

/** A request on a path where parameters decide, whose body could not be read: the guard decides. */
export const AMBIGUOUS = 'ambiguous';

export interface Classifier {
  /** Whether the URL is on a host and path some rule names, whatever its parameters. */
  guarded(url: string): boolean;
  /**
   * The rule the request matches, AMBIGUOUS, or null. `body`: the body's parameters, or null when
   * they are not known.
   */
  match(url: string, body: ArrayLike<Param> | null): EndpointRule | typeof AMBIGUOUS | null;
  /** The query's parameters, decoded. */
  query(url: string): Param[];
  /** Form-encoded text (`a=1&b=2`) read into parameters, `+` as space, UTF-8. */
  form(text: string): Param[];
}

export function makeClassifier(rules: readonly EndpointRule[], n: Natives): Classifier {
  'use strict';
  // Lists are walked by index, not with for…of (the page owns Array.prototype's iterator): each
  // `list[i]!` below reads inside the list's own length.
  const AMBIG = 'ambiguous';
  const code = (s: string, i: number) => n.charCodeAt(s, i);
  /** Appends without a `[]=` a page could intercept with an index setter on Array.prototype. */
  const setAt = <T>(list: T[], index: number, value: T): void => {
    n.defineProperty(list, index, {
      __proto__: null,
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  };
  const put = <T>(list: T[], value: T): void => setAt(list, list.length, value);
  const isSpace = (c: number) => c <= 0x20 || c === 0x7f;
  const hexValue = (c: number) =>
    c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;

  /** Percent-decodes into UTF-8 text (`+` as space when `plus`); bad escapes stay as they are. */
  const decode = (s: string, plus: boolean): string => {
    if (n.indexOf(s, '%') < 0 && (!plus || n.indexOf(s, '+') < 0)) return s;
    const bytes = new n.Uint8Array(s.length * 3);
    let len = 0;
    for (let i = 0; i < s.length; i++) {
      const c = code(s, i);
      if (c === 0x25 && i + 2 < s.length) {
        const hi = hexValue(code(s, i + 1));
        const lo = hexValue(code(s, i + 2));
        if (hi >= 0 && lo >= 0) {
          bytes[len++] = hi * 16 + lo;
          i += 2;
          continue;
        }
      }
      if (plus && c === 0x2b) bytes[len++] = 0x20;
      else if (c < 0x80) bytes[len++] = c;
      else {
        const encoded = n.encodeUtf8(n.slice(s, i, i + 1 + (c >= 0xd800 && c <= 0xdbff ? 1 : 0)));
        for (let k = 0; k < n.typedLength(encoded); k++) bytes[len++] = encoded[k]!;
        if (c >= 0xd800 && c <= 0xdbff) i++;
      }
    }
    return n.decodeUtf8(n.typedSlice(bytes, 0, len));
  };
  const decodeFully = (s: string, plus: boolean): string => {
    let out = s;
    for (let i = 0; i < 4; i++) {
      const next = decode(out, plus);
      if (next === out) break;
      out = next;
    }
    return out;
  };
  const trim = (s: string): string => {
    let a = 0;
    let b = s.length;
    while (a < b && isSpace(code(s, a))) a++;
    while (b > a && isSpace(code(s, b - 1))) b--;
    return n.slice(s, a, b);
  };
  /** Splits on any of the separator characters. */
  const split = (s: string, seps: string): string[] => {
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i <= s.length; i++) {
      if (i === s.length || n.indexOf(seps, n.slice(s, i, i + 1)) >= 0) {
        put(out, n.slice(s, start, i));
        start = i + 1;
      }
    }
    return out;
  };
  const params = (text: string): Param[] => {
    const out: Param[] = [];
    const pairs = split(text, '&;');
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i]!;
      if (pair === '') continue;
      const eq = n.indexOf(pair, '=');
      const p = n.create(null) as Param;
      p.name = decode(eq < 0 ? pair : n.slice(pair, 0, eq), true);
      p.value = eq < 0 ? '' : decode(n.slice(pair, eq + 1), true);
      put(out, p);
    }
    return out;
  };
  const normName = (name: string): string => {
    let out = n.toLowerCase(trim(decodeFully(name, true)));
    if (out.length > 2 && n.slice(out, out.length - 2) === '[]') out = n.slice(out, 0, out.length - 2);
    return out;
  };
  const normValue = (value: string): string => n.toLowerCase(trim(decodeFully(value, true)));

  const normHost = (host: string): string => {
    let h = n.toLowerCase(host);
    const colon = n.indexOf(h, ':');
    if (colon >= 0 && n.indexOf(h, ']') < 0) h = n.slice(h, 0, colon);
    while (h.length && code(h, h.length - 1) === 0x2e) h = n.slice(h, 0, h.length - 1);
    if (n.slice(h, 0, 4) === 'www.') h = n.slice(h, 4);
    return h;
  };
  /** The path as a lenient server routes it; a second reading without the last segment's suffix. */
  const pathReadings = (pathname: string): string[][] => {
    let path = decodeFully(pathname, false);
    let text = '';
    for (let i = 0; i < path.length; i++) {
      const c = code(path, i);
      text += c === 0x5c ? '/' : n.slice(path, i, i + 1);
    }
    path = n.toLowerCase(text);
    const segments: string[] = [];
    let count = 0;
    const raw = split(path, '/');
    for (let i = 0; i < raw.length; i++) {
      let seg = raw[i]!;
      const semi = n.indexOf(seg, ';');
      if (semi >= 0) seg = n.slice(seg, 0, semi);
      seg = trim(seg);
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (count > 0) count--;
        continue;
      }
      setAt(segments, count++, seg);
    }
    const exact: string[] = [];
    for (let i = 0; i < count; i++) put(exact, segments[i]!);
    const readings: string[][] = [exact];
    if (count > 0) {
      const last = exact[count - 1]!;
      const dot = n.indexOf(last, '.');
      if (dot > 0) {
        const bare: string[] = [];
        for (let i = 0; i < count - 1; i++) put(bare, exact[i]!);
        put(bare, n.slice(last, 0, dot));
        put(readings, bare);
      }
    }
    return readings;
  };

  interface Compiled {
    rule: EndpointRule;
    hosts: string[];
    /** Per segment: the accepted spellings, or null for any. */
    segments: (string[] | null)[];
    params: { name: string; values: string[] | null }[];
  }
  const compiled: Compiled[] = [];
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const hosts: string[] = [];
    for (let i = 0; i < rule.hosts.length; i++) hosts[i] = normHost(rule.hosts[i]!);
    const parts = split(n.toLowerCase(rule.path), '/');
    const segments: (string[] | null)[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === '') continue;
      if (part === '*') segments[segments.length] = null;
      else if (code(part, 0) === 0x7b) segments[segments.length] = split(n.slice(part, 1, part.length - 1), ',');
      else segments[segments.length] = [part];
    }
    const ps: { name: string; values: string[] | null }[] = [];
    if (rule.params) {
      const keys = n.ownKeys(rule.params) as string[];
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const v = rule.params[key];
        ps[i] = { name: key, values: v === null ? null : typeof v === 'string' ? [v] : (v as string[]) };
      }
    }
    compiled[r] = { rule, hosts, segments, params: ps };
  }

  const onPath = (c: Compiled, host: string, readings: string[][]): boolean => {
    let hostOk = false;
    for (let i = 0; i < c.hosts.length; i++) if (c.hosts[i] === host) hostOk = true;
    if (!hostOk) return false;
    for (let k = 0; k < readings.length; k++) {
      const segs = readings[k]!;
      if (segs.length !== c.segments.length) continue;
      let ok = true;
      for (let i = 0; i < segs.length && ok; i++) {
        const accepted = c.segments[i]!;
        if (accepted === null) continue;
        let any = false;
        for (let j = 0; j < accepted.length; j++) if (accepted[j] === segs[i]) any = true;
        ok = any;
      }
      if (ok) return true;
    }
    return false;
  };

  const parse = (url: string) => {
    let u: unknown;
    try {
      u = new n.URL(url);
    } catch {
      return null;
    }
    const search = n.urlSearch(u);
    return {
      host: normHost(n.urlHost(u)),
      readings: pathReadings(n.urlPathname(u)),
      query: params(search.length ? n.slice(search, 1) : ''),
    };
  };
  const candidates = (host: string, readings: string[][]): Compiled[] => {
    const out: Compiled[] = [];
    for (let i = 0; i < compiled.length; i++) {
      const c = compiled[i]!;
      if (onPath(c, host, readings)) put(out, c);
    }
    return out;
  };

  const lenient = (c: Compiled, all: Param[]): boolean => {
    for (let i = 0; i < c.params.length; i++) {
      const { name, values } = c.params[i]!;
      if (values === null) continue;
      let found = false;
      for (let k = 0; k < all.length && !found; k++) {
        const param = all[k]!;
        if (normName(param.name) !== name) continue;
        const v = normValue(param.value);
        for (let j = 0; j < values.length; j++) if (n.toLowerCase(values[j]!) === v) found = true;
      }
      if (!found) return false;
    }
    return true;
  };
  const strict = (c: Compiled, all: Param[]): boolean => {
    for (let i = 0; i < c.params.length; i++) {
      const { name, values } = c.params[i]!;
      let seen = 0;
      let exact = 0;
      let value = '';
      for (let k = 0; k < all.length; k++) {
        const param = all[k]!;
        if (normName(param.name) !== name) continue;
        seen++;
        if (param.name === name) {
          exact++;
          value = param.value;
        }
      }
      if (seen !== exact) return false;
      if (values === null) {
        if (seen !== 0) return false;
        continue;
      }
      if (seen !== 1) return false;
      let ok = false;
      for (let j = 0; j < values.length; j++) if (values[j] === value) ok = true;
      if (!ok) return false;
    }
    return true;
  };

  return {
    guarded(url) {
      const p = parse(url);
      return p !== null && candidates(p.host, p.readings).length > 0;
    },
    match(url, body) {
      const p = parse(url);
      if (p === null) return null;
      const found = candidates(p.host, p.readings);
      if (!found.length) return null;
      let anyParams = false;
      for (let i = 0; i < found.length; i++) if (found[i]!.params.length) anyParams = true;
      if (anyParams && body === null) return AMBIG;
      const all: Param[] = [];
      for (let i = 0; i < p.query.length; i++) put(all, p.query[i]!);
      if (body) for (let i = 0; i < body.length; i++) put(all, body[i]!);
      for (let i = 0; i < found.length; i++) {
        const c = found[i]!;
        if (c.rule.role === 'publish' && c.params.length && lenient(c, all)) return c.rule;
      }
      for (let i = 0; i < found.length; i++) {
        const c = found[i]!;
        if (c.rule.role !== 'publish' && strict(c, all)) return c.rule;
      }
      for (let i = 0; i < found.length; i++) {
        const c = found[i]!;
        if (c.rule.role === 'publish' && !c.params.length) return c.rule;
      }
      return null;
    },
    query(url) {
      const p = parse(url);
      return p ? p.query : [];
    },
    form: params,
  };
}
