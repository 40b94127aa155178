/**
 * Text surface for a textarea or text input (Weibo composers, WeChat title/author/digest).
 * The draft text is `value`, unchanged. Underline rectangles come from a mirror element that
 * copies the field's box and font and is measured for an instant (the textarea-caret technique),
 * because a textarea exposes no geometry for its characters. One mirror serves every range, it is
 * laid out in a contained corner of its own (measure-host.ts), and its layout is kept while the
 * text and width stay the same (scrolling only moves it).
 */
import { measureRoot } from './measure-host';
import type { TextSurface } from './surface';

type TextField = HTMLTextAreaElement | HTMLInputElement;
type Span = readonly [number, number];

const MIRRORED = [
  'direction',
  'boxSizing',
  'width',
  'overflowX',
  'overflowY',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'fontSizeAdjust',
  'lineHeight',
  'fontFamily',
  'textAlign',
  'textTransform',
  'textIndent',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
  'wordBreak',
] as const;

/** The native value setter of the field's own realm (a same-origin iframe has its own prototypes). */
function nativeValueSetter(el: TextField): (v: string) => void {
  const view = el.ownerDocument.defaultView ?? window;
  const proto = el.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  // Taken off the prototype to be called on the field itself, past any value property the page's
  // framework defines on the element (React and Vue track input that way).
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(el)
  const set = Object.getOwnPropertyDescriptor(proto, 'value')!.set!;
  return (v) => set.call(el, v);
}

/**
 * Rectangles of each range relative to the field's border box with no scrolling, from one mirror
 * laid out once: the text is cut at every range boundary and each piece is a span.
 */
function layout(
  el: TextField,
  ranges: readonly Span[],
  value: string,
): { left: number; top: number; width: number; height: number }[][] {
  const doc = el.ownerDocument;
  const style = doc.defaultView!.getComputedStyle(el);
  const mirror = doc.createElement('div');
  for (const prop of MIRRORED) mirror.style[prop] = style[prop];
  Object.assign(mirror.style, {
    position: 'absolute',
    top: '0',
    left: '0',
    height: 'auto',
    overflow: 'hidden',
    whiteSpace: el.tagName === 'INPUT' ? 'pre' : 'pre-wrap',
    overflowWrap: 'break-word',
  });
  if (el.scrollHeight > el.clientHeight) mirror.style.overflowY = 'scroll';
  const cuts = [
    ...new Set([0, value.length, ...ranges.flat().map((n) => Math.max(0, Math.min(value.length, n)))]),
  ].sort((a, b) => a - b);
  const pieces: { start: number; end: number; span: HTMLSpanElement }[] = [];
  for (const [i, start] of cuts.entries()) {
    const end = cuts[i + 1];
    if (end === undefined) break;
    const span = doc.createElement('span');
    span.textContent = value.slice(start, end);
    pieces.push({ start, end, span });
    mirror.append(span);
  }
  mirror.append('\u200b');
  measureRoot(doc).append(mirror);
  try {
    const origin = mirror.getBoundingClientRect();
    // Pieces are in order and cut at every boundary: each range is a run of them, found by a
    // binary search (a filter per range made a long draft with many findings quadratic).
    return ranges.map(([start, end]) => {
      let lo = 0;
      let hi = pieces.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pieces[mid]!.start < start) lo = mid + 1;
        else hi = mid;
      }
      const out: { left: number; top: number; width: number; height: number }[] = [];
      for (let i = lo; i < pieces.length && pieces[i]!.end <= end; i++) {
        for (const r of pieces[i]!.span.getClientRects())
          out.push({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height });
      }
      return out;
    });
  } finally {
    mirror.remove();
  }
}

export function textFieldSurface(el: TextField): TextSurface {
  let cache: { key: string; boxes: ReturnType<typeof layout> } | null = null;
  const rectsOf = (ranges: readonly Span[]): DOMRect[][] => {
    // Text after the last range cannot move what comes before it: it is left out of the layout
    // and of the cache key, so typing further on reuses the layout.
    let last = 0;
    for (const r of ranges) if (r[1] > last) last = r[1];
    const prefix = el.value.slice(0, last);
    const key = `${el.clientWidth}\u0000${ranges.join(';')}\u0000${prefix}`;
    if (cache?.key !== key) cache = { key, boxes: layout(el, ranges, prefix) };
    const box = el.getBoundingClientRect();
    const dx = box.left - el.scrollLeft;
    const dy = box.top - el.scrollTop;
    return cache.boxes.map((list) =>
      list
        .map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height))
        .filter((r) => r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right),
    );
  };
  const reveal = (start: number) => {
    const at = Math.min(start, Math.max(0, el.value.length - 1));
    const [caret] = layout(el, [[at, at + 1]], el.value.slice(0, at + 1))[0] ?? [];
    if (caret && (caret.top < el.scrollTop || caret.top + caret.height > el.scrollTop + el.clientHeight))
      el.scrollTop = caret.top - el.clientHeight / 3;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  return {
    element: el,
    text: () => el.value,
    reveal,
    select(start, end, options) {
      if (options?.focus !== false) el.focus({ preventScroll: true });
      el.setSelectionRange(start, end);
      reveal(start);
    },
    replace(start, end, replacement) {
      const before = el.value;
      const expected = before.slice(0, start) + replacement + before.slice(end);
      el.focus({ preventScroll: true });
      el.setSelectionRange(start, end);
      // execCommand keeps the editor's undo stack and fires the input events frameworks listen to.
      let done: boolean;
      try {
        done = el.ownerDocument.execCommand('insertText', false, replacement);
      } catch {
        done = false;
      }
      if (done && el.value === expected) return true;
      if (el.value !== before) return el.value === expected;
      nativeValueSetter(el)(expected);
      el.setSelectionRange(start + replacement.length, start + replacement.length);
      el.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }),
      );
      return el.value === expected;
    },
    rects: (start, end) => rectsOf([[start, end]])[0] ?? [],
    rectsOf,
  };
}
