/**
 * Normalisation with an exact way back: every character the rules see knows which character of
 * the editor's original text it came from, so a finding's range always names what the editor
 * typed, however it was disguised (優惠券, 优<U+200B>惠券, ＹＹＤＳ, 优 惠 券, 优-惠-券).
 *
 * Two views are built in one pass over the original text:
 * - `folded`: invisible characters dropped; full-width, compatibility forms, letter case and
 *   traditional characters folded to one form. Same characters otherwise, separators kept.
 *   Pattern rules (numbers, marks, quotes) read this.
 * - `compact`: `folded` without separators (spaces, punctuation, symbols, emoji). Term
 *   dictionaries match here, so a separator slipped between characters does not hide a term.
 *   `gap[i]` tells which separators stood before compact character i, so that a match spanning a
 *   clause break (路口，交通 → 口交) can be told from an evasion (优，惠，券).
 *
 * Both views follow the order in which the text is displayed: where bidirectional controls make
 * it differ from the order typed (a right-to-left override showing 年1★密机 as 机密★1年), the
 * views hold what readers see and the maps point each character back to where it was typed. The
 * maps then no longer rise monotonically; `reordered` says so, and the mapping functions below
 * take the smallest range of the original that holds every character of a match.
 */
import { displayOrder } from './bidi';
import { FOLD_FROM, FOLD_TO, SEPARATOR_RANGES } from './fold-table.generated';

export const GAP_NONE = 0;
export const GAP_WEAK = 1;
export const GAP_STRONG = 2;

// Both tables have an entry for every UTF-16 code unit, so a read at charCodeAt() or at a folded
// code is in range: the `!` on those reads below costs nothing, unlike a check per character.
// The maps (foldedMap, compactMap) have an entry for every position of their view plus its end.
const FOLD = new Uint16Array(0x10000);
const SEPARATOR = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD[c] = c;
for (let i = 0; i < FOLD_FROM.length; i++) FOLD[FOLD_FROM.charCodeAt(i)] = FOLD_TO.charCodeAt(i);
for (const [first, last, kind] of SEPARATOR_RANGES) SEPARATOR.fill(kind, first, last + 1);

/** The folded form of one UTF-16 code unit; 0 means the character is dropped. */
export function foldCode(code: number): number {
  return FOLD[code]!;
}

/** 0 content, 1 weak separator, 2 strong (clause) separator, for a folded code unit. */
export function separatorClass(foldedCode: number): number {
  return SEPARATOR[foldedCode]!;
}

export interface NormalizedText {
  readonly original: string;
  readonly folded: string;
  /** folded index → original index. */
  readonly foldedMap: Int32Array;
  readonly compact: Uint16Array;
  readonly compactLength: number;
  /** compact index → original index. */
  readonly compactMap: Int32Array;
  /** compact index → the strongest separator class between it and the previous compact unit. */
  readonly gap: Uint8Array;
  /** The views follow a display order that differs from the order typed (see above). */
  readonly reordered: boolean;
}

function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  }
  return out;
}

/**
 * Native UTF-16 decoding turns the folded code units into a string many times faster than
 * String.fromCharCode. It replaces unpaired surrogates with U+FFFD, so its result is used only
 * when it holds no U+FFFD at all (then nothing was replaced); `ignoreBOM` keeps a leading U+FEFF.
 */
const decoder: TextDecoder | undefined = (() => {
  try {
    return new TextDecoder('utf-16le', { ignoreBOM: true });
  } catch {
    return undefined;
  }
})();

/** An ASCII digit (the folded form of every digit the fold table knows). */
export const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

