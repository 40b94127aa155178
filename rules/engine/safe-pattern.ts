/**
 * Patterns that come from a pack are data written by an admin, and a careless one must never
 * freeze an editor's browser (catastrophic backtracking). A pack pattern is therefore parsed
 * here and accepted only when the number of ways it can match from one position — the paths a
 * backtracking engine may try — is provably small:
 *
 * - no unbounded repetition (`*`, `+`, `{n,}`): write `{0,20}`, `{1,20}`;
 * - no back-references, look-arounds, named groups or Unicode property escapes;
 * - the path count, computed as literal = 1, sequence = product, alternation = sum,
 *   `X{m,n}` = Σₖ cost(X)ᵏ for k in m..n, must not exceed MAX_PATHS.
 *
 * Matching one position then costs at most MAX_PATHS × pattern length steps, so a check stays
 * linear in the length of the text. Accepted patterns run on the folded text (lower case,
 * half-width, simplified), so they should be written in that form.
 *
 * The same parse also finds literals one of which every match must contain (`literals`), so
 * that a pattern whose literals a text lacks need not run on it at all, and the longest match
 * the pattern can make (`longest`), so that it need run only around where those literals stand.
 */

export const MAX_PATTERN_LENGTH = 200;
export const MAX_REPEAT = 50;
export const MAX_PATHS = 1000;

export type PatternCheck =
  | {
      ok: true;
      regex: RegExp;
      paths: number;
      /** Literals one of which every match contains; null when no such set is known. */
      literals: readonly string[] | null;
      /**
       * The most code units a match can span, when whether a match is made depends on nothing
       * outside it; null when the pattern holds an anchor or a word boundary (^ $ \b \B), which
       * look past the match, or an escape whose length is uncertain.
       */
      longest: number | null;
    }
  | { ok: false; reason: string };

class PatternError extends Error {}

/** Literals one of which every match of a part of the pattern contains (null: none known). */
type Required = readonly string[] | null;

interface Atom {
  cost: number;
  quantifiable: boolean;
  hasRepeat: boolean;
  required: Required;
  /** The most code units the atom matches. */
  longest: number;
  /** The character an atom matches when it is one literal character. */
  char?: string;
  /** Anchors and word boundaries: they consume nothing, so literals on both sides stay adjacent. */
  zeroWidth?: boolean;
}

/** A literal set is more selective when its shortest literal is longer, then when it is smaller. */
function moreSelective(a: readonly string[], b: Required): boolean {
  if (!b) return true;
  const shortest = (l: readonly string[]) => Math.min(...l.map((x) => x.length));
  return shortest(a) > shortest(b) || (shortest(a) === shortest(b) && a.length < b.length);
}

/** Character classes of at most this many plain characters count as a set of literals. */
const MAX_CLASS_LITERALS = 16;

