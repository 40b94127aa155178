/**
 * Text surface for a textarea or text input (Weibo composers, WeChat title/author/digest).
 * The draft text is `value`, unchanged. Underline rectangles come from a mirror element that
 * copies the field's box and font and is measured for an instant (the textarea-caret technique),
 * because a textarea exposes no geometry for its characters.
 */
import type { TextSurface } from './surface';

type TextField = HTMLTextAreaElement | HTMLInputElement;

const MIRRORED = [
  'direction', 'boxSizing', 'width', 'overflowX', 'overflowY',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily',
  'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize', 'wordBreak',
] as const;

/** The native value setter of the field's own realm (a same-origin iframe has its own prototypes). */
function nativeValueSetter(el: TextField): (v: string) => void {
  const view = el.ownerDocument.defaultView ?? window;
  const proto = el.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  const set = Object.getOwnPropertyDescriptor(proto, 'value')!.set!;
  return (v) => set.call(el, v);
}

function measure(el: TextField, start: number, end: number): DOMRect[] {
  const doc = el.ownerDocument;
  const style = doc.defaultView!.getComputedStyle(el);
  const mirror = doc.createElement('div');
  for (const prop of MIRRORED) mirror.style[prop] = style[prop];
  Object.assign(mirror.style, {
    position: 'absolute',
    top: '0',
    left: '-99999px',
    visibility: 'hidden',
    height: 'auto',
    overflow: 'hidden',
    whiteSpace: el.tagName === 'INPUT' ? 'pre' : 'pre-wrap',
    overflowWrap: 'break-word',
  });
  if (el.scrollHeight > el.clientHeight) mirror.style.overflowY = 'scroll';
  const value = el.value;
  const mark = doc.createElement('span');
  mark.textContent = value.slice(start, end) || '\u200b';
  mirror.append(value.slice(0, start), mark, value.slice(end) || '\u200b');
  doc.documentElement.append(mirror);
  try {
    const origin = mirror.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const dx = box.left - origin.left - el.scrollLeft;
    const dy = box.top - origin.top - el.scrollTop;
    return [...mark.getClientRects()]
      .map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height))
      .filter((r) => r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right);
  } finally {
    mirror.remove();
  }
}

export function textFieldSurface(el: TextField): TextSurface {
  return {
    element: el,
    text: () => el.value,
    select(start, end, options) {
      if (options?.focus !== false) el.focus({ preventScroll: true });
      el.setSelectionRange(start, end);
      const [first] = measure(el, start, start);
      const box = el.getBoundingClientRect();
      if (first && (first.top < box.top || first.bottom > box.bottom)) el.scrollTop += first.top - box.top - el.clientHeight / 3;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    },
    replace(start, end, replacement) {
      const before = el.value;
      const expected = before.slice(0, start) + replacement + before.slice(end);
      el.focus({ preventScroll: true });
      el.setSelectionRange(start, end);
      // execCommand keeps the editor's undo stack and fires the input events frameworks listen to.
      let done = false;
      try {
        done = el.ownerDocument.execCommand('insertText', false, replacement);
      } catch {
        done = false;
      }
      if (done && el.value === expected) return true;
      if (el.value !== before) return el.value === expected;
      nativeValueSetter(el)(expected);
      el.setSelectionRange(start + replacement.length, start + replacement.length);
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
      return el.value === expected;
    },
    rects: (start, end) => measure(el, start, end),
  };
}
