/**
 * A text surface: one editable field of a composer as the guard sees it. Its `text()` is exactly
 * the string the draft carries, so a finding's [start, end) can be selected in the editor,
 * underlined in the overlay and replaced in place. Writes go through the editor's own input path
 * (execCommand / input events), so the page's framework state (Vue v-model, ProseMirror) follows;
 * the guard never rewrites the editor's DOM itself.
 */
import { contentEditableSurface } from './surface-rich';
import { textFieldSurface } from './surface-text';

export interface TextSurface {
  readonly element: HTMLElement;
  /** The field's text as the draft holds it; finding ranges are offsets into this string. */
  text(): string;
  /** Selects [start, end) in the editor and scrolls it into view. */
  select(start: number, end: number, options?: { focus?: boolean }): void;
  /**
   * Replaces [start, end) with `replacement` through the editor's input path. Returns false when
   * the editor did not take it (the text there changed, or the editor refused the edit).
   */
  replace(start: number, end: number, replacement: string): boolean;
  /** Viewport rectangles covering [start, end), for underlines drawn over the editor. */
  rects(start: number, end: number): DOMRect[];
}

/** A surface for a textarea, a text input, or a contenteditable element (the page's or an iframe's). */
export function surfaceFor(element: HTMLElement): TextSurface {
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT') return textFieldSurface(element as HTMLTextAreaElement | HTMLInputElement);
  return contentEditableSurface(element);
}