const ESCAPED_CONTROL: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/** Parses just enough of JavaScript's regex syntax to count paths; rejects the rest. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  /** Set by escapes whose literal meaning is uncertain: then no literals are claimed. */
  private opaque = false;
  /** Set by anchors and word boundaries, which read characters outside the match. */
  private looksOutside = false;

  parse(): { cost: number; required: Required; longest: number | null } {
    const result = this.alternation();
    if (this.i < this.src.length)
      throw new PatternError(`第 ${this.i + 1} 个字符「${this.src[this.i]}」多余（括号不配对？）`);
    if (this.opaque) return { cost: result.cost, required: null, longest: null };
    return { ...result, longest: this.looksOutside ? null : result.longest };
  }

  private alternation(): { cost: number; required: Required; longest: number } {
    let { cost, required, longest } = this.sequence();
    const union = new Set(required ?? []);
    while (this.peek() === '|') {
      this.i++;
      const branch = this.sequence();
      cost += branch.cost;
      longest = Math.max(longest, branch.longest);
      // Every branch must bring its own literals, or a match may contain none of them.
      if (required && branch.required) branch.required.forEach((l) => union.add(l));
      else required = null;
    }
    return { cost, required: required && [...union], longest };
  }

  private sequence(): { cost: number; required: Required; longest: number } {
    let cost = 1;
    let longest = 0;
    let required: Required = null;
    let run = '';
    const consider = (candidate: Required) => {
      if (candidate && moreSelective(candidate, required)) required = candidate;
    };
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const start = this.i;
      const atom = this.atom();
      const quantifiedAt = this.i;
      const q = this.quantified(atom, start);
      cost = cap(cost * q.cost);
      longest += q.longest;
      if (atom.zeroWidth) continue;
      if (atom.char !== undefined && this.i === quantifiedAt) {
        run += atom.char;
        continue;
      }
      if (run) consider([run]);
      run = '';
      consider(q.required);
    }
    if (run) consider([run]);
    return { cost, required, longest };
  }

  private atom(): Atom {
    const c = this.src[this.i++]!; // sequence() calls this only while i < src.length
    if (c === '(') {
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.peek() === '?') throw new PatternError('不支持断言、命名分组等 (?…) 语法，只能用 (…) 或 (?:…)');
      const repeatsBefore = this.repeats;
      const inner = this.alternation();
      if (this.src[this.i++] !== ')') throw new PatternError('括号不配对');
      return {
        cost: inner.cost,
        quantifiable: true,
        hasRepeat: this.repeats > repeatsBefore,
        required: inner.required,
        longest: inner.longest,
      };
    }
    if (c === '[') {
      const chars = this.charClass();
      return {
        cost: 1,
        quantifiable: true,
        hasRepeat: false,
        required: chars,
        longest: 1,
        char: chars?.length === 1 ? chars[0] : undefined,
      };
    }
    if (c === '\\') {
      const e = this.src[this.i++];
      if (e === undefined) throw new PatternError('末尾的反斜杠没有转义任何字符');
      if (/[1-9k]/.test(e)) throw new PatternError('不支持反向引用（\\1、\\k<…>）');
      if (/[pP]/.test(e)) throw new PatternError('不支持 \\p{…} 属性类，请直接列出字符范围');
      if (e === 'b' || e === 'B') return this.boundary();
      const char = this.escapedChar(e);
      return {
        cost: 1,
        quantifiable: true,
        hasRepeat: false,
        required: char === undefined ? null : [char],
        longest: 1,
        char,
      };
    }
    if (c === '^' || c === '$') return this.boundary();
    if (c === ')') throw new PatternError('括号不配对');
    if ('*+?{'.includes(c)) throw new PatternError(`「${c}」前面没有可重复的内容`);
    if (c === '.') return { cost: 1, quantifiable: true, hasRepeat: false, required: null, longest: 1 };
    return { cost: 1, quantifiable: true, hasRepeat: false, required: [c], longest: 1, char: c };
  }

  /** An anchor or word boundary: it matches no character but reads the ones around it. */
  private boundary(): Atom {
    this.looksOutside = true;
    return { cost: 1, quantifiable: false, hasRepeat: false, required: null, longest: 0, zeroWidth: true };
  }

  /** The character an escape stands for, after its backslash; undefined for classes (\\d, \\w…). */
  private escapedChar(e: string): string | undefined {
    if (e === 'u' || e === 'x') {
      const n = e === 'u' ? 4 : 2;
      this.hex(n);
      return String.fromCharCode(parseInt(this.src.slice(this.i - n, this.i), 16));
    }
    if (e === 'c' && /[a-z]/i.test(this.peek() ?? '')) return String.fromCharCode(this.src.charCodeAt(this.i++) % 32);
    // Legacy forms whose meaning depends on what follows (\\c without a letter, \\0 before digits, read
    // as octal): no literal is claimed for the whole pattern rather than risk a wrong one.
    if (e === 'c' || (e === '0' && /[0-9]/.test(this.peek() ?? ''))) {
      this.opaque = true;
      return undefined;
    }
    if (e in ESCAPED_CONTROL) return ESCAPED_CONTROL[e];
    if (/[dDwWsS]/.test(e)) return undefined;
    return e;
  }

  /** How many repetitions with an upper bound above 1 were parsed so far. */
  private repeats = 0;

  private quantified(atom: Atom, start: number): { cost: number; required: Required; longest: number } {
    const q = this.peek();
    let min: number;
    let max: number;
    if (q === '?') {
      this.i++;
      [min, max] = [0, 1];
    } else if (q === '*' || q === '+') {
      throw new PatternError(
        `「${q}」是无上限的重复，可能让浏览器卡死；请改为有上限的 {${q === '*' ? 0 : 1},20} 这类写法`,
      );
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new PatternError('「{」后应为 {m} 或 {m,n}');
      this.i += m[0].length;
      min = Number(m[1]);
      if (m[2] !== undefined && m[3] === '')
        throw new PatternError(`{${min},} 是无上限的重复；请写出上限，如 {${min},20}`);
      max = m[3] !== undefined ? Number(m[3]) : min;
      if (max < min) throw new PatternError(`{${min},${max}} 的上限小于下限`);
      if (max > MAX_REPEAT) throw new PatternError(`重复上限 ${max} 超过 ${MAX_REPEAT}`);
    } else {
      return { cost: atom.cost, required: atom.required, longest: atom.longest };
    }
    if (this.peek() === '?') this.i++; // lazy: same paths
    if (!atom.quantifiable) throw new PatternError(`第 ${start + 1} 个字符处的锚点不能重复`);
    if (atom.hasRepeat && max > 1) throw new PatternError('不允许在已含重复的分组外再加重复（嵌套重复）');
    if (max > 1) this.repeats++;
    let total = 0;
    for (let k = min; k <= max; k++) total = cap(total + cap(atom.cost ** k));
    return { cost: total, required: min > 0 ? atom.required : null, longest: max * atom.longest };
  }

  /** Parses a class after its `[`; returns its characters when it is a short list of plain ones. */
  private charClass(): string[] | null {
    const negated = this.peek() === '^';
    if (negated) this.i++;
    let first = true;
    let chars: string[] | null = negated ? null : [];
    while (this.i < this.src.length) {
      const c = this.src[this.i++];
      if (c === ']' && !first) return chars && chars.length > 0 && chars.length <= MAX_CLASS_LITERALS ? chars : null;
      first = false;
      let char: string | undefined = c;
      if (c === '\\') {
        const e = this.src[this.i++];
        if (e === undefined) break;
        if (/[pP]/.test(e)) throw new PatternError('不支持 \\p{…} 属性类，请直接列出字符范围');
        char = e === 'b' ? '\b' : this.escapedChar(e);
      }
      // A range (a-z) is not a short list of characters; a '-' first or last is a plain one.
      if (char === undefined || (c === '-' && this.peek() !== ']' && chars && chars.length > 0)) chars = null;
      else chars?.push(char);
    }
    throw new PatternError('方括号 [ 没有闭合');
  }

  private hex(n: number): void {
    const digits = this.src.slice(this.i, this.i + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits))
      throw new PatternError(`转义 \\${n === 4 ? 'u' : 'x'} 后应有 ${n} 位十六进制数`);
    this.i += n;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }
}

