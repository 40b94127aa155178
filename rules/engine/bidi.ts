/**
 * The order in which a text is displayed, where bidirectional controls change it. A right-to-left
 * override shows its content backwards: `‮年1★密机‬` (RLO … PDF) is typed as 年1★密机 and
 * read as 机密★1年. The rules must judge what readers see, so the normaliser walks such text in
 * display order, each character still mapped to where it was typed.
 *
 * This is the part of the Unicode Bidirectional Algorithm (UAX #9) that matters for Chinese text:
 * explicit levels from the embedding, override and isolate controls (X1–X8, depth 125), every
 * other character taken as strong left-to-right unless an override says otherwise (CJK, Latin
 * letters and digits are, and neutrals between them resolve to it), then the reordering of
 * levels (L2), per paragraph. Right-to-left scripts, whose own characters would also reorder, are
 * not what the rules look for. A code point is one unit: an emoji pair is never split.
 */

const LRE = 0x202a;
const RLE = 0x202b;
const PDF = 0x202c;
const LRO = 0x202d;
const RLO = 0x202e;
const LRI = 0x2066;
const RLI = 0x2067;
const FSI = 0x2068;
const PDI = 0x2069;
const MAX_DEPTH = 125;

/** Whether a text holds a control that can change the display order (a quick test first). */
const ORDER_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

function isParagraphEnd(code: number): boolean {
  return (
    code === 0x0a ||
    code === 0x0d ||
    code === 0x1c ||
    code === 0x1d ||
    code === 0x1e ||
    code === 0x85 ||
    code === 0x2029
  );
}

interface Status {
  level: number;
  /** 0 none, 1 left-to-right override, 2 right-to-left override. */
  override: number;
  isolate: boolean;
}

/**
 * Display order of the UTF-16 code units of `text`, as a permutation (display position → index
 * in `text`), or null when nothing in the text changes the order (almost always).
 */
export function displayOrder(text: string): Int32Array | null {
  if (!ORDER_CONTROL.test(text)) return null;
  const n = text.length;
  // Code points other than the controls: their start in the text and their resolved level. The
  // controls display as nothing (the normaliser drops them), so where they go does not matter.
  const starts: number[] = [];
  const levels: number[] = [];
  const controls: number[] = [];
  let stack: Status[] = [{ level: 0, override: 0, isolate: false }];
  let overflow = 0;
  let changed = false;
  for (let i = 0; i < n;) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    const top = stack[stack.length - 1]!;
    if (isParagraphEnd(code)) {
      stack = [{ level: 0, override: 0, isolate: false }];
      overflow = 0;
      starts.push(i);
      levels.push(0);
      i += size;
      continue;
    }
    if (code === LRE || code === RLE || code === LRO || code === RLO) {
      const next = code === RLE || code === RLO ? (top.level + 1) | 1 : (top.level + 2) & ~1;
      if (next <= MAX_DEPTH && overflow === 0)
        stack.push({ level: next, override: code === LRO ? 1 : code === RLO ? 2 : 0, isolate: false });
      else overflow++;
    } else if (code === LRI || code === RLI || code === FSI) {
      const next = code === RLI ? (top.level + 1) | 1 : (top.level + 2) & ~1;
      if (next <= MAX_DEPTH && overflow === 0) stack.push({ level: next, override: 0, isolate: true });
      else overflow++;
    } else if (code === PDF) {
      if (overflow > 0) overflow--;
      else if (!top.isolate && stack.length > 1) stack.pop();
    } else if (code === PDI) {
      overflow = 0;
      let at = stack.length - 1;
      while (at > 0 && !stack[at]!.isolate) at--;
      if (at > 0) stack.length = at;
    } else {
      // Strong left-to-right unless overridden; a character's level rises to match its direction.
      let level = top.level;
      const rtl = top.override === 2;
      if (rtl !== (level % 2 === 1)) level++;
      if (level > 0) changed = true;
      starts.push(i);
      levels.push(level);
      i += size;
      continue;
    }
    controls.push(i);
    i += size;
  }
  if (!changed) return null;

  // L2: from the highest level down to the lowest odd one, reverse every run at that level or higher.
  const order = starts.map((_, k) => k);
  let highest = 0;
  let lowestOdd = MAX_DEPTH + 2;
  for (const l of levels) {
    highest = Math.max(highest, l);
    if (l % 2 === 1) lowestOdd = Math.min(lowestOdd, l);
  }
  for (let l = highest; l >= lowestOdd; l--) {
    for (let k = 0; k < order.length;) {
      if (levels[order[k]!]! < l) {
        k++;
        continue;
      }
      let end = k;
      while (end < order.length && levels[order[end]!]! >= l) end++;
      for (let a = k, b = end - 1; a < b; a++, b--) [order[a], order[b]] = [order[b]!, order[a]!];
      k = end;
    }
  }
  if (order.every((k, i) => k === i)) return null;
  const out = new Int32Array(n);
  let p = 0;
  for (const i of controls) out[p++] = i;
  for (const k of order) {
    const start = starts[k]!;
    const end = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
    for (let i = start; i < end; i++) out[p++] = i;
  }
  return out;
}
