/**
 * Syntax check for the CSS selectors a pack may send to override an adapter's (Pack.sites), done
 * without a DOM so the CLI refuses a bad selector before it is signed, and the extension before it
 * reaches a content script (where `querySelector` would throw on every page). Only declarative CSS
 * is accepted — what `querySelectorAll` understands, minus pseudo-elements (they select nothing)
 * and minus the look-alikes of other tools (`:contains`, `:has-text`, XPath), which would be
 * silently useless in a browser.
 *
 * Grammar (Selectors Level 4, restricted):
 *   list      = complex ("," complex)*
 *   complex   = compound (combinator compound)*        combinator = " " | ">" | "+" | "~"
 *   compound  = (type | "*")? (id | class | attribute | pseudo)*   (not empty)
 *   attribute = "[" ident (("=" | "~=" | "|=" | "^=" | "$=" | "*=") (ident | string) (" i" | " s")?)? "]"
 *   pseudo    = ":" name | ":" fn "(" list ")" | ":" nth "(" an+b ("of" list)? ")"
 */

const SIMPLE_PSEUDO = new Set([
  'first-child',
  'last-child',
  'only-child',
  'first-of-type',
  'last-of-type',
  'only-of-type',
  'empty',
  'root',
  'checked',
  'disabled',
  'enabled',
  'required',
  'optional',
  'read-only',
  'read-write',
  'placeholder-shown',
  'focus',
  'focus-within',
  'focus-visible',
  'hover',
  'active',
  'link',
  'any-link',
  'default',
  'indeterminate',
  'scope',
]);
const LIST_PSEUDO = new Set(['not', 'is', 'where', 'has']);
const NTH_PSEUDO = new Set(['nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type']);
const MAX_NESTING = 3;

