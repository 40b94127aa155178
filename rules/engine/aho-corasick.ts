/**
 * Aho-Corasick over UTF-16 code units, built once per pack and then matched against every field
 * of every draft. Every term of every dictionary of the pack (and every allow-list entry) lives in
 * one automaton, so one pass over a field serves all term rules, as uBlock Origin's
 * compile-once / match-many engine does.
 *
 * Layout (typed arrays, no per-node objects after building):
 * - the root has a dense 64 Ki transition table, because nearly every character of a text starts
 *   at the root and that step must be one array read;
 * - every other node's children are a sorted run in `childCodes`/`childNodes`;
 * - `term[node]` is the pattern ending at the node (-1 if none) and `next[node]` the nearest
 *   node on its failure chain that ends a pattern (-1 if none), so reporting walks only hits;
 *   `firstHit[node]` is the node itself if it ends a pattern, else `next[node]`.
 *
 * Indexed reads carry `!`: every index is a node id (below the node count), an edge inside its
 * node's run, a pattern id or a UTF-16 code unit (the root table has 64 Ki entries), so each
 * read is in range. The assertions cost nothing at run time, unlike a check per character.
 */

export interface AhoCorasickMatch {
  /** Index of the pattern in the array given to the constructor. */
  pattern: number;
  /** Half-open range in the searched code units. */
  start: number;
  end: number;
}

export class AhoCorasick {
  readonly patternCount: number;
  private readonly lengths: Int32Array;
  private readonly rootNext = new Int32Array(0x10000);
  private readonly childStart: Int32Array;
  private readonly childCount: Int32Array;
  private readonly childCodes: Uint16Array;
  private readonly childNodes: Int32Array;
  private readonly fail: Int32Array;
  private readonly term: Int32Array;
  private readonly next: Int32Array;
  private readonly firstHit: Int32Array;

  /** Empty patterns are ignored; duplicate patterns report the first index only. */
  constructor(patterns: readonly string[]) {
    this.patternCount = patterns.length;
    this.lengths = new Int32Array(patterns.length);
    // Build the trie with a Map per node; flattened below.
    const children = [new Map<number, number>()];
    const term: number[] = [-1];
    for (const [p, pattern] of patterns.entries()) {
      this.lengths[p] = pattern.length;
      if (pattern.length === 0) continue;
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        const kids = children[node]!;
        let child = kids.get(code);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          term.push(-1);
          kids.set(code, child);
        }
        node = child;
      }
      if (term[node] === -1) term[node] = p;
    }

    const nodeCount = children.length;
    this.fail = new Int32Array(nodeCount);
    this.term = Int32Array.from(term);
    this.next = new Int32Array(nodeCount).fill(-1);
    this.childStart = new Int32Array(nodeCount);
    this.childCount = new Int32Array(nodeCount);
    let edgeCount = 0;
    for (const map of children) edgeCount += map.size;
    this.childCodes = new Uint16Array(edgeCount);
    this.childNodes = new Int32Array(edgeCount);

    let edge = 0;
    for (const [node, kids] of children.entries()) {
      const codes = [...kids.keys()].sort((a, b) => a - b);
      this.childStart[node] = edge;
      this.childCount[node] = codes.length;
      for (const code of codes) {
        this.childCodes[edge] = code;
        this.childNodes[edge++] = kids.get(code)!;
      }
    }
    for (const [code, child] of children[0]!) this.rootNext[code] = child;

    // Breadth-first failure links.
    const queue = new Int32Array(nodeCount);
    let head = 0;
    let tail = 0;
    for (const child of children[0]!.values()) queue[tail++] = child;
    while (head < tail) {
      const node = queue[head++]!;
      const base = this.childStart[node]!;
      for (let e = base; e < base + this.childCount[node]!; e++) {
        const code = this.childCodes[e]!;
        const child = this.childNodes[e]!;
        let f = this.fail[node]!;
        let target = this.step(f, code);
        while (target < 0) {
          f = this.fail[f]!;
          target = this.step(f, code);
        }
        this.fail[child] = target === child ? 0 : target;
        const failNode = this.fail[child];
        this.next[child] = this.term[failNode]! >= 0 ? failNode : this.next[failNode]!;
        queue[tail++] = child;
      }
    }
    this.firstHit = this.term.map((t, node) => (t >= 0 ? node : this.next[node]!));
  }

  /** Transition from `node` on `code`, or -1 (the root never fails: it returns 0). */
  private step(node: number, code: number): number {
    if (node === 0) return this.rootNext[code]!;
    const base = this.childStart[node]!;
    const count = this.childCount[node]!;
    const codes = this.childCodes;
    if (count <= 8) {
      for (let e = base; e < base + count; e++) {
        const c = codes[e]!;
        if (c === code) return this.childNodes[e]!;
        if (c > code) return -1;
      }
      return -1;
    }
    let lo = base;
    let hi = base + count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = codes[mid]!;
      if (c === code) return this.childNodes[mid]!;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** All (overlapping) matches in `codes[0..length)`, in order of their end. */
  search(codes: Uint16Array | string, length = codes.length): AhoCorasickMatch[] {
    if (typeof codes === 'string') {
      const units = new Uint16Array(length);
      for (let i = 0; i < length; i++) units[i] = codes.charCodeAt(i);
      return this.searchUnits(units, length);
    }
    return this.searchUnits(codes, length);
  }

  /**
   * The hot loop, over code units only (one element kind keeps it monomorphic), with the
   * transition written out: most characters either stay at the root (one table read) or fail
   * from a shallow node straight back to it.
   */
  private searchUnits(codes: Uint16Array, length: number): AhoCorasickMatch[] {
    const out: AhoCorasickMatch[] = [];
    const { rootNext, fail, next, term, firstHit, lengths, childStart, childCount, childCodes, childNodes } = this;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      if (state === 0) state = rootNext[code]!;
      else {
        // Follow failure links until a node has a child for this code; the root always has one.
        for (;;) {
          const base = childStart[state]!;
          const end = base + childCount[state]!;
          let target = -1;
          if (end - base <= 8) {
            for (let e = base; e < end; e++) {
              const c = childCodes[e]!;
              if (c >= code) {
                if (c === code) target = childNodes[e]!;
                break;
              }
            }
          } else {
            let lo = base;
            let hi = end - 1;
            while (lo <= hi) {
              const mid = (lo + hi) >> 1;
              const c = childCodes[mid]!;
              if (c === code) {
                target = childNodes[mid]!;
                break;
              }
              if (c < code) lo = mid + 1;
              else hi = mid - 1;
            }
          }
          if (target >= 0) {
            state = target;
            break;
          }
          state = fail[state]!;
          if (state === 0) {
            state = rootNext[code]!;
            break;
          }
        }
      }
      if (state === 0) continue;
      for (let hit = firstHit[state]!; hit >= 0; hit = next[hit]!) {
        const pattern = term[hit]!;
        out.push({ pattern, start: i + 1 - lengths[pattern]!, end: i + 1 });
      }
    }
    return out;
  }
}
