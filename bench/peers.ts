/**
 * The bare term matchers the engine is compared with, behind one shape: build once from a term
 * list, then count the occurrences in a text. They match the raw text only — no normalisation,
 * no allow-list, no ranges mapped back — which is the work the engine must beat while doing more.
 */
import AhoCorasick from 'modern-ahocorasick';
import { Mint } from 'mint-filter';

export interface Matcher {
  count(text: string): number;
}

export interface Peer {
  name: string;
  build(terms: readonly string[]): Matcher;
}

export const PEERS: readonly Peer[] = [
  {
    name: 'modern-ahocorasick',
    build(terms) {
      const ac = new AhoCorasick(terms);
      return { count: (text) => ac.search(text).length };
    },
  },
  {
    name: 'mint-filter',
    build(terms) {
      const mint = new Mint([...terms]);
      return { count: (text) => mint.filter(text, { replace: false }).words.length };
    },
  },
  {
    name: 'indexOf',
    build(terms) {
      const list = [...terms];
      return {
        count(text) {
          let n = 0;
          for (const term of list) for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) n++;
          return n;
        },
      };
    },
  },
];
