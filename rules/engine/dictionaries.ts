/**
 * The pack's term dictionaries, allow-list and context terms, compiled into one Aho-Corasick
 * automaton over the compact (normalised, separator-free) text, plus the pack's patterns as
 * checked regular expressions over the folded text. A field is scanned once; each dictionary's
 * hits are grouped and filtered lazily, the first time a rule asks for them.
 */
import { AhoCorasick } from './aho-corasick';
import { compactTerm, compactToOriginal, foldedToOriginal, GAP_STRONG, originalToCompact, type NormalizedText } from './normalize';
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
  readonly entry: CompiledEntry;
  readonly excerpt: string;
}

export interface AllowRange {
  readonly range: Range;
  /** Rule ids the allow entry is limited to; null for all rules. */
  readonly rules: ReadonlySet<string> | null;
}

/**
 * What a string in the automaton stands for: a dictionary term, an allow-list entry, or a literal
 * that a pack pattern's every match contains (`require`: which pattern's prefilter it feeds).
 */
type Payload = { dict: number; entry: CompiledEntry } | { allow: number } | { require: number };

/** A pattern's prefilter: it runs only on a text that holds one of its literals. */
interface Prefilter {
  /** Index in the per-scan `seen` array, set when the automaton meets one of the literals. */
  id: number;
  /** Literals made only of separators, which the compact text cannot show: looked up in the folded text. */
  separators: readonly string[];
}

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
  private readonly payloads: Payload[][] = [];
  private readonly automaton: AhoCorasick;
  private readonly allowRules: (ReadonlySet<string> | null)[] = [];
  /** Dictionaries: the pack's own, then anonymous ones made from context `terms` lists. */
  private readonly count: number;
  private readonly prefilters = new Map<CompiledEntry, Prefilter>();
  /** Distinct terms and allow entries in the automaton (prefilter literals not counted). */
  readonly termCount: number;

  constructor(pack: Pack) {
    const errors: string[] = [];
    const patternIndex = new Map<string, number>();
    const addTerm = (compact: string, payload: Payload) => {
      let p = patternIndex.get(compact);
      if (p === undefined) {
        p = this.payloads.length;
        patternIndex.set(compact, p);
        this.payloads.push([]);
      }
      this.payloads[p].push(payload);
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

    dictNames.forEach((name, d) => {
      const dict = pack.dictionaries[name];
      const path = `dictionaries.${name}`;
      const dictNear = condition(dict.near, `${path}.near`);
      const dictUnless = condition(dict.unlessNear, `${path}.unlessNear`);
      this.patternEntries[d] = [];
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
        if (e.pattern !== undefined) {
          const checked = checkPattern(e.pattern);
          if (!checked.ok) errors.push(`${entryPath}.pattern: ${checked.reason}`);
          else {
            const entry: CompiledEntry = { ...common, term: e.pattern, pattern: checked.regex, boundaryStart: false, boundaryEnd: false };
            this.patternEntries[d].push(entry);
            // Most patterns cannot match most texts; their literals, found by the one scan the
            // automaton makes anyway, tell which patterns are worth running.
            if (checked.literals) {
              const id = this.prefilters.size;
              const separators = checked.literals.filter((literal) => compactTerm(literal) === '');
              for (const literal of checked.literals) if (compactTerm(literal) !== '') addTerm(compactTerm(literal), { require: id });
              this.prefilters.set(entry, { id, separators });
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
            boundaryStart: ASCII_WORD.test(compact[0]),
            boundaryEnd: ASCII_WORD.test(compact[compact.length - 1]),
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
            boundaryStart: ASCII_WORD.test(compact[0]),
            boundaryEnd: ASCII_WORD.test(compact[compact.length - 1]),
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
    this.automaton = new AhoCorasick([...patternIndex.keys()]);
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
    const seen = new Uint8Array(this.prefilters.size);
    const { compact, compactLength, gap } = text;
    for (const m of this.automaton.search(compact, compactLength)) {
      let accepted: boolean | undefined;
      let range: Range = [0, 0];
      for (const payload of this.payloads[m.pattern]) {
        // A prefilter literal counts wherever it stands, clause breaks or not.
        if ('require' in payload) {
          seen[payload.require] = 1;
          continue;
        }
        if (accepted === undefined) {
          accepted = acceptable(gap, m.start, m.end);
          if (accepted) range = compactToOriginal(text, m.start, m.end);
        }
        if (!accepted) continue;
        if ('allow' in payload) {
          allow.push({ range, rules: this.allowRules[payload.allow] });
          continue;
        }
        const { entry } = payload;
        if (entry.boundaryStart && m.start > 0 && isAsciiWord(compact[m.start - 1]) && gap[m.start] === 0) continue;
        if (entry.boundaryEnd && m.end < compactLength && isAsciiWord(compact[m.end]) && gap[m.end] === 0) continue;
        raw[payload.dict].push({ range, entry, excerpt: text.original.slice(range[0], range[1]) });
      }
    }
    for (let d = 0; d < this.count; d++) {
      for (const entry of this.patternEntries[d]) {
        const prefilter = this.prefilters.get(entry);
        if (prefilter && !seen[prefilter.id] && !prefilter.separators.some((s) => text.folded.includes(s))) continue;
        const regex = entry.pattern!;
        regex.lastIndex = 0;
        for (let m = regex.exec(text.folded); m; m = regex.exec(text.folded)) {
          if (m[0].length === 0) {
            regex.lastIndex++;
            continue;
          }
          const range = foldedToOriginal(text, m.index, m.index + m[0].length);
          raw[d].push({ range, entry, excerpt: text.original.slice(range[0], range[1]) });
        }
      }
      if (raw[d].length > 1) raw[d].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.entry.index - b.entry.index);
    }
    return { raw, allow };
  }
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

  constructor(
    _dicts: CompiledDictionaries,
    private readonly text: NormalizedText,
  ) {
    const { raw, allow } = _dicts.collect(text);
    this.raw = raw;
    this.allow = allow;
  }

  hits(handle: DictionaryHandle): readonly TermHit[] {
    let hits = this.filtered.get(handle.id);
    if (!hits) {
      hits = this.raw[handle.id].filter(
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
    const from = originalToCompact(this.text, s) - c.window;
    const to = originalToCompact(this.text, e) + c.window;
    for (const d of c.dictionaries) {
      for (const other of this.raw[d]) {
        if (other.range[0] === s && other.range[1] === e && other.entry === hit.entry) continue;
        if (originalToCompact(this.text, other.range[0]) < to && originalToCompact(this.text, other.range[1]) > from) return true;
      }
    }
    return false;
  }
}
