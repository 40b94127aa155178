/**
 * A model backtracking matcher with the semantics of JavaScript's RegExp (greedy and lazy
 * repetition, ordered alternation, the empty-iteration check), for the subset of syntax that
 * safe-pattern.ts accepts. It counts its steps, so a test can check the promise safe-pattern
 * makes — the work at one position is bounded by the pattern's path count — without a clock.
 */

export type Node =
  | { t: 'char'; re: RegExp } // one code unit: a literal, a class, an escape or '.'
  | { t: 'assert'; re: RegExp } // zero width: ^ $ \b \B
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; body: Node; min: number; max: number; lazy: boolean };

export function sticky(source: string): RegExp {
  return new RegExp(source, 'y');
}

function at(re: RegExp, text: string, pos: number): boolean {
  re.lastIndex = pos;
  return re.test(text);
}

/** The end of the first match starting exactly at `start` (null if none), and the steps taken. */
export function matchAt(node: Node, text: string, start: number): { end: number | null; steps: number } {
  let steps = 0;
  const m = (n: Node, pos: number, k: (pos: number) => boolean): boolean => {
    switch (n.t) {
      case 'char':
        steps++;
        return pos < text.length && at(n.re, text, pos) && k(pos + 1);
      case 'assert':
        steps++;
        return at(n.re, text, pos) && k(pos);
      case 'seq': {
        const run = (i: number, p: number): boolean =>
          i === n.items.length ? k(p) : m(n.items[i]!, p, (q) => run(i + 1, q));
        return run(0, pos);
      }
      case 'alt':
        return n.options.some((o) => m(o, pos, k));
      case 'rep': {
        const iterate = (count: number, p: number): boolean =>
          count < n.max && m(n.body, p, (q) => !(count >= n.min && q === p) && loop(count + 1, q));
        const loop = (count: number, p: number): boolean =>
          n.lazy ? (count >= n.min && k(p)) || iterate(count, p) : iterate(count, p) || (count >= n.min && k(p));
        return loop(0, pos);
      }
    }
  };
  let end: number | null = null;
  m(node, start, (p) => {
    end = p;
    return true;
  });
  return { end, steps };
}

/** The longest chain of steps one path through the pattern can take. */
export function longestPath(n: Node): number {
  switch (n.t) {
    case 'char':
    case 'assert':
      return 1;
    case 'seq':
      return n.items.reduce((sum, i) => sum + longestPath(i), 0);
    case 'alt':
      return Math.max(...n.options.map(longestPath));
    case 'rep':
      return n.max * longestPath(n.body);
  }
}
