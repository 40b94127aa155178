/**
 * What a judgement model reads: the folded text of a field (rules/engine/normalize.ts, so width,
 * case, traditional forms, invisible characters and display order are already undone), cut into
 * paragraphs, with the differences that carry no meaning for the judgement erased. The trainer
 * reads its data through exactly this code, so a model sees text the way the engine shows it.
 *
 * - Every digit is 0: a price, a phone number or a date weighs by its shape, never by its
 *   value, and no number of a training text can enter a model. Runs of x standing alone
 *   (xxxx元, 138xxxx1234) and of three or more asterisks are how data sets and people mask
 *   digits: they are digits too.
 * - Spaces are left out: they carry no meaning between Chinese characters, and a space slipped
 *   between the characters of a phrase must not hide it. Paragraph starts and ends are marked
 *   (BEGIN, END), so that an opening 【 or a closing signature 】 is a feature of its own.
 * - A character outside the Basic Multilingual Plane (an emoji) is one unit: emoji of the
 *   U+1F000 block map one to one into the private use area, others to U+FFFC.
 */
import { isDigit, type NormalizedText } from './normalize';

/** Marks the start of a paragraph in the feature text. Never a folded character (control characters are dropped). */
export const BEGIN = 0x02;
/** Marks the end of a paragraph. */
export const END = 0x03;
export const DIGIT = 0x30;
const OTHER_ASTRAL = 0xfffc;

export interface FeatureText {
  /** Feature code units of all paragraphs, each wrapped in BEGIN … END. */
  readonly codes: Uint16Array;
  readonly length: number;
  /** Feature index → folded index of the character it stands for (-1 for BEGIN/END). */
  readonly folded: Int32Array;
  /** Paragraphs as [start, end) pairs of feature indices, BEGIN and END included. */
  readonly paragraphs: readonly number[];
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x3000 || code === 0xa0;
}

function isLatin(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * The feature text of a folded text. Paragraphs end at line breaks; an empty paragraph (a blank
 * line) is left out.
 */
export function featureText(text: NormalizedText): FeatureText {
  return featuresOf(text.folded);
}

/** The feature text of a folded string (the trainer and tests call this directly). */
export function featuresOf(folded: string): FeatureText {
  const n = folded.length;
  const codes = new Uint16Array(n + 2 * (n + 1));
  const map = new Int32Array(codes.length);
  const paragraphs: number[] = [];
  let k = 0;
  let start = -1;
  const open = () => {
    start = k;
    map[k] = -1;
    codes[k++] = BEGIN;
  };
  const close = () => {
    // A paragraph of nothing but spaces is no paragraph.
    if (k - start <= 1) {
      k = start;
    } else {
      map[k] = -1;
      codes[k++] = END;
      paragraphs.push(start, k);
    }
    start = -1;
  };
  for (let i = 0; i < n; i++) {
    let code = folded.charCodeAt(i);
    if (code === 0x0a || code === 0x0d || code === 0x2029) {
      if (start !== -1) close();
      continue;
    }
    if (isSpace(code)) continue;
    if (start === -1) open();
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = folded.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const point = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        code = point >= 0x1f000 && point <= 0x1ffff ? 0xe000 + (point - 0x1f000) : OTHER_ASTRAL;
        map[k] = i;
        codes[k++] = code;
        i++;
        continue;
      }
      code = OTHER_ASTRAL;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      code = OTHER_ASTRAL;
    } else if (isDigit(code)) {
      code = DIGIT;
    } else if ((code === 0x78 || code === 0x58) && !isLatin(folded.charCodeAt(i - 1))) {
      // A run of x that no other letter touches stands for digits: xxxx元.
      let end = i;
      while (end < n && (folded.charCodeAt(end) === 0x78 || folded.charCodeAt(end) === 0x58)) end++;
      if (!isLatin(folded.charCodeAt(end))) {
        for (; i < end; i++) {
          map[k] = i;
          codes[k++] = DIGIT;
        }
        i--;
        continue;
      }
    } else if (code === 0x2a) {
      let end = i;
      while (end < n && folded.charCodeAt(end) === 0x2a) end++;
      if (end - i >= 3) {
        for (; i < end; i++) {
          map[k] = i;
          codes[k++] = DIGIT;
        }
        i--;
        continue;
      }
    }
    map[k] = i;
    codes[k++] = code;
  }
  if (start !== -1) close();
  return { codes, length: k, folded: map, paragraphs };
}

/**
 * The key of an n-gram (1 to 3 feature code units): exact, a number below 2^48, so that n-grams
 * can be kept in typed arrays with no string made per position.
 */
export function ngramKey(a: number, b = -1, c = -1): number {
  if (b === -1) return a;
  if (c === -1) return a * 0x10000 + b;
  return (a * 0x10000 + b) * 0x10000 + c;
}

/** The n-gram of a key, as a string of feature code units. */
export function ngramOfKey(key: number): string {
  const units: number[] = [];
  let k = key;
  while (k > 0) {
    units.unshift(k % 0x10000);
    k = Math.floor(k / 0x10000);
  }
  return String.fromCharCode(...units);
}

/** The key of an n-gram written as a string of feature code units (1–3 of them). */
export function keyOfNgram(gram: string): number {
  let key = 0;
  for (let i = 0; i < gram.length; i++) key = key * 0x10000 + gram.charCodeAt(i);
  return key;
}
