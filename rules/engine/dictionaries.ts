/**
 * The pack's term dictionaries, allow-list and context terms, compiled into one Aho-Corasick
 * automaton over the compact (normalised, separator-free) text, plus the pack's patterns as
 * checked regular expressions over the folded text. A field is scanned once; each dictionary's
 * hits are grouped and filtered lazily, the first time a rule asks for them.
 */
import { AhoCorasick } from './aho-corasick';
import {
  compactTerm,
  compactToOriginal,
  firstAtOrAfter,
  foldedToOriginal,
  GAP_STRONG,
  foldedToCompactSpan,
  originalToFolded,
  type NormalizedText,
} from './normalize';
import type { ContextCondition, Pack } from './pack';
import { checkPattern } from './safe-pattern';
import type { Range, Severity } from './types';

export interface DictionaryHandle {
  readonly id: number;
  readonly name: string;
}

interface CompiledCondition {
  dictionaries: number[];
  window: number;
}

export interface CompiledEntry {
  readonly dictionary: string;
  readonly index: number;
  /** The term as the pack wrote it (or the pattern's source). */
  readonly term: string;
  readonly suggestion?: string;
  readonly basis: string;
  readonly severity?: Severity;
  readonly note?: string;
  readonly near?: CompiledCondition;
  readonly unlessNear?: CompiledCondition;
  readonly pattern?: RegExp;
  /** Latin letters or digits at an edge of the term must not continue a longer word there. */
  readonly boundaryStart: boolean;
  readonly boundaryEnd: boolean;
}

export interface TermHit {
  readonly range: Range;
  /**
   * Where the hit stands in the compact text. In a text displayed in another order than typed,
   * the range can hold characters that are not the hit's: this says which ones are.
   */
  readonly compact: Range;
  readonly entry: CompiledEntry;
  readonly excerpt: string;
}

export interface AllowRange {
  readonly range: Range;
  /** Where the allowed expression stands in the compact text, [start, end). */
  readonly compact: Range;
  /** Rule ids the allow entry is limited to; null for all rules. */
  readonly rules: ReadonlySet<string> | null;
}

/**
 * What a string in the automaton stands for: a dictionary term, an allow-list entry, or a literal
 * that a pack pattern's every match contains (`require`: which pattern's prefilter it feeds).
 */
type Payload = { dict: number; entry: CompiledEntry } | { allow: number } | { require: number };

/**
 * A pattern's prefilter: it runs only on a text that holds one of its literals, and when its
 * matches have a bounded length (`longest`), only on the stretches of text around the literals.
 */
interface Prefilter {
  /** Index in the per-scan arrays, filled when the automaton meets one of the literals. */
  id: number;
  /** Literals made only of separators, which the compact text cannot show: looked up in the folded text. */
  separators: readonly string[];
  /** The longest match of the pattern, when a match depends on nothing outside it. */
  longest: number | null;
}

/**
 * Below this many code units of folded text per window, one pass of a pattern over the whole
 * text costs less than starting it on each window: each start has a fixed cost of about as many
 * characters scanned.
 */
const WINDOW_START_COST = 100;

export class DictionaryCompileError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

const ASCII_WORD = /[a-z0-9]/;

