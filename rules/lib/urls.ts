/**
 * URLs typed in text, found on the folded text of a field. Digits inside a URL are ids, not
 * personal numbers; hosts are what the shop-link and source rules judge.
 */
import type { FieldView } from '../engine/define-rule';
import { foldedSpanOf, foldedToOriginal } from '../engine/normalize';
import type { Range } from '../engine/types';

/** Scheme URLs, www. hosts, and bare hosts with a path or a well-known top-level domain. */
const URL_IN_TEXT =
  /(?:[a-z][a-z0-9+.-]{1,15}:\/\/[^\s，。！？；、“”‘’（）《》<>"'\][]+|(?<![a-z0-9@.-])(?:[a-z0-9-]{1,63}\.)+(?:com|cn|net|org|hk|tv|cc|me|io|top|vip|shop|xyz|info)(?![a-z0-9-])(?:[/?#][^\s，。！？；、“”‘’（）《》<>"'\][]*)?)/g;

/** Scheme, optional user info, then the host (up to the port, path, query or fragment). */
const URL_PARTS = /^\s*(?:([a-z][a-z0-9+.-]*):\/\/)?(?:[^/?#@\s]*@)?([^/?#:\s]+)/;

export interface TextUrl {
  range: Range;
  /** The URL as folded text (lower case, half-width, invisible characters dropped). */
  url: string;
  /** Where the URL starts in the field's folded text. */
  at: number;
}

/** URLs in a field, as original ranges and their folded text (found once per field and check). */
export function urlsIn(field: FieldView): readonly TextUrl[] {
  return field.memo(findUrls);
}

function findUrls(field: FieldView): readonly TextUrl[] {
  const urls = field.matchFolded(URL_IN_TEXT).map(({ range, match }) => ({ range, url: match[0], at: match.index }));
  // In text order (overlapsUrl searches them): found in display order, which may differ.
  if (field.normalized.reordered) urls.sort((a, b) => a.range[0] - b.range[0]);
  return urls;
}

/** A field that holds one URL and nothing else (a link's href, a declared 原文链接). */
export function wholeFieldUrl(field: FieldView): TextUrl {
  return { range: [0, field.text.length], url: field.normalized.folded, at: 0 };
}

export interface UrlHost {
  /** Folded host name, e.g. item.taobao.com. */
  host: string;
  /** The host as a range of the field's original text. */
  range: Range;
  /** Whether the URL names a scheme (https://, taobao://). */
  scheme: boolean;
  /** Whether anything (path, query, port) follows the host. */
  rest: boolean;
  /** Where the host stands in the field's folded text, [start, end). */
  at: [number, number];
}

/** The host of a URL found in a field, with its original range. */
export function hostOf(field: FieldView, url: TextUrl): UrlHost | null {
  const m = URL_PARTS.exec(url.url);
  if (!m) return null;
  const hostPart = m[2]!; // URL_PARTS' host group is not optional
  const host = hostPart.replace(/\.$/, '');
  const start = url.at + m[0].length - hostPart.length;
  return {
    host,
    range: foldedToOriginal(field.normalized, start, start + host.length),
    scheme: m[1] !== undefined,
    rest: url.url.trimEnd().length > m[0].length,
    at: [start, start + host.length],
  };
}

/**
 * Whether an original range of the field is the host itself or one of its parent domains
 * (taobao.com in item.taobao.com, not in mytaobao.com or taobao.com.example.net).
 */
export function isDomainOfHost(field: FieldView, host: UrlHost, range: Range): boolean {
  // Compared where they are displayed (the folded text), whatever order they were typed in.
  const [start, end] = foldedSpanOf(field.normalized, range[0], range[1]);
  if (end !== host.at[1] || start < host.at[0]) return false;
  return start === host.at[0] || field.normalized.folded[start - 1] === '.';
}

const URL_AT = new RegExp(URL_IN_TEXT.source, 'y');

/** The URL that starts exactly at `index` of a folded text (after a 原文链接： label), if any. */
export function urlAt(folded: string, index: number): string | null {
  URL_AT.lastIndex = index;
  return URL_AT.exec(folded)?.[0] ?? null;
}

/**
 * Whether [start, end) overlaps one of the URL ranges. The URLs of a field come in text order
 * without overlapping, so a binary search finds the only one that can: a long article has
 * hundreds of numbers to test against dozens of URLs.
 */
export function overlapsUrl(urls: readonly TextUrl[], start: number, end: number): boolean {
  // The first URL that ends after `start`.
  let lo = 0;
  let hi = urls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1; // lo <= mid < hi <= urls.length
    if (urls[mid]!.range[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = urls[lo];
  return first !== undefined && first.range[0] < end;
}