class SelectorError extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): void {
    this.list(0, false);
    this.space();
    if (this.i < this.s.length) this.fail(`多余的「${this.s[this.i]}」`);
  }

  private fail(message: string, at = this.i): never {
    throw new SelectorError(`第 ${Math.min(at, this.s.length) + 1} 个字符处：${message}`);
  }

  private peek(offset = 0): string | undefined {
    return this.s[this.i + offset];
  }

  private space(): boolean {
    const start = this.i;
    while (this.peek() !== undefined && /\s/.test(this.peek()!)) this.i++;
    return this.i > start;
  }

  private list(depth: number, relative: boolean): void {
    if (depth > MAX_NESTING) this.fail(`:not/:is/:where/:has 嵌套超过 ${MAX_NESTING} 层`);
    this.complex(depth, relative);
    this.space();
    while (this.peek() === ',') {
      this.i++;
      this.complex(depth, relative);
      this.space();
    }
  }

  private complex(depth: number, relative: boolean): void {
    this.space();
    // :has() takes relative selectors: "> a", "+ b".
    if (relative && /[>+~]/.test(this.peek() ?? '')) {
      this.i++;
      this.space();
    }
    this.compound(depth);
    for (;;) {
      const spaced = this.space();
      const c = this.peek();
      if (c === '>' || c === '+' || c === '~') {
        this.i++;
        this.space();
        this.compound(depth);
      } else if (spaced && c !== undefined && c !== ',' && c !== ')') {
        this.compound(depth);
      } else {
        return;
      }
    }
  }

  private compound(depth: number): void {
    const start = this.i;
    if (this.peek() === '*') this.i++;
    else if (this.identStart()) this.ident();
    for (;;) {
      const c = this.peek();
      if (c === '#') {
        this.i++;
        if (!this.identStart() && !/[0-9-]/.test(this.peek() ?? '')) this.fail('「#」后应为 id');
        this.name();
      } else if (c === '.') {
        this.i++;
        if (!this.identStart()) this.fail('「.」后应为类名');
        this.ident();
      } else if (c === '[') {
        this.attribute();
      } else if (c === ':') {
        this.pseudo(depth);
      } else {
        break;
      }
    }
    if (this.i === start) {
      const c = this.peek();
      if (c === undefined) this.fail('选择器不完整');
      if (c === '/') this.fail('这像是 XPath；只接受 CSS 选择器');
      this.fail(`「${c}」不能出现在这里`);
    }
  }

  private attribute(): void {
    this.i++; // [
    this.space();
    if (!this.identStart()) this.fail('「[」后应为属性名');
    this.ident();
    this.space();
    const op = /^(?:[~|^$*]?=)/.exec(this.s.slice(this.i));
    if (op) {
      this.i += op[0].length;
      this.space();
      const q = this.peek();
      if (q === '"' || q === "'") this.string(q);
      else if (this.identStart()) this.ident();
      else this.fail('属性值应为标识符或带引号的文字');
      this.space();
      if (/^[is]\b/i.test(this.s.slice(this.i)) && this.s[this.i + 1] !== '-') {
        this.i++;
        this.space();
      }
    }
    if (this.peek() !== ']') this.fail('属性选择器缺少「]」');
    this.i++;
  }

  private pseudo(depth: number): void {
    const colon = this.i;
    this.i++;
    if (this.peek() === ':') this.fail('不接受伪元素（::before 等选不到页面元素）', colon);
    const start = this.i;
    if (!this.identStart()) this.fail('「:」后应为伪类名');
    this.ident();
    const name = this.s.slice(start, this.i).toLowerCase();
    if (this.peek() === '(') {
      this.i++;
      if (LIST_PSEUDO.has(name)) {
        this.list(depth + 1, name === 'has');
      } else if (NTH_PSEUDO.has(name)) {
        this.nth(depth);
      } else {
        this.fail(
          `不支持 :${name}(…)${name === 'contains' || name === 'has-text' ? '（这是 jQuery/Playwright 的写法，不是 CSS）' : ''}`,
          colon,
        );
      }
      this.space();
      if (this.peek() !== ')') this.fail(`:${name}( 缺少「)」`);
      this.i++;
    } else if (!SIMPLE_PSEUDO.has(name)) {
      this.fail(
        LIST_PSEUDO.has(name) || NTH_PSEUDO.has(name) ? `:${name} 需要括号参数` : `不支持的伪类 :${name}`,
        colon,
      );
    }
  }

  private nth(depth: number): void {
    this.space();
    const m = /^(?:odd|even|[+-]?\d*n(?:\s*[+-]\s*\d+)?|[+-]?\d+)/i.exec(this.s.slice(this.i));
    if (!m) this.fail('应为 an+b、odd 或 even');
    this.i += m[0].length;
    this.space();
    if (/^of\s/i.test(this.s.slice(this.i))) {
      this.i += 2;
      this.list(depth + 1, false);
    }
  }

  private identStart(): boolean {
    const c = this.peek();
    if (c === undefined) return false;
    if (c === '-') return /[A-Za-z_\-\\\u0080-\uFFFF]/.test(this.peek(1) ?? '');
    return /[A-Za-z_\\\u0080-\uFFFF]/.test(c);
  }

  private ident(): void {
    if (this.peek() === '-') this.i++;
    this.name();
  }

  /** Name characters, with CSS escapes (`\:`, `\31 `). */
  private name(): void {
    const start = this.i;
    for (;;) {
      const c = this.peek();
      if (c === '\\') {
        this.i++;
        const hex = /^[0-9a-fA-F]{1,6} ?/.exec(this.s.slice(this.i));
        if (hex) this.i += hex[0].length;
        else if (this.peek() === undefined || this.peek() === '\n') this.fail('反斜杠后没有字符');
        else this.i++;
      } else if (c !== undefined && /[A-Za-z0-9_\-\u0080-\uFFFF]/.test(c)) {
        this.i++;
      } else {
        break;
      }
    }
    if (this.i === start) this.fail('名称为空');
  }

  private string(quote: string): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '\n') this.fail('引号没有闭合');
      this.i++;
      if (c === '\\') this.i++;
      else if (c === quote) return;
    }
  }
}

/** Undefined when the selector is valid declarative CSS; otherwise why not, in Chinese. */
export function checkSelector(selector: string): string | undefined {
  if (selector.trim() === '') return '选择器为空';
  try {
    new Parser(selector).parse();
    return undefined;
  } catch (e) {
    if (e instanceof SelectorError) return e.message;
    throw e;
  }
}
