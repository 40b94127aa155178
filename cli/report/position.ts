/** Line and column (1-based) of UTF-16 offsets in a text, as an editor shows them. */

export interface Position {
  line: number;
  /** Counted in characters (code points), so an emoji is one column. */
  column: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    // The last line starting at or before the offset; lo and mid stay inside `starts`.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let column = 1;
    for (let i = this.starts[lo]!; i < offset; i++) {
      // The second half of a surrogate pair is not a column of its own.
      if (isLowSurrogate(this.text.charCodeAt(i)) && isHighSurrogate(this.text.charCodeAt(i - 1))) continue;
      column++;
    }
    return { line: lo + 1, column };
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