function isAsciiWord(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

export class CompiledDictionaries {
  private readonly names = new Map<string, number>();
  private readonly patternEntries: CompiledEntry[][] = [];
  private readonly payloads: Payload[][];
  private readonly automaton: AhoCorasick;
  private readonly allowRules: (ReadonlySet<string> | null)[] = [];
  /** Dictionaries: the pack's own, then anonymous ones made from context `terms` lists. */
  private readonly count: number;
  private readonly prefilters = new Map<CompiledEntry, Prefilter>();
  /** Per dictionary id: whether any entry has a near/unlessNear condition (else its hits need no filtering). */
  readonly conditional: boolean[] = [];
  /** Distinct terms and allow entries in the automaton (prefilter literals not counted). */
  readonly termCount: number;

  constructor(pack: Pack) {
    const errors: string[] = [];
    // What each distinct compact string stands for; its place in this map is its automaton pattern id.
    const payloadsOf = new Map<string, Payload[]>();
    const addTerm = (compact: string, payload: Payload) => {
      const list = payloadsOf.get(compact);
      if (list) list.push(payload);
      else payloadsOf.set(compact, [payload]);
    };

    const dictNames = Object.keys(pack.dictionaries);
    dictNames.forEach((name, i) => this.names.set(name, i));
    let next = dictNames.length;
    const anonymous: string[][] = [];
    const condition = (c: ContextCondition | undefined, path: string): CompiledCondition | undefined => {
      if (!c) return undefined;
      const dictionaries: number[] = [];
      if (c.dictionary !== undefined) {
        const id = this.names.get(c.dictionary);
        if (id === undefined) errors.push(`${path}.dictionary: 词典「${c.dictionary}」不存在`);
        else dictionaries.push(id);
      }
      if (c.terms?.length) {
        dictionaries.push(next++);
        anonymous.push(c.terms);
      }
      return { dictionaries, window: c.window };
    };

    Object.entries(pack.dictionaries).forEach(([name, dict], d) => {
      const path = `dictionaries.${name}`;
      const dictNear = condition(dict.near, `${path}.near`);
      const dictUnless = condition(dict.unlessNear, `${path}.unlessNear`);
      const patterns: CompiledEntry[] = [];
      this.patternEntries[d] = patterns;
      dict.entries.forEach((e, index) => {
        const entryPath = `${path}.entries[${index}]`;
        const basis = e.basis ?? dict.basis;
        if (!basis) errors.push(`${entryPath}.basis: 每个词条都要有依据（词条或词典的 basis）`);
        const common = {
          dictionary: name,
          index,
          suggestion: e.suggestion,
          basis: basis ?? '',
          severity: e.severity,
          note: e.note,
          near: e.near ? condition(e.near, `${entryPath}.near`) : dictNear,
          unlessNear: e.unlessNear ? condition(e.unlessNear, `${entryPath}.unlessNear`) : dictUnless,
        };
        if (common.near || common.unlessNear) this.conditional[d] = true;
        if (e.pattern !== undefined) {
          const checked = checkPattern(e.pattern);
          if (!checked.ok) errors.push(`${entryPath}.pattern: ${checked.reason}`);
          else {
            const entry: CompiledEntry = {
              ...common,
              term: e.pattern,
              pattern: checked.regex,
              boundaryStart: false,
              boundaryEnd: false,
            };
            patterns.push(entry);
            // Most patterns cannot match most texts; their literals, found by the one scan the
            // automaton makes anyway, tell which patterns are worth running.
            if (checked.literals) {
              const id = this.prefilters.size;
              const separators = checked.literals.filter((literal) => compactTerm(literal) === '');
              for (const literal of checked.literals)
                if (compactTerm(literal) !== '') addTerm(compactTerm(literal), { require: id });
              this.prefilters.set(entry, { id, separators, longest: checked.longest });
            }
          }
          return;
        }
        const term = e.term!;
        const compact = compactTerm(term);
        if (compact === '') {
          errors.push(`${entryPath}.term: 「${term}」全是标点或空白，无法作为词条；请改用 pattern`);
          return;
        }
        addTerm(compact, {
          dict: d,
          entry: {
            ...common,
            term,
            boundaryStart: ASCII_WORD.test(compact.charAt(0)),
            boundaryEnd: ASCII_WORD.test(compact.charAt(compact.length - 1)),
          },
        });
      });
    });
    anonymous.forEach((terms, i) => {
      const d = dictNames.length + i;
      this.patternEntries[d] = [];
      for (const term of terms) {
        const compact = compactTerm(term);
        if (compact === '') continue;
        addTerm(compact, {
          dict: d,
          entry: {
            dictionary: `#context${i}`,
            index: 0,
            term,
            basis: '',
            boundaryStart: ASCII_WORD.test(compact.charAt(0)),
            boundaryEnd: ASCII_WORD.test(compact.charAt(compact.length - 1)),
          },
        });
      }
    });
    this.count = next;
    pack.allow.forEach((a, i) => {
      const compact = compactTerm(a.term);
      if (compact === '') errors.push(`allow[${i}].term: 「${a.term}」全是标点或空白`);
      else addTerm(compact, { allow: i });
      this.allowRules.push(a.rules ? new Set(a.rules) : null);
    });
    if (errors.length) throw new DictionaryCompileError(errors);
    this.automaton = new AhoCorasick([...payloadsOf.keys()]);
    // Not push(...values): one argument per distinct term overflows the stack on a large pack.
    this.payloads = [...payloadsOf.values()];
    this.termCount = this.payloads.filter((p) => p.some((x) => !('require' in x))).length;
  }

  handle(name: string): DictionaryHandle | undefined {
    const id = this.names.get(name);
    return id === undefined ? undefined : { id, name };
  }

  scan(text: NormalizedText): FieldScan {
    return new FieldScan(this, text);
  }

  /** @internal */
  collect(text: NormalizedText): { raw: TermHit[][]; allow: AllowRange[] } {
    const raw: TermHit[][] = Array.from({ length: this.count }, () => []);
    const allow: AllowRange[] = [];
    // Per prefilter, where its literals stand: compact [start, end) pairs, in order of their end.
    const literalsAt = new Array<number[] | undefined>(this.prefilters.size);
    const { compact, compactLength, gap } = text;
    for (const m of this.automaton.search(compact, compactLength)) {
      let accepted: boolean | undefined;
      let range: Range = [0, 0];
      // Pattern ids are the positions of the strings the automaton was built from, in payloadsOf order.
      for (const payload of this.payloads[m.pattern]!) {
        // A prefilter literal counts wherever it stands, clause breaks or not.
        if ('require' in payload) {
          (literalsAt[payload.require] ??= []).push(m.start, m.end);
          continue;
        }
        if (accepted === undefined) {
          accepted = acceptable(gap, m.start, m.end);
          if (accepted) range = compactToOriginal(text, m.start, m.end);
        }
        if (!accepted) continue;
        if ('allow' in payload) {
          allow.push({ range, compact: [m.start, m.end], rules: this.allowRules[payload.allow] ?? null });
          continue;
        }
        const { entry } = payload;
        // Both reads are guarded to lie inside the compact text: 0 < start, end < compactLength.
        if (entry.boundaryStart && m.start > 0 && isAsciiWord(compact[m.start - 1]!) && gap[m.start] === 0) continue;
        if (entry.boundaryEnd && m.end < compactLength && isAsciiWord(compact[m.end]!) && gap[m.end] === 0) continue;
        // Term payloads name one of the `count` dictionaries, and `raw` has a list for each.
        raw[payload.dict]!.push({
          range,
          compact: [m.start, m.end],
          entry,
          excerpt: text.original.slice(range[0], range[1]),
        });
      }
    }
    for (let d = 0; d < this.count; d++) {
      // `raw` and `patternEntries` both have an entry for each of the `count` dictionaries.
      const out = raw[d]!;
      for (const entry of this.patternEntries[d]!) {
        const prefilter = this.prefilters.get(entry);
        const at = prefilter && literalsAt[prefilter.id];
        if (prefilter && !at && !prefilter.separators.some((s) => text.folded.includes(s))) continue;
        const windows =
          prefilter && prefilter.longest !== null
            ? patternWindows(text, at || [], prefilter.separators, prefilter.longest)
            : null;
        // Windows come in [from, to) pairs.
        if (windows)
          for (let w = 0; w + 1 < windows.length; w += 2) runPattern(text, entry, windows[w]!, windows[w + 1]!, out);
        else runPattern(text, entry, 0, text.folded.length, out);
      }
      if (out.length > 1)
        out.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.entry.index - b.entry.index);
    }
    return { raw, allow };
  }
}