function cap(n: number): number {
  return n > MAX_PATHS * 1000 ? MAX_PATHS * 1000 : n;
}

/** Validates a pack pattern and compiles it into a global RegExp. */
export function checkPattern(source: string): PatternCheck {
  if (source.length === 0) return { ok: false, reason: '模式为空' };
  if (source.length > MAX_PATTERN_LENGTH)
    return { ok: false, reason: `模式长度 ${source.length} 超过 ${MAX_PATTERN_LENGTH}` };
  let paths: number;
  let literals: Required;
  let longest: number | null;
  try {
    ({ cost: paths, required: literals, longest } = new Parser(source).parse());
  } catch (e) {
    if (e instanceof PatternError) return { ok: false, reason: e.message };
    throw e;
  }
  if (paths > MAX_PATHS) {
    return {
      ok: false,
      reason: `模式的匹配路径多达 ${paths >= MAX_PATHS * 1000 ? '百万以上' : paths} 种（上限 ${MAX_PATHS}），可能让浏览器卡死；请减少可变长度的重复或分支`,
    };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'g');
  } catch (e) {
    return { ok: false, reason: `不是有效的正则表达式：${(e as Error).message}` };
  }
  if (regex.test('')) return { ok: false, reason: '模式能匹配空字符串，会在每个位置报出问题' };
  return { ok: true, regex, paths, literals, longest };
}
