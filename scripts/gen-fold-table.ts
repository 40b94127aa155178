/**
 * Generates rules/engine/fold-table.generated.ts: the per-code-unit folding used by the
 * normaliser (NFKC width/compatibility forms, letter case, traditional → simplified from
 * OpenCC's character tables, invisible characters dropped) and the separator classes.
 *
 * Run with `npm run gen:fold-table`. The output is committed so that the engine does not depend
 * on the ICU version of whichever runtime loads it; tests/engine/fold-table.test.ts checks the
 * committed table against fixed vectors, so a Node upgrade cannot fail it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import TS from 'opencc-js/dict/TSCharacters';
import TWRev from 'opencc-js/dict/TWVariantsRev';
import HKRev from 'opencc-js/dict/HKVariantsRev';

/**
 * Characters that render as nothing and are used to split words invisibly. The bidirectional
 * controls among them (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C) are dropped here; the
 * order they impose on what is displayed is restored by the normaliser (rules/engine/bidi.ts).
 */
const INVISIBLE: [number, number][] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
];

/**
 * Combining marks (nonspacing and enclosing): stacked on a character they leave it looking the
 * same (密 with an acute accent, 1 in a keycap), but as separate code units they would split a
 * term or a mark (机密́★1年). Nothing the rules look for is written with them, so they are dropped.
 */
const COMBINING = /^[\p{Mn}\p{Me}]$/u;

/**
 * Punctuation that ends a clause or sentence, and the markup that frames a Weibo topic or a
 * headline (#话题#, 【标题】): what stands on either side is not one word. A banned term is not
 * matched across one of these (路口，交通 does not spell 口交; #怎么做#【#为… does not spell 做为)
 * unless every gap of the match is filled (优，惠，券). Listed as typed; a character is classed
 * by its folded form, so the full-width ： and the ASCII : it folds to are both strong.
 */
export const STRONG = '，。！？；：、,;:!?\n\r…#＃【】〖〗';

function parseOpenCC(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [from, ...to] = entry.split(' ');
    if (from && to[0]) map.set(from, to[0]);
  }
  return map;
}

export function buildFoldTable(): { from: number[]; to: number[]; sepRanges: [number, number, number][] } {
  const variants = new Map([...parseOpenCC(HKRev), ...parseOpenCC(TWRev)]);
  const t2s = parseOpenCC(TS);
  // A simplified character is never rewritten as a Taiwan/Hong Kong variant: the variant tables
  // also list everyday simplified characters (么 → 幺, 著 → 着), and folding them would make
  // ordinary text unreadable to the rules' own patterns.
  const simplified = new Set(t2s.values());
  const invisible = (c: number) =>
    INVISIBLE.some(([a, b]) => c >= a && c <= b) || COMBINING.test(String.fromCharCode(c));
  const single = (s: string | undefined, fallback: string) => (s !== undefined && s.length === 1 ? s : fallback);

  const from: number[] = [];
  const to: number[] = [];
  const folded = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let out: number;
    if (c >= 0xd800 && c <= 0xdfff) out = c;
    else if (invisible(c)) out = 0;
    else {
      let s = String.fromCharCode(c);
      s = single(s.normalize('NFKC'), s);
      s = single(s.toLowerCase(), s);
      if (!simplified.has(s)) s = single(variants.get(s), s);
      s = single(t2s.get(s), s);
      out = s.charCodeAt(0);
    }
    folded[c] = out;
  }
  // Resolve chains (a variant → its traditional form → simplified) so that folding is idempotent: a term and a text written in
  // different forms must meet in one folded form. Bounded, in case the sources ever hold a cycle.
  // Every index below is a UTF-16 code unit, inside the 0x10000-long table.
  for (let c = 0; c < 0x10000; c++) {
    let f = folded[c]!;
    for (let step = 0; step < 8 && f !== 0 && folded[f] !== f; step++) f = folded[f]!;
    folded[c] = f;
  }
  for (const [c, f] of folded.entries()) {
    if (f !== c) {
      from.push(c);
      to.push(f);
    }
  }

  // Separator classes of the folded characters: 0 content, 1 weak separator, 2 strong separator.
  // The normaliser reads the table with folded code units only, so STRONG is marked by its folded
  // forms (the full-width ： by the ASCII : it folds to).
  const strong = new Set([...STRONG].map((ch) => folded[ch.charCodeAt(0)]));
  const sepClass = (c: number): number => {
    if (c >= 0xd800 && c <= 0xdfff) return 1; // astral symbols (emoji) slipped between characters
    const s = String.fromCharCode(c);
    if (strong.has(c)) return 2;
    return /[\p{P}\p{S}\p{Z}\s\p{Cc}]/u.test(s) ? 1 : 0;
  };
  const sepRanges: [number, number, number][] = [];
  for (let c = 0; c < 0x10000; c++) {
    const k = sepClass(c);
    if (k === 0) continue;
    const last = sepRanges[sepRanges.length - 1];
    if (last && last[1] === c - 1 && last[2] === k) last[1] = c;
    else sepRanges.push([c, c, k]);
  }
  return { from, to, sepRanges };
}

/** Printable characters are written as themselves to keep the generated file small. */
function isPlain(c: number): boolean {
  const s = String.fromCharCode(c);
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(s) && !`'\\\``.includes(s);
}

function escape(codes: number[]): string {
  return codes.map((c) => (isPlain(c) ? String.fromCharCode(c) : `\\u${c.toString(16).padStart(4, '0')}`)).join('');
}

export function renderFoldTable(): string {
  const { from, to, sepRanges } = buildFoldTable();
  return `// Generated by scripts/gen-fold-table.ts — do not edit by hand.
// Sources: Unicode NFKC (width and compatibility forms), Unicode lower case, OpenCC
// TWVariantsRev/HKVariantsRev/TSCharacters (opencc-js, Apache-2.0) for traditional → simplified.
// ${from.length} folded code units; a target of U+0000 means "drop" (invisible character).

/** Code units that fold to something else, paired index by index with FOLD_TO. */
export const FOLD_FROM = '${escape(from)}';
export const FOLD_TO = '${escape(to)}';

/** [first, last, class] ranges of folded code units: 1 weak separator, 2 strong separator. */
export const SEPARATOR_RANGES: readonly (readonly [number, number, number])[] = ${JSON.stringify(sepRanges)};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = new URL('../rules/engine/fold-table.generated.ts', import.meta.url);
  writeFileSync(target, renderFoldTable());
  console.log(`wrote ${fileURLToPath(target)}`);
}