export function normalizeText(original: string): NormalizedText {
  const n = original.length;
  const folded = new Uint16Array(n);
  const foldedMap = new Int32Array(n + 1);
  const compact = new Uint16Array(n);
  const compactMap = new Int32Array(n + 1);
  const gap = new Uint8Array(n + 1);
  const order = displayOrder(original);
  let f = 0;
  let k = 0;
  let pendingGap = GAP_NONE;
  for (let j = 0; j < n; j++) {
    // The display order, when there is one, is a permutation of 0..n-1.
    const i = order === null ? j : order[j]!;
    const code = FOLD[original.charCodeAt(i)]!;
    if (code === 0) continue;
    folded[f] = code;
    foldedMap[f++] = i;
    const sep = SEPARATOR[code]!;
    if (sep !== 0) {
      if (sep > pendingGap) pendingGap = sep;
      continue;
    }
    compact[k] = code;
    // A separator between two digits belongs to a number (1-3居, 10:30, 3.5): dropped, it would
    // run the digits together and let a term end or start inside the number (精装1-3居 → 装13).
    gap[k] =
      k === 0
        ? GAP_NONE
        : pendingGap !== GAP_NONE && isDigit(code) && isDigit(compact[k - 1]!)
          ? GAP_STRONG
          : pendingGap;
    compactMap[k++] = i;
    pendingGap = GAP_NONE;
  }
  foldedMap[f] = n;
  compactMap[k] = n;
  const decoded = decoder?.decode(folded.subarray(0, f));
  return {
    original,
    folded: decoded !== undefined && !decoded.includes('\uFFFD') ? decoded : codesToString(folded, f),
    foldedMap,
    compact,
    compactLength: k,
    compactMap,
    gap,
    reordered: order !== null,
  };
}

/** The original range [first, last + 1) of the characters map[start..end), which need not be in order. */
function spanOf(map: Int32Array, start: number, end: number): [number, number] {
  // Callers pass a non-empty range inside the map (start < end <= its view's length).
  let lo = map[start]!;
  let hi = lo;
  for (let i = start + 1; i < end; i++) {
    const at = map[i]!;
    if (at < lo) lo = at;
    else if (at > hi) hi = at;
  }
  return [lo, hi + 1];
}

/** Original range of the folded range [start, end). */
export function foldedToOriginal(text: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = text.foldedMap[start]!;
    return [at, at];
  }
  if (text.reordered) return spanOf(text.foldedMap, start, end);
  return [text.foldedMap[start]!, text.foldedMap[end - 1]! + 1];
}

/** Original range of the compact range [start, end). */
export function compactToOriginal(text: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = text.compactMap[start]!;
    return [at, at];
  }
  if (text.reordered) return spanOf(text.compactMap, start, end);
  return [text.compactMap[start]!, text.compactMap[end - 1]! + 1];
}

/**
 * Compact index of an original offset: the first content character at or after it (the compact
 * length at the end). Distances measured here count only content characters, so spaces,
 * punctuation and invisible characters slipped between two words neither widen nor narrow them.
 */
export function originalToCompact(text: NormalizedText, offset: number): number {
  // The inverse has an entry for every original offset and the end.
  if (text.reordered) return inverseOf(text, text.compactMap, text.compactLength).next[offset]!;
  return firstAtOrAfter(text.compactMap, offset, text.compactLength);
}

/**
 * The folded index of the first folded character typed at or after an original offset (the
 * folded length at the end).
 */
export function originalToFolded(text: NormalizedText, offset: number): number {
  // The inverse has an entry for every original offset and the end.
  if (text.reordered) return inverseOf(text, text.foldedMap, text.folded.length).next[offset]!;
  return firstAtOrAfter(text.foldedMap, offset, text.folded.length);
}

/**
 * Where the content characters typed in the original range [start, end) stand in the compact
 * text, as a compact range: for a match, the compact span it was found at, in whatever order it
 * was typed. Distances between matches are measured on these.
 */
export function compactSpanOf(text: NormalizedText, start: number, end: number): [number, number] {
  if (!text.reordered) return [originalToCompact(text, start), originalToCompact(text, end)];
  return spanIn(inverseOf(text, text.compactMap, text.compactLength), start, end);
}

