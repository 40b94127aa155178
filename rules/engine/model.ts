/**
 * Judgement models: pack data, like dictionaries. A model is a logistic regression over the
 * character 1–3-grams of a paragraph's feature text (rules/engine/features.ts), trained outside
 * the extension (train/, `npm run train`) on labelled real text and shipped inside the signed
 * pack. It holds n-grams and their weights, nothing else: no code, and no n-gram that occurred in
 * fewer than five different training texts (the trainer's rule, stated in `meta`).
 *
 * In the pack a model is compact JSON: the n-grams of each length concatenated into one string,
 * sorted, and one signed byte of weight per n-gram (base64), times a scale. Compiled, it becomes
 * an open-addressing table keyed by the n-grams' code units, so scoring a paragraph makes no
 * string and no allocation per position. A paragraph's score is
 *
 *   p = σ(bias + Σ w(g) / √k)
 *
 * over the k distinct n-grams g of the paragraph that the model knows: a long paragraph is not
 * judged more extreme for being long.
 */
import { fromBase64 } from './base64';
import { BEGIN, DIGIT, END, type FeatureText } from './features';
import { CATEGORIES, type Category } from './types';

export const MODEL_FORMAT = 1;
export const MODEL_KIND = 'char-ngram-logistic';

export interface ModelThresholds {
  /** Probability from which a paragraph is shown as a warning. */
  warn: number;
  /** Probability from which a paragraph needs a written reason (the rule may ask for more). */
  justify: number;
}

/** A model as a pack holds it (built form; packs/default/models/<name>.json in the source). */
export interface ModelDocument {
  format: typeof MODEL_FORMAT;
  kind: typeof MODEL_KIND;
  /** The category whose findings the model's score supports. */
  category: Category;
  /** One Chinese sentence: what the model recognises. */
  description: string;
  bias: number;
  /** A stored weight byte b stands for b × scale. */
  scale: number;
  /** Unigrams, bigrams and trigrams: each list's code units concatenated, in ascending order. */
  ngrams: [string, string, string];
  /** One signed byte per n-gram, in the order of `ngrams`, base64. */
  weights: string;
  thresholds: ModelThresholds;
  /** How it was made: data used, date, size, dev-split figures, why these thresholds. Not read by the engine. */
  meta: Record<string, unknown>;
}

/** What a model may weigh: a model must stay small enough to ship, verify and compile in a browser. */
export const MODEL_LIMITS = {
  models: 8,
  ngrams: 40_000,
  /** Characters of the model's JSON as the pack holds it. */
  chars: 320_000,
  /** Gzipped bytes of that JSON: checked where gzip is at hand (pack build, admission). */
  gzipBytes: 150 * 1024,
  descriptionLength: 200,
} as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isProbability = (v: unknown): v is number => typeof v === 'number' && v > 0 && v < 1;

