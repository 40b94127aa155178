/**
 * Text surface for a contenteditable editor (ProseMirror/Tiptap bodies, a legacy iframe body).
 * The text is built from the DOM with a map back to text nodes: blocks and <br> become '\n', so
 * offsets in a finding point at real characters and can become a DOM Range for selection and
 * underlines. Edits go through execCommand('insertText'), which fires the beforeinput/input
 * events ProseMirror and other editors apply to their own model.
 */
import type { TextSurface } from './surface';

const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TR|UL)$/;
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;

interface Segment {
  node: Text;
  start: number;
}

export interface RichText {
  text: string;
  segments: Segment[];
}

/** The text of a contenteditable element and where each text node starts in it. */
export function richText(root: Element): RichText {
  let text = '';
  const segments: Segment[] = [];
  let pendingBreak = false;
  const breakLine = () => {
    if (text !== '' && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data === '') continue;
        if (pendingBreak) breakLine();
        pendingBreak = false;
        segments.push({ node: child as Text, start: text.length });
        text += data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        if (SKIP.test(el.tagName) || el.getAttribute('contenteditable') === 'false') continue;
        if (el.tagName === 'BR') {
          text += '\n';
          pendingBreak = false;
          continue;
        }
        const block = BLOCK.test(el.tagName);
        if (block) pendingBreak = true;
        walk(el);
        if (block) pendingBreak = true;
      }
    }
  };
  walk(root);
  return { text, segments };
}

/** The DOM position of a text offset: inside the text node that holds it, or the nearest one after. */
export function domPosition(model: RichText, offset: number, root: Element): { node: Node; offset: number } {
  const { segments } = model;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!; // lo <= mid <= hi, both inside segments
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.start + s.node.data.length) lo = mid + 1;
    else return { node: s.node, offset: offset - s.start };
  }
  // The offset is on a synthetic line break: place it at the start of the next text node.
  const next = segments[lo];
  if (next) return { node: next.node, offset: 0 };
  const last = segments[segments.length - 1];
  return last ? { node: last.node, offset: last.node.data.length } : { node: root, offset: root.childNodes.length };
}

function frameOffset(el: Element): { x: number; y: number } {
  const frame = el.ownerDocument.defaultView?.frameElement;
  if (!frame) return { x: 0, y: 0 };
  const r = frame.getBoundingClientRect();
  const outer = frameOffset(frame);
  return { x: r.left + frame.clientLeft + outer.x, y: r.top + frame.clientTop + outer.y };
}

export function contentEditableSurface(el: HTMLElement): TextSurface {
  const doc = el.ownerDocument;
  const rangeIn = (model: RichText, start: number, end: number): Range => {
    const a = domPosition(model, start, el);
    const b = domPosition(model, end, el);
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  };
  const rangeOf = (start: number, end: number) => rangeIn(richText(el), start, end);
  const rectsOf = (ranges: readonly (readonly [number, number])[]): DOMRect[][] => {
    const { x, y } = frameOffset(el);
    const model = richText(el);
    return ranges.map(([start, end]) =>
      [...rangeIn(model, start, end).getClientRects()].map(
        (r) => new DOMRect(r.left + x, r.top + y, r.width, r.height),
      ),
    );
  };
  const selectRange = (range: Range) => {
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  };
  const scrollTo = (range: Range) => {
    const anchor =
      range.startContainer.nodeType === Node.ELEMENT_NODE
        ? (range.startContainer as Element)
        : range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  return {
    element: el,
    text: () => richText(el).text,
    reveal(start, end) {
      scrollTo(rangeOf(start, end));
    },
    select(start, end, options) {
      const range = rangeOf(start, end);
      if (options?.focus !== false) el.focus({ preventScroll: true });
      selectRange(range);
      scrollTo(range);
    },
    replace(start, end, replacement) {
      const before = richText(el).text;
      const expected = before.slice(0, start) + replacement + before.slice(end);
      el.focus({ preventScroll: true });
      selectRange(rangeOf(start, end));
      let done: boolean;
      try {
        done = doc.execCommand('insertText', false, replacement);
      } catch {
        done = false;
      }
      return done && richText(el).text === expected;
    },
    rects: (start, end) => rectsOf([[start, end]])[0] ?? [],
    rectsOf,
  };
}
