/**
 * A repost's declared original title (原标题：《…》, 原标题：… to the end of the line) and the
 * headline it is published under: the draft's title, or on Weibo, where posts have no title
 * field, the 【…】 headline that opens the body (after any #话题#).
 */
import type { DraftView, FieldView } from '../engine/define-rule';
import { displayedText, foldedToOriginal } from '../engine/normalize';
import type { Range } from '../engine/types';

export interface TitleSpan {
  field: FieldView;
  range: Range;
  /** The text as typed, in the order it is displayed. */
  text: string;
}

/** 原标题： after a non-Chinese character or 本文/文章 (checked in code: a leading look-behind scans slowly). */
const LABEL = /(本文|文章)?(?:原标题|原文标题|原题)(?: {0,3}: {0,3}| {0,3}(?=《))/g;
const BOOK = /^《([^》\n]{1,100})》/;
const TO_LINE_END = /^[^\n)】]{1,100}/;
const WEIBO_HEADLINE = /^\s{0,3}(?:#[^#\n]{1,40}#\s{0,3}){0,3}【([^】\n]{2,80})】/d;
/** What separates a title from a 原标题 clause written after it: 新标题（原标题：…）, 新标题 | 原标题：…. */
const CLAUSE_OPENING = /[\s(【[|\-—:]+$/;

function span(field: FieldView, start: number, end: number): TitleSpan | null {
  const folded = field.normalized.folded;
  while (start < end && /\s/.test(folded.charAt(start))) start++;
  while (end > start && /[\s。]/.test(folded.charAt(end - 1))) end--;
  if (end <= start) return null;
  const range = foldedToOriginal(field.normalized, start, end);
  return { field, range, text: displayedText(field.normalized, start, end) };
}

/** The first declared original title, in the title and then in the body. */
export function originalTitle(view: DraftView): { title: TitleSpan; labelStart: number } | null {
  for (const name of ['title', 'body'] as const) {
    const field = view.field(name);
    if (!field) continue;
    const folded = field.normalized.folded;
    LABEL.lastIndex = 0;
    for (let m = LABEL.exec(folded); m; m = LABEL.exec(folded)) {
      if (!m[1] && /[\u4e00-\u9fff]/.test(folded[m.index - 1] ?? '')) continue;
      const at = m.index + m[0].length;
      const book = BOOK.exec(folded.slice(at));
      const title = book
        ? span(field, at + 1, at + 1 + book[1]!.length) // BOOK's group is not optional
        : span(field, at, at + (TO_LINE_END.exec(folded.slice(at))?.[0].length ?? 0));
      if (title) return { title, labelStart: m.index };
    }
  }
  return null;
}

/** The headline the repost is published under, without a 原标题 clause written into it. */
export function headline(view: DraftView, original: { title: TitleSpan; labelStart: number }): TitleSpan | null {
  const title = view.field('title');
  if (title) {
    const folded = title.normalized.folded;
    let end = folded.length;
    if (original.title.field === title)
      end = original.labelStart - (CLAUSE_OPENING.exec(folded.slice(0, original.labelStart))?.[0].length ?? 0);
    return span(title, 0, end);
  }
  const body = view.field('body');
  const m = body && WEIBO_HEADLINE.exec(body.normalized.folded);
  const headlineAt = m ? m.indices![1] : undefined; // WEIBO_HEADLINE has the d flag and a group that is not optional
  return body && headlineAt ? span(body, headlineAt[0], headlineAt[1]) : null;
}