/** Structural checks of an untrusted model, one message per problem (path first). */
export function checkModel(input: unknown, path: string, err: (path: string, message: string) => void): void {
  if (!isObject(input)) return err(path, '应为模型对象');
  const m = input;
  if (m.format !== MODEL_FORMAT)
    err(`${path}.format`, `模型格式版本应为 ${MODEL_FORMAT}，实际为 ${JSON.stringify(m.format)}`);
  if (m.kind !== MODEL_KIND) err(`${path}.kind`, `应为「${MODEL_KIND}」`);
  if (!(CATEGORIES as readonly unknown[]).includes(m.category))
    err(`${path}.category`, `应为 ${CATEGORIES.join('/')} 之一`);
  if (
    typeof m.description !== 'string' ||
    !m.description.trim() ||
    m.description.length > MODEL_LIMITS.descriptionLength
  )
    err(`${path}.description`, `应为 1–${MODEL_LIMITS.descriptionLength} 字的说明`);
  if (typeof m.bias !== 'number' || !Number.isFinite(m.bias) || Math.abs(m.bias) > 100)
    err(`${path}.bias`, '应为 -100–100 的数');
  if (typeof m.scale !== 'number' || !Number.isFinite(m.scale) || m.scale <= 0 || m.scale > 10)
    err(`${path}.scale`, '应为 0–10 之间的正数');
  if (!isObject(m.thresholds) || !isProbability(m.thresholds.warn) || !isProbability(m.thresholds.justify))
    err(`${path}.thresholds`, '应为 { warn, justify }，两者都是 0–1 之间的概率');
  else if (m.thresholds.warn > m.thresholds.justify) err(`${path}.thresholds`, 'warn 不能高于 justify');
  if (!isObject(m.meta)) err(`${path}.meta`, '应为对象（训练数据、日期、规模、开发集成绩、阈值理由）');
  const lists = m.ngrams;
  if (!Array.isArray(lists) || lists.length !== 3 || !lists.every((l) => typeof l === 'string'))
    return err(`${path}.ngrams`, '应为 [一元, 二元, 三元] 三个字符串');
  let count = 0;
  lists.forEach((list: string, i) => {
    const n = i + 1;
    if (list.length % n !== 0) return err(`${path}.ngrams[${i}]`, `长度应为 ${n} 的倍数`);
    for (let a = 0; a + n < list.length; a += n) {
      if (list.slice(a, a + n) >= list.slice(a + n, a + 2 * n))
        return err(`${path}.ngrams[${i}]`, `第 ${a / n + 1} 个起未按升序排列或有重复`);
    }
    for (let c = 0; c < list.length; c++) {
      const code = list.charCodeAt(c);
      // BEGIN opens an n-gram and END closes one; spaces and line breaks never reach a feature text.
      if (
        code === 0 ||
        code === 0x0a ||
        code === 0x20 ||
        (code === BEGIN && c % n !== 0) ||
        (code === END && c % n !== n - 1)
      )
        return err(`${path}.ngrams[${i}]`, `含有不可能出现的字符 U+${code.toString(16).padStart(4, '0')}`);
    }
    count += list.length / n;
  });
  if (count > MODEL_LIMITS.ngrams) err(`${path}.ngrams`, `共 ${count} 个 n 元组，超过上限 ${MODEL_LIMITS.ngrams}`);
  if (typeof m.weights !== 'string') return err(`${path}.weights`, '应为 base64 字符串');
  const bytes = fromBase64(m.weights);
  if (!bytes) err(`${path}.weights`, '不是有效的 base64');
  else if (bytes.length !== count) err(`${path}.weights`, `权重 ${bytes.length} 个，与 n 元组数 ${count} 不符`);
}

// ---- compiled form ---------------------------------------------------------------------------

/** Table entry flags. */
const REAL = 1;
/** Longer n-grams of the model start with this one: look further. */
const EXTENDS = 2;

