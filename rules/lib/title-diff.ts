/**
 * Plain-text measures for comparing a headline with its original title: character-bigram
 * similarity and the numbers each one states. No segmentation and no model: titles are short,
 * and these measures are explainable in a finding's message.
 */

function bigrams(compact: string): Map<string, number> {
  const out = new Map<string, number>();
  let previous: string | undefined;
  for (const c of compact) {
    if (previous !== undefined) {
      const g = previous + c;
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    previous = c;
  }
  return out;
}

function shared(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [g, count] of a) n += Math.min(count, b.get(g) ?? 0);
  return n;
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const c of m.values()) n += c;
  return n;
}

export interface Similarity {
  /** Sørensen–Dice coefficient over character bigrams, 0–1. */
  dice: number;
  /** Share of the headline's bigrams that occur in the original, 0–1: high for a faithful shortening. */
  containment: number;
}

/** Similarity of two compact (folded, separator-free) strings. */
export function similarity(headline: string, original: string): Similarity {
  const a = bigrams(headline);
  const b = bigrams(original);
  const common = shared(a, b);
  const na = total(a);
  const nb = total(b);
  return { dice: na + nb ? (2 * common) / (na + nb) : 1, containment: na ? common / na : 1 };
}

export interface StatedNumber {
  /** As written (folded): 3.5万, 120, 三. */
  text: string;
  /** Normalised value, so 3.5万 equals 35000 and 三 equals 3. */
  value: string;
  /** A year, month, day or hour (2026年, 11月): part of a date, not a quantity. */
  date: boolean;
}

const ARABIC = /(\d+(?:\.\d+)?)(万|亿)?(%)?/g;
/** Chinese numerals count only before a measure word (三所学校, 五万元), not in 一带一路 or 统一. */
const CHINESE =
  /(?<![\d.])[零〇一二两三四五六七八九十百千万亿]+(?=[个人名家天年月日号时项条所座次起例倍成季批位辆台件元公里米吨户村处只头场轮宗])/g;
const DATE_UNIT = /^[年月日号时]/;
const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

function chineseValue(s: string): number {
  // 二〇二六: digit by digit.
  if (![...s].some((c) => c in UNIT || c === '万' || c === '亿')) return Number([...s].map((c) => DIGIT[c]).join(''));
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit = 0;
  for (const c of s) {
    const digitValue = DIGIT[c];
    const unitValue = UNIT[c];
    if (digitValue !== undefined) digit = digitValue;
    else if (unitValue !== undefined) {
      section += (digit || 1) * unitValue;
      digit = 0;
    } else if (c === '万') {
      wan += (section + digit || 1) * 1e4;
      section = digit = 0;
    } else {
      yi += (wan + section + digit || 1) * 1e8;
      wan = section = digit = 0;
    }
  }
  return yi + wan + section + digit;
}

function normal(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** The numbers a folded text states; spaces and thousands separators inside numbers are ignored. */
export function numbersIn(folded: string): StatedNumber[] {
  const text = folded.replace(/\s+/g, '').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const out: StatedNumber[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const value = Number(m[1]) * (m[2] ? BIG[m[2]]! : 1); // ARABIC's second group is 万 or 亿
    const after = text.slice(m.index + m[0].length);
    out.push({ text: m[0], value: normal(value) + (m[3] ?? ''), date: !m[2] && !m[3] && DATE_UNIT.test(after) });
  }
  for (const m of text.matchAll(CHINESE)) {
    const after = text.slice(m.index + m[0].length);
    out.push({ text: m[0], value: normal(chineseValue(m[0])), date: DATE_UNIT.test(after) });
  }
  return out;
}