/**
 * The matches of a pack pattern in folded [from, to), as hits. A window is matched on its own
 * (a slice) so that a pattern finding nothing there does not go on scanning the rest of the text.
 */
function runPattern(text: NormalizedText, entry: CompiledEntry, from: number, to: number, out: TermHit[]): void {
  const regex = entry.pattern!;
  const s = from === 0 && to === text.folded.length ? text.folded : text.folded.slice(from, to);
  regex.lastIndex = 0;
  for (let m = regex.exec(s); m; m = regex.exec(s)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const start = from + m.index;
    const end = start + m[0].length;
    const range = foldedToOriginal(text, start, end);
    const compact = foldedToCompactSpan(text, start, end);
    out.push({ range, compact, entry, excerpt: text.original.slice(range[0], range[1]) });
  }
}

/**
 * Where a pattern whose matches are at most `longest` long and contain one of its literals can
 * match: around each literal, as sorted, disjoint folded [from, to) pairs. Every match lies in
 * one window and no two windows overlap, so matching window by window finds what one pass over
 * the whole text finds. Null when the windows would cost more than that one pass.
 *
 * A literal found in the compact text stands in the folded text within the match that holds
 * it, separators perhaps interleaved: the match starts at most `longest` before the literal's
 * end and ends at most `longest` after its start.
 */