/** The table slot of the n-gram `parent` + `unit`: a cheap mix of two small integers. */
function hashOf(parent: number, unit: number): number {
  const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(unit + 0x3c6ef372, 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** What joins the groups of one number: 400-888-0000, 5.5. */
const NUMBER_JOINERS = new Set([0x2d, 0x2e]);

/** A letter, a digit or a Chinese character of the feature text: what a cue must hold to explain anything. */
function isWordUnit(code: number): boolean {
  return (
    code === DIGIT ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a)
  );
}

export interface Cue {
  /** Feature-text [start, end) of the cue (merged from the n-grams that weighed most). */
  features: [number, number];
  /** Summed weight of the n-grams in it (in the score's units, before the √k). */
  weight: number;
}

export interface ParagraphScore {
  /** Feature-text [start, end) of the paragraph, BEGIN and END included. */
  features: [number, number];
  probability: number;
}

export class CompiledModel {
  readonly name: string;
  readonly category: Category;
  readonly description: string;
  readonly thresholds: ModelThresholds;
  readonly ngramCount: number;
  private readonly bias: number;
  private readonly mask: number;
  /**
   * The table: an n-gram is its prefix's slot (`parent`, stored plus two so that 0 marks an empty
   * slot and 1 a unigram, which is reached through `unigram`) and its last code unit.
   * Looking up a bigram or trigram is one hash of two small integers and compares of two.
   */
  private readonly parent: Int32Array;
  private readonly unit: Uint16Array;
  private readonly weights: Float32Array;
  private readonly flags: Uint8Array;
  private readonly seen: Int32Array;
  /** Code unit → the unigram's slot, or -1: a unigram needs no hashing at all. */
  private readonly unigram: Int32Array;
  private stamp = 0;

  /** The document must have passed `checkModel`. */
  constructor(name: string, doc: ModelDocument) {
    this.name = name;
    this.category = doc.category;
    this.description = doc.description;
    this.thresholds = { ...doc.thresholds };
    this.bias = doc.bias;
    const bytes = fromBase64(doc.weights)!;
    const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const count = signed.length;
    this.ngramCount = count;
    // Room for every n-gram and each prefix that leads to a longer one, at most half full.
    let size = 1024;
    while (size < 4 * count) size *= 2;
    this.mask = size - 1;
    this.parent = new Int32Array(size);
    this.unit = new Uint16Array(size);
    this.weights = new Float32Array(size);
    this.flags = new Uint8Array(size);
    this.seen = new Int32Array(size);
    this.unigram = new Int32Array(0x10000).fill(-1);
    let w = 0;
    // Slots are masked into the table, which every slot array spans; checkModel made the weights
    // as many as the n-grams.
    doc.ngrams.forEach((list, i) => {
      const n = i + 1;
      for (let a = 0; a < list.length; a += n, w++) {
        let slot = this.insertUnigram(list.charCodeAt(a));
        for (let j = 1; j < n; j++) {
          this.flags[slot]! |= EXTENDS;
          slot = this.insert(slot, list.charCodeAt(a + j));
        }
        this.flags[slot]! |= REAL;
        this.weights[slot] = signed[w]! * doc.scale;
      }
    });
  }

  private insertUnigram(unit: number): number {
    // `unigram` has an entry for every code unit.
    const known = this.unigram[unit]!;
    if (known !== -1) return known;
    const slot = this.insert(-1, unit);
    this.unigram[unit] = slot;
    return slot;
  }

  private insert(parent: number, unit: number): number {
    const key = parent + 2;
    let slot = hashOf(key, unit) & this.mask;
    for (;;) {
      if (this.parent[slot] === 0) {
        this.parent[slot] = key;
        this.unit[slot] = unit;
        return slot;
      }
      if (this.parent[slot] === key && this.unit[slot] === unit) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The slot of the n-gram made of the prefix in slot `parent` and `unit`, or -1. */
  private child(parent: number, unit: number): number {
    const key = parent + 2;
    const parents = this.parent;
    let slot = hashOf(key, unit) & this.mask;
    for (;;) {
      const p = parents[slot];
      if (p === key && this.unit[slot] === unit) return slot;
      if (p === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The slot of an n-gram (b, c: -1 for a shorter one), or -1. */
  private find(a: number, b: number, c: number): number {
    // `unigram` has an entry for every code unit.
    const s1 = this.unigram[a]!;
    if (s1 === -1 || b === -1) return s1;
    const s2 = this.child(s1, b);
    return s2 === -1 || c === -1 ? s2 : this.child(s2, c);
  }

  /** The logit of the feature-text range [start, end) (one paragraph). */
  logit(text: FeatureText, start: number, end: number): number {
    const { codes } = text;
    const seen = this.seen;
    const flags = this.flags;
    const stamp = ++this.stamp;
    let sum = 0;
    let k = 0;
    const unigram = this.unigram;
    // [start, end) lies inside the feature text; `unigram` has an entry for every code unit and
    // the slot arrays one for every slot found.
    for (let i = start; i < end; i++) {
      const s1 = unigram[codes[i]!]!;
      if (s1 === -1) continue;
      const f1 = flags[s1]!;
      if (f1 & REAL && seen[s1] !== stamp) {
        seen[s1] = stamp;
        sum += this.weights[s1]!;
        k++;
      }
      if (!(f1 & EXTENDS) || i + 1 >= end) continue;
      const s2 = this.child(s1, codes[i + 1]!);
      if (s2 === -1) continue;
      const f2 = flags[s2]!;
      if (f2 & REAL && seen[s2] !== stamp) {
        seen[s2] = stamp;
        sum += this.weights[s2]!;
        k++;
      }
      if (!(f2 & EXTENDS) || i + 2 >= end) continue;
      const s3 = this.child(s2, codes[i + 2]!);
      if (s3 !== -1 && flags[s3]! & REAL && seen[s3] !== stamp) {
        seen[s3] = stamp;
        sum += this.weights[s3]!;
        k++;
      }
    }
    return k === 0 ? this.bias : this.bias + sum / Math.sqrt(k);
  }

  /** Scores of every paragraph of a feature text. */
  score(text: FeatureText): ParagraphScore[] {
    const out: ParagraphScore[] = [];
    const p = text.paragraphs;
    for (let i = 0; i + 1 < p.length; i += 2) {
      // Paragraphs come in [start, end) pairs.
      const start = p[i]!;
      const end = p[i + 1]!;
      const z = this.logit(text, start, end);
      out.push({ features: [start, end], probability: 1 / (1 + Math.exp(-z)) });
    }
    return out;
  }

  /**
   * The stretches of a paragraph that weighed most towards the model's class: its bigrams and
   * trigrams of positive weight that start and end with a letter, a digit or a Chinese character
   * (a lone character or a comma explains nothing to a reader), merged where they overlap, ranked
   * by their summed weight, with punctuation trimmed from their edges. Each n-gram counts once, at
   * its first occurrence (as in the score).
   */
  cues(text: FeatureText, start: number, end: number, most: number): Cue[] {
    const { codes } = text;
    const stamp = ++this.stamp;
    const grams: { from: number; to: number; weight: number }[] = [];
    const { flags, seen, weights } = this;
    // As in `logit`: reads inside [start, end), the code-unit table and slots found in the table.
    for (let i = start; i + 1 < end; i++) {
      const s1 = this.unigram[codes[i]!]!;
      if (s1 === -1 || !(flags[s1]! & EXTENDS)) continue;
      const s2 = this.child(s1, codes[i + 1]!);
      if (s2 === -1) continue;
      for (let n = 2, slot = s2; ; n++) {
        if (flags[slot]! & REAL && seen[slot] !== stamp) {
          seen[slot] = stamp;
          const w = weights[slot]!;
          if (w > 0 && isWordUnit(codes[i]!) && isWordUnit(codes[i + n - 1]!))
            grams.push({ from: i, to: i + n, weight: w });
        }
        if (n === 3 || !(flags[slot]! & EXTENDS) || i + n >= end) break;
        slot = this.child(slot, codes[i + n]!);
        if (slot === -1) break;
      }
    }
    // The heaviest n-grams first; a lighter one that overlaps a chosen cue joins it.
    grams.sort((x, y) => y.weight - x.weight || x.from - y.from);
    const cues: Cue[] = [];
    for (const g of grams) {
      const host = cues.find((c) => g.from < c.features[1] && c.features[0] < g.to);
      if (host) {
        host.features = [Math.min(host.features[0], g.from), Math.max(host.features[1], g.to)];
        host.weight += g.weight;
      } else if (cues.length < most) cues.push({ features: [g.from, g.to], weight: g.weight });
      else if (g.weight < cues[cues.length - 1]!.weight / 4) break;
    }
    // A cue that cuts a number shows all of it (“0312-5901234”, not “0312-59” and “34”).
    for (const c of cues) {
      let [a, b] = c.features;
      // Called inside [start, end) only; its neighbours' reads may fall outside and then are no digit.
      const inNumber = (i: number) =>
        codes[i] === DIGIT || (NUMBER_JOINERS.has(codes[i]!) && codes[i - 1] === DIGIT && codes[i + 1] === DIGIT);
      if (codes[a] === DIGIT) while (a > start && inNumber(a - 1)) a--;
      if (codes[b - 1] === DIGIT) while (b < end && inNumber(b)) b++;
      c.features = [a, b];
    }
    // A gram that bridged two cues joined only one of them: merge cues that now overlap.
    cues.sort((x, y) => x.features[0] - y.features[0]);
    for (let i = 1; i < cues.length; i++) {
      const prev = cues[i - 1]!;
      const cur = cues[i]!;
      if (cur.features[0] < prev.features[1]) {
        prev.features = [prev.features[0], Math.max(prev.features[1], cur.features[1])];
        prev.weight += cur.weight;
        cues.splice(i--, 1);
      }
    }
    for (const c of cues) {
      let [a, b] = c.features;
      // a < b within the paragraph.
      while (a < b && !isWordUnit(codes[a]!)) a++;
      while (b > a && !isWordUnit(codes[b - 1]!)) b--;
      c.features = [a, b];
    }
    return cues.sort((x, y) => y.weight - x.weight);
  }
}
