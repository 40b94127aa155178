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
 */

export const MAX_PATTERN_LENGTH = 200;
export const MAX_REPEAT = 50;
export const MAX_PATHS = 1000;

export type PatternCheck = { ok: true; regex: RegExp; paths: number } | { ok: false; reason: string };

class PatternError extends Error {}

/** Parses just enough of JavaScript's regex syntax to count paths; rejects the rest. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): number {
    const cost = this.alternation();
    if (this.i < this.src.length) throw new PatternError(`第 ${this.i + 1} 个字符「${this.src[this.i]}」多余（括号不配对？）`);
    return cost;
  }

  private alternation(): number {
    let cost = this.sequence();
    while (this.peek() === '|') {
      this.i++;
      cost += this.sequence();
    }
    return cost;
  }

  private sequence(): number {
    let cost = 1;
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const start = this.i;
      const atom = this.atom();
      cost = cap(cost * this.quantified(atom, start));
    }
    return cost;
  }

  private atom(): { cost: number; quantifiable: boolean; hasRepeat: boolean } {
    const c = this.src[this.i++];
    if (c === '(') {
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.peek() === '?') throw new PatternError('不支持断言、命名分组等 (?…) 语法，只能用 (…) 或 (?:…)');
      const repeatsBefore = this.repeats;
      const inner = this.alternation();
      if (this.src[this.i++] !== ')') throw new PatternError('括号不配对');
      return { cost: inner, quantifiable: true, hasRepeat: this.repeats > repeatsBefore };
    }
    if (c === '[') {
      this.charClass();
      return { cost: 1, quantifiable: true, hasRepeat: false };
    }
    if (c === '\\') {
      const e = this.src[this.i++];
      if (e === undefined) throw new PatternError('末尾的反斜杠没有转义任何字符');
      if (/[1-9k]/.test(e)) throw new PatternError('不支持反向引用（\\1、\\k<…>）');
      if (/[pP]/.test(e)) throw new PatternError('不支持 \\p{…} 属性类，请直接列出字符范围');
      if (e === 'b' || e === 'B') return { cost: 1, quantifiable: false, hasRepeat: false };
      if (e === 'u') this.hex(4);
      if (e === 'x') this.hex(2);
      return { cost: 1, quantifiable: true, hasRepeat: false };
    }
    if (c === '^' || c === '$') return { cost: 1, quantifiable: false, hasRepeat: false };
    if (c === ')') throw new PatternError('括号不配对');
    if ('*+?{'.includes(c)) throw new PatternError(`「${c}」前面没有可重复的内容`);
    return { cost: 1, quantifiable: true, hasRepeat: false };
  }

  /** How many repetitions with an upper bound above 1 were parsed so far. */
  private repeats = 0;

  private quantified(atom: { cost: number; quantifiable: boolean; hasRepeat: boolean }, start: number): number {
    const q = this.peek();
    let min: number;
    let max: number;
    if (q === '?') {
      this.i++;
      [min, max] = [0, 1];
    } else if (q === '*' || q === '+') {
      throw new PatternError(`「${q}」是无上限的重复，可能让浏览器卡死；请改为有上限的 {${q === '*' ? 0 : 1},20} 这类写法`);
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new PatternError('「{」后应为 {m} 或 {m,n}');
      this.i += m[0].length;
      min = Number(m[1]);
      if (m[2] !== undefined && m[3] === '') throw new PatternError(`{${min},} 是无上限的重复；请写出上限，如 {${min},20}`);
      max = m[3] !== undefined ? Number(m[3]) : min;
      if (max < min) throw new PatternError(`{${min},${max}} 的上限小于下限`);
      if (max > MAX_REPEAT) throw new PatternError(`重复上限 ${max} 超过 ${MAX_REPEAT}`);
    } else {
      return atom.cost;
    }
    if (this.peek() === '?') this.i++; // lazy: same paths
    if (!atom.quantifiable) throw new PatternError(`第 ${start + 1} 个字符处的锚点不能重复`);
    if (atom.hasRepeat && max > 1) throw new PatternError('不允许在已含重复的分组外再加重复（嵌套重复）');
    if (max > 1) this.repeats++;
    let total = 0;
    for (let k = min; k <= max; k++) total = cap(total + cap(atom.cost ** k));
    return total;
  }

  private charClass(): void {
    if (this.peek() === '^') this.i++;
    let first = true;
    while (this.i < this.src.length) {
      const c = this.src[this.i++];
      if (c === ']' && !first) return;
      first = false;
      if (c === '\\') {
        const e = this.src[this.i++];
        if (e === undefined) break;
        if (/[pP]/.test(e)) throw new PatternError('不支持 \\p{…} 属性类，请直接列出字符范围');
        if (e === 'u') this.hex(4);
        if (e === 'x') this.hex(2);
      }
    }
    throw new PatternError('方括号 [ 没有闭合');
  }

  private hex(n: number): void {
    const digits = this.src.slice(this.i, this.i + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) throw new PatternError(`转义 \\${n === 4 ? 'u' : 'x'} 后应有 ${n} 位十六进制数`);
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
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `模式长度 ${source.length} 超过 ${MAX_PATTERN_LENGTH}` };
  let paths: number;
  try {
    paths = new Parser(source).parse();
  } catch (e) {
    if (e instanceof PatternError) return { ok: false, reason: e.message };
    throw e;
  }
  if (paths > MAX_PATHS) {
    return { ok: false, reason: `模式的匹配路径多达 ${paths >= MAX_PATHS * 1000 ? '百万以上' : paths} 种（上限 ${MAX_PATHS}），可能让浏览器卡死；请减少可变长度的重复或分支` };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'g');
  } catch (e) {
    return { ok: false, reason: `不是有效的正则表达式：${(e as Error).message}` };
  }
  if (regex.test('')) return { ok: false, reason: '模式能匹配空字符串，会在每个位置报出问题' };
  return { ok: true, regex, paths };
}
