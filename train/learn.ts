/**
 * Logistic regression over character n-grams, deterministic: the same texts in the same order
 * give the same weights, bit for bit, on the same runtime.
 *
 * A text is the set of 1–3-grams of its feature text (rules/engine/features.ts), each counted
 * once, scaled so that the vector has unit length: a long paragraph is not judged more extreme
 * for being long. Only n-grams that occur in at least `minTexts` different training texts form
 * the vocabulary, so no rare string of a training text (a name, a message of one private person)
 * can enter a model. Weights are fitted by L-BFGS on the weighted log loss with an L2 penalty.
 */
import { featuresOf, ngramKey } from '../rules/engine/features';

/** Distinct n-gram keys of a folded text, across its paragraphs. */
export function ngramKeys(folded: string): number[] {
  const f = featuresOf(folded);
  const keys = new Set<number>();
  for (let p = 0; p < f.paragraphs.length; p += 2) {
    const start = f.paragraphs[p]!;
    const end = f.paragraphs[p + 1]!;
    for (let i = start; i < end; i++) {
      const c = f.codes[i]!;
      keys.add(ngramKey(c));
      if (i + 1 < end) keys.add(ngramKey(c, f.codes[i + 1]));
      if (i + 2 < end) keys.add(ngramKey(c, f.codes[i + 1], f.codes[i + 2]));
    }
  }
  return [...keys];
}

export interface Vocabulary {
  /** n-gram key → feature index. */
  index: Map<number, number>;
  keys: number[];
}

/** The n-grams found in at least `minTexts` of the texts (each text's keys given once). */
export function vocabulary(textKeys: readonly number[][], minTexts: number): Vocabulary {
  const counts = new Map<number, number>();
  for (const keys of textKeys) for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const keys = [...counts].filter(([, n]) => n >= minTexts).map(([k]) => k);
  keys.sort((a, b) => a - b);
  return { index: new Map(keys.map((k, i) => [k, i])), keys };
}

/** A sparse, unit-length row: feature indices (sorted) and one shared value. */
export interface Row {
  features: Int32Array;
  value: number;
}

export function row(keys: readonly number[], vocab: Vocabulary): Row {
  const idx: number[] = [];
  for (const k of keys) {
    const i = vocab.index.get(k);
    if (i !== undefined) idx.push(i);
  }
  idx.sort((a, b) => a - b);
  return { features: Int32Array.from(idx), value: idx.length ? 1 / Math.sqrt(idx.length) : 0 };
}

export interface Example {
  row: Row;
  /** 1 for the class the model finds, 0 otherwise. */
  y: number;
  /** Weight in the loss. */
  weight: number;
}

export interface Fitted {
  bias: number;
  weights: Float64Array;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function score(model: Fitted, r: Row): number {
  let z = model.bias;
  for (let j = 0; j < r.features.length; j++) z += model.weights[r.features[j]!]! * r.value;
  return z;
}

export function probability(model: Fitted, r: Row): number {
  return sigmoid(score(model, r));
}

/**
 * Loss and gradient of the L2-penalised weighted log loss. θ[0] is the bias (not penalised),
 * θ[1 + j] the weight of feature j.
 */
function lossAndGradient(
  theta: Float64Array,
  examples: readonly Example[],
  l2: number,
  grad: Float64Array,
  scale: Float64Array,
): number {
  grad.fill(0);
  let loss = 0;
  for (const { row: r, y, weight } of examples) {
    let z = theta[0]!;
    const f = r.features;
    for (let j = 0; j < f.length; j++) z += theta[1 + f[j]!]! * scale[f[j]!]! * r.value;
    // log(1 + e^z) - y z, computed stably.
    loss += weight * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z);
    const g = weight * (sigmoid(z) - y);
    grad[0]! += g;
    const gv = g * r.value;
    for (let j = 0; j < f.length; j++) grad[1 + f[j]!]! += gv * scale[f[j]!]!;
  }
  for (let j = 1; j < theta.length; j++) {
    loss += 0.5 * l2 * theta[j]! * theta[j]!;
    grad[j]! += l2 * theta[j]!;
  }
  return loss;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** L-BFGS (memory 10) with a backtracking Armijo line search; a fixed number of iterations at most. */
export function fit(
  examples: readonly Example[],
  features: number,
  l2: number,
  iterations = 300,
  scale: Float64Array = new Float64Array(features).fill(1),
): Fitted {
  const n = features + 1;
  const theta = new Float64Array(n);
  const grad = new Float64Array(n);
  let loss = lossAndGradient(theta, examples, l2, grad, scale);
  const memory: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  const direction = new Float64Array(n);
  const next = new Float64Array(n);
  const nextGrad = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: direction = -H·grad.
    direction.set(grad);
    const alphas: number[] = [];
    for (let m = memory.length - 1; m >= 0; m--) {
      const { s, y, rho } = memory[m]!;
      const a = rho * dot(s, direction);
      alphas[m] = a;
      for (let i = 0; i < n; i++) direction[i]! -= a * y[i]!;
    }
    if (memory.length) {
      const last = memory[memory.length - 1]!;
      const gamma = dot(last.s, last.y) / dot(last.y, last.y);
      for (let i = 0; i < n; i++) direction[i]! *= gamma;
    }
    for (let m = 0; m < memory.length; m++) {
      const { s, y, rho } = memory[m]!;
      const b = rho * dot(y, direction);
      for (let i = 0; i < n; i++) direction[i]! += s[i]! * (alphas[m]! - b);
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i]!;
    let slope = dot(grad, direction);
    if (slope >= 0) {
      // Not a descent direction: start again from the gradient.
      memory.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -grad[i]!;
      slope = dot(grad, direction);
    }
    let step = it === 0 ? 1 / Math.sqrt(dot(grad, grad)) : 1;
    let nextLoss = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) next[i] = theta[i]! + step * direction[i]!;
      nextLoss = lossAndGradient(next, examples, l2, nextGrad, scale);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next[i]! - theta[i]!;
      y[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      memory.push({ s, y, rho: 1 / sy });
      if (memory.length > 10) memory.shift();
    }
    const improvement = (loss - nextLoss) / Math.max(1, Math.abs(loss));
    theta.set(next);
    grad.set(nextGrad);
    loss = nextLoss;
    if (improvement < 1e-9) break;
  }
  const weights = theta.slice(1);
  for (let j = 0; j < features; j++) weights[j]! *= scale[j]!;
  return { bias: theta[0]!, weights };
}

/**
 * Naive-Bayes scaling of the features (Wang and Manning, 2012, "Baselines and bigrams"): each
 * n-gram's value is multiplied by the log ratio of how often it occurs in the weighted positives
 * and negatives, smoothed by `alpha`. The penalty then falls on the departure from that ratio;
 * the fitted weight of an n-gram is its coefficient times its ratio, so the model stays linear.
 */
export function naiveBayesScale(examples: readonly Example[], features: number, alpha = 1): Float64Array {
  const p = new Float64Array(features).fill(alpha);
  const q = new Float64Array(features).fill(alpha);
  for (const { row: r, y, weight } of examples) {
    const side = y === 1 ? p : q;
    for (let j = 0; j < r.features.length; j++) side[r.features[j]!]! += weight;
  }
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < features; j++) {
    sp += p[j]!;
    sq += q[j]!;
  }
  const out = new Float64Array(features);
  for (let j = 0; j < features; j++) out[j] = Math.log(p[j]! / sp) - Math.log(q[j]! / sq);
  return out;
}
