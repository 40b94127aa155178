/**
 * A fitted model as the pack holds it (rules/engine/model.ts): weights rounded to one signed
 * byte times a scale, n-grams whose byte rounds to zero left out, the rest sorted and
 * concatenated by length. Written as JSON with a stable key order, so the same model gives the
 * same bytes.
 */
import { gzipSync } from 'node:zlib';
import { toBase64 } from '../rules/engine/base64';
import { ngramOfKey } from '../rules/engine/features';
import { MODEL_FORMAT, MODEL_KIND, type ModelDocument, type ModelThresholds } from '../rules/engine/model';
import type { Category } from '../rules/engine/types';

export interface Weighted {
  keys: readonly number[];
  weights: ArrayLike<number>;
  bias: number;
}

/** The n-grams kept and their bytes. */
export function quantize(model: Weighted): { grams: string[][]; bytes: number[][]; scale: number } {
  let max = 0;
  for (let i = 0; i < model.weights.length; i++) max = Math.max(max, Math.abs(model.weights[i]!));
  const scale = max > 0 ? max / 127 : 1;
  const grams: string[][] = [[], [], []];
  const bytes: number[][] = [[], [], []];
  const order = model.keys.map((k, i) => ({ gram: ngramOfKey(k), i }));
  order.sort((a, b) => (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : 0));
  for (const { gram, i } of order) {
    const b = Math.round(model.weights[i]! / scale);
    if (b === 0) continue;
    grams[gram.length - 1]!.push(gram);
    bytes[gram.length - 1]!.push(Math.max(-127, Math.min(127, b)));
  }
  return { grams, bytes, scale };
}

export interface ModelHead {
  category: Category;
  description: string;
  thresholds: ModelThresholds;
  meta: Record<string, unknown>;
}

export function modelDocument(model: Weighted, head: ModelHead): ModelDocument {
  const { grams, bytes, scale } = quantize(model);
  const signed = Int8Array.from(bytes.flat());
  return {
    format: MODEL_FORMAT,
    kind: MODEL_KIND,
    category: head.category,
    description: head.description,
    bias: round(model.bias, 6),
    scale: round(scale, 9),
    ngrams: [grams[0]!.join(''), grams[1]!.join(''), grams[2]!.join('')],
    weights: toBase64(new Uint8Array(signed.buffer)),
    thresholds: head.thresholds,
    meta: head.meta,
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The JSON text of a model file (two-space indent for the head; n-grams and weights on one line each). */
export function modelJson(doc: ModelDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function gzipSize(text: string): number {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
}
