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
  /**
   * Scrolls [start, end) into view without selecting it or moving focus (a rich editor takes
   * focus when its selection is set; the panel must keep it).
   */
  reveal(start: number, end: number): void;
  /** Selects [start, end) in the editor and scrolls it into view. */
  select(start: number, end: number, options?: { focus?: boolean }): void;
  /**
   * Replaces [start, end) with `replacement` through the editor's input path. Returns false when
   * the editor did not take it (the text there changed, or the editor refused the edit).
   */
  replace(start: number, end: number, replacement: string): boolean;
  /** Viewport rectangles covering [start, end), for underlines drawn over the editor. */
  rects(start: number, end: number): DOMRect[];
  /** The same for many ranges at once (one layout pass where the surface needs one). */
  rectsOf(ranges: readonly (readonly [number, number])[]): DOMRect[][];
}

const surfaces = new WeakMap<HTMLElement, TextSurface>();

/**
 * The surface of a textarea, a text input, or a contenteditable element (the page's or an
 * iframe's). One per element: a surface reads the element afresh on every call, and keeps only
 * its measured layout, which it checks against the text before reuse.
 */
export function surfaceFor(element: HTMLElement): TextSurface {
  let surface = surfaces.get(element);
  if (!surface) {
    const tag = element.tagName;
    surface =
      tag === 'TEXTAREA' || tag === 'INPUT'
        ? textFieldSurface(element as HTMLTextAreaElement | HTMLInputElement)
        : contentEditableSurface(element);
    surfaces.set(element, surface);
  }
  return surface;
}

/**
 * Reads each surface's text once for the length of one synchronous pass (painting, rendering the
 * panel): a rich-text surface rebuilds its text from the DOM on every `text()` call.
 */
export function textsOnce(): (surface: TextSurface) => string {
  const texts = new Map<TextSurface, string>();
  return (surface) => {
    let text = texts.get(surface);
    if (text === undefined) texts.set(surface, (text = surface.text()));
    return text;
  };
}

/** Whether a finding still names the text at its range in the surface (the editor may have changed it). */
export function stillAt(text: string, finding: { range: readonly [number, number]; excerpt: string }): boolean {
  return text.slice(finding.range[0], finding.range[1]) === finding.excerpt;
}