function patternWindows(
  text: NormalizedText,
  compactAt: readonly number[],
  separators: readonly string[],
  longest: number,
): number[] | null {
  const { folded, compactMap } = text;
  // `compactAt` and `found` hold pairs; compactMap has an entry for every compact offset of a match.
  const found: number[] = [];
  for (let i = 0; i + 1 < compactAt.length; i += 2) {
    const start = originalToFolded(text, compactMap[compactAt[i]!]!);
    const end = originalToFolded(text, compactMap[compactAt[i + 1]! - 1]!) + 1;
    found.push(end - longest, start + longest);
  }
  for (const s of separators) {
    for (let i = folded.indexOf(s); i !== -1; i = folded.indexOf(s, i + 1))
      found.push(i + s.length - longest, i + longest);
  }
  const order: number[] = [];
  for (let i = 0; i < found.length; i += 2) order.push(i);
  if (separators.length) order.sort((a, b) => found[a]! - found[b]!);
  const windows: number[] = [];
  let cost = 0;
  for (const i of order) {
    const from = Math.max(0, found[i]!);
    const to = Math.min(folded.length, found[i + 1]!);
    // A literal spread wider than a match by separators: no match holds it.
    if (to <= from) continue;
    const lastEnd = windows.at(-1);
    if (lastEnd !== undefined && from <= lastEnd) {
      if (to > lastEnd) {
        cost += to - lastEnd;
        windows[windows.length - 1] = to;
      }
    } else {
      windows.push(from, to);
      cost += to - from + WINDOW_START_COST;
    }
    if (cost >= folded.length) return null;
  }
  return windows;
}

/**
 * A match across a clause break (路口，交通 → 口交) is not the term; a match whose every gap is
 * filled (优，惠，券) is an evasion and counts. Weak separators (spaces, symbols, emoji) never
 * break a match.
 */
function acceptable(gap: Uint8Array, start: number, end: number): boolean {
  let strong = false;
  let filled = true;
  for (let i = start + 1; i < end; i++) {
    if (gap[i] === GAP_STRONG) strong = true;
    if (gap[i] === 0) filled = false;
  }
  return !strong || (filled && end - start >= 3);
}

/** The scan of one field: raw hits per dictionary, context-filtered hits on demand. */
export class FieldScan {
  private readonly raw: TermHit[][];
  readonly allow: readonly AllowRange[];
  private readonly filtered = new Map<number, readonly TermHit[]>();
  private readonly spans = new Map<number, CompactSpans>();

  constructor(
    private readonly dicts: CompiledDictionaries,
    private readonly text: NormalizedText,
  ) {
    const { raw, allow } = dicts.collect(text);
    this.raw = raw;
    this.allow = allow;
  }

  hits(handle: DictionaryHandle): readonly TermHit[] {
    // A handle comes from the same compiled dictionaries, which scanned a list for each id.
    const raw = this.raw[handle.id]!;
    if (!this.dicts.conditional[handle.id]) return raw;
    let hits = this.filtered.get(handle.id);
    if (!hits) {
      hits = raw.filter(
        (h) =>
          (!h.entry.near || this.near(h, h.entry.near)) && (!h.entry.unlessNear || !this.near(h, h.entry.unlessNear)),
      );
      this.filtered.set(handle.id, hits);
    }
    return hits;
  }

  /**
   * Windows count content characters (the compact text): spaces, punctuation and invisible
   * characters slipped between a term and its context neither push the context out of reach
   * nor pull it in.
   */
  private near(hit: TermHit, c: CompiledCondition): boolean {
    const [s, e] = hit.range;
    const from = hit.compact[0] - c.window;
    const to = hit.compact[1] + c.window;
    for (const d of c.dictionaries) {
      // Condition dictionaries are compiled ids; starts, ends and others are parallel, one per hit.
      const others = this.raw[d]!;
      const { starts, ends, longest } = this.compactSpans(d);
      // Hits are sorted by start: only those starting before `to` can reach the window, and
      // going back from there, none can once they start `longest` before its beginning. In a
      // text displayed in another order than typed, their compact starts are not sorted: all are tried.
      const reordered = this.text.reordered;
      let j = reordered ? others.length - 1 : firstAtOrAfter(starts, to) - 1;
      for (; j >= 0 && (reordered || starts[j]! + longest > from); j--) {
        if (starts[j]! >= to) continue;
        const other = others[j]!;
        if (other.range[0] === s && other.range[1] === e && other.entry === hit.entry) continue;
        if (ends[j]! > from) return true;
      }
    }
    return false;
  }

  /** Compact starts and ends of a dictionary's raw hits, and the longest of them, worked out once. */
  private compactSpans(d: number): CompactSpans {
    let spans = this.spans.get(d);
    if (!spans) {
      const hits = this.raw[d]!; // a compiled dictionary id, as in near()
      const starts = new Int32Array(hits.length);
      const ends = new Int32Array(hits.length);
      let longest = 0;
      hits.forEach((hit, i) => {
        const [start, end] = hit.compact;
        starts[i] = start;
        ends[i] = end;
        longest = Math.max(longest, end - start);
      });
      spans = { starts, ends, longest };
      this.spans.set(d, spans);
    }
    return spans;
  }
}

interface CompactSpans {
  starts: Int32Array;
  ends: Int32Array;
  longest: number;
}