/** The same for the folded text: where the characters typed in [start, end) stand in it. */
export function foldedSpanOf(text: NormalizedText, start: number, end: number): [number, number] {
  if (!text.reordered) return [originalToFolded(text, start), originalToFolded(text, end)];
  return spanIn(inverseOf(text, text.foldedMap, text.folded.length), start, end);
}

/** Where the content characters of the folded range [start, end) stand in the compact text. */
export function foldedToCompactSpan(text: NormalizedText, start: number, end: number): [number, number] {
  if (!text.reordered) {
    const [a, b] = foldedToOriginal(text, start, end);
    return compactSpanOf(text, a, b);
  }
  const { exact, next } = inverseOf(text, text.compactMap, text.compactLength);
  let lo = -1;
  let hi = -1;
  // foldedMap holds an original offset for every folded index and the end, and the inverses
  // an entry for every original offset and the end.
  for (let i = start; i < end; i++) {
    const k = exact[text.foldedMap[i]!]!;
    if (k === -1) continue;
    if (lo === -1 || k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo !== -1) return [lo, hi + 1];
  const at = next[text.foldedMap[start]!]!;
  return [at, at];
}

function spanIn({ exact, next }: Inverse, start: number, end: number): [number, number] {
  // [start, end) is an original range: the inverses have an entry for every offset and the end.
  let lo = -1;
  let hi = -1;
  for (let o = start; o < end; o++) {
    const k = exact[o]!;
    if (k === -1) continue;
    if (lo === -1 || k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo !== -1) return [lo, hi + 1];
  const at = next[start]!;
  return [at, at];
}

/**
 * The characters of the folded range [start, end) as the editor typed them (before folding), in
 * the order they are displayed: the original text of the range, unless the text is reordered.
 */
export function displayedText(text: NormalizedText, start: number, end: number): string {
  if (!text.reordered) {
    const [a, b] = foldedToOriginal(text, start, end);
    return text.original.slice(a, b);
  }
  let out = '';
  for (let i = start; i < end; i++) out += text.original.charAt(text.foldedMap[i]!);
  return out;
}

interface Inverse {
  /** Original offset → index in the view of the character typed there, or -1. */
  exact: Int32Array;
  /** Original offset → index of the character typed there, or of the next one typed after it that the view holds. */
  next: Int32Array;
}

const inverses = new WeakMap<Int32Array, Inverse>();

/** For a reordered text, where binary search cannot be used: the map from original offsets into a view. */
function inverseOf(text: NormalizedText, map: Int32Array, length: number): Inverse {
  let inverse = inverses.get(map);
  if (!inverse) {
    const n = text.original.length;
    const exact = new Int32Array(n + 1).fill(-1);
    // map holds an original offset (< n) for each of its first `length` entries.
    for (let i = 0; i < length; i++) exact[map[i]!] = i;
    const next = exact.slice();
    next[n] = length;
    for (let o = n - 1; o >= 0; o--) if (next[o] === -1) next[o] = next[o + 1]!;
    inverse = { exact, next };
    inverses.set(map, inverse);
  }
  return inverse;
}

/** The first index below `length` of a sorted array holding `value` or more (`length` when none does). */
export function firstAtOrAfter(sorted: Int32Array, value: number, length = sorted.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1; // lo <= mid < hi <= length
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Folds a term the way the text is folded and drops its separators, for dictionaries. Returns
 * the compact form ('' when the term has no content characters).
 */
export function compactTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const code = FOLD[term.charCodeAt(i)]!;
    if (code !== 0 && SEPARATOR[code] === 0) out += String.fromCharCode(code);
  }
  return out;
}

/** Folds a string without dropping separators (for comparing names, domains, titles). */
export function foldString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = FOLD[text.charCodeAt(i)]!;
    if (code !== 0) out += String.fromCharCode(code);
  }
  return out;
}
