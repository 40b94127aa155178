/**
 * URLs typed in text, found on the folded text of a field. Digits inside a URL are ids, not
 * personal numbers; hosts are what the shop-link and source rules judge.
 */
import type { FieldView } from '../engine/define-rule';
import type { Range } from '../engine/types';

/** Scheme URLs, www. hosts, and bare hosts with a path or a well-known top-level domain. */
const URL_IN_TEXT =
  /(?:[a-z][a-z0-9+.-]{1,15}:\/\/[^\s，。！？；、“”‘’（）《》<>"'\]\[]+|(?<![a-z0-9@.-])(?:[a-z0-9-]{1,63}\.)+(?:com|cn|net|org|hk|tv|cc|me|io|top|vip|shop|xyz|info)(?![a-z0-9-])(?:[/?#][^\s，。！？；、“”‘’（）《》<>"'\]\[]*)?)/g;

export interface TextUrl {
  range: Range;
  url: string;
}

/** URLs in a field, as original ranges and their folded text. */
export function urlsIn(field: FieldView): TextUrl[] {
  return field.matchFolded(URL_IN_TEXT).map(({ range, match }) => ({ range, url: match[0] }));
}

/** The URL that starts exactly at `index` of a folded text (after a 原文链接： label), if any. */
export function urlAt(folded: string, index: number): string | null {
  const sticky = new RegExp(URL_IN_TEXT.source, 'y');
  sticky.lastIndex = index;
  return sticky.exec(folded)?.[0] ?? null;
}

/** Whether [start, end) overlaps one of the URL ranges. */
export function overlapsUrl(urls: readonly TextUrl[], start: number, end: number): boolean {
  return urls.some((u) => u.range[0] < end && start < u.range[1]);
}
