/** Judgement models as pack data: checked when untrusted, compiled, scored as the trainer scores. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../rules/engine/base64';
import { BEGIN, END, featuresOf, ngramKey, ngramOfKey } from '../../rules/engine/features';
import { checkModel, CompiledModel, MODEL_LIMITS, type ModelDocument } from '../../rules/engine/model';
import { normalizeText } from '../../rules/engine/normalize';
import { validatePack } from '../../rules/engine/pack';
import { defaultPack } from '../rule-tester';

const MODELS_DIR = join(import.meta.dirname, '..', '..', 'packs', 'default', 'models');

function problems(doc: unknown): string[] {
  const out: string[] = [];
  checkModel(doc, 'm', (path, message) => out.push(`${path}: ${message}`));
  return out;
}

/** A small valid model: weights given per n-gram as signed bytes. */
function tiny(weights: Record<string, number>, bias = -1): ModelDocument {
  const grams = Object.keys(weights).sort();
  const byLength = [1, 2, 3].map((n) => grams.filter((g) => g.length === n));
  const bytes = Int8Array.from(byLength.flat().map((g) => weights[g]!));
  return {
    format: 1,
    kind: 'char-ngram-logistic',
    category: 'commercial-ad',
    description: '测试模型',
    bias,
    scale: 0.1,
    ngrams: [byLength[0]!.join(''), byLength[1]!.join(''), byLength[2]!.join('')],
    weights: toBase64(new Uint8Array(bytes.buffer)),
    thresholds: { warn: 0.5, justify: 0.9 },
    meta: {},
  };
}

describe('checkModel', () => {
  it('accepts a well-formed model', () => {
    expect(problems(tiny({ 首: 10, 首付: 20, 万起: 30, [`订${String.fromCharCode(END)}`]: 5 }))).toEqual([]);
  });

  it('refuses malformed models with a message naming the place', () => {
    expect(problems(null)).toEqual(['m: 应为模型对象']);
    expect(problems({ ...tiny({ 首: 1 }), format: 2 })[0]).toMatch(/^m\.format/);
    expect(problems({ ...tiny({ 首: 1 }), category: 'ads' })[0]).toMatch(/^m\.category/);
    expect(problems({ ...tiny({ 首: 1 }), thresholds: { warn: 0.9, justify: 0.5 } })[0]).toMatch(
      /warn 不能高于 justify/,
    );
    expect(problems({ ...tiny({ 首: 1 }), ngrams: ['甲乙', '', ''] })[0]).toMatch(/升序/);
    expect(problems({ ...tiny({ 首: 1 }), ngrams: ['乙甲', '甲', ''] })[0]).toMatch(/2 的倍数/);
    expect(problems({ ...tiny({ 首: 1, 付: 2 }), weights: toBase64(new Uint8Array(1)) })[0]).toMatch(
      /与 n 元组数 2 不符/,
    );
    expect(problems({ ...tiny({ 首: 1 }), weights: '!!' })[0]).toMatch(/base64/);
    const begin = String.fromCharCode(BEGIN);
    expect(problems(tiny({ [`首${begin}`]: 1 }))[0]).toMatch(/不可能出现的字符 U\+0002/);
    expect(problems(tiny({ '首 付': 1 }))[0]).toMatch(/不可能出现的字符 U\+0020/);
  });

  it('refuses a model over the size limits in a pack', () => {
    const many: Record<string, number> = {};
    for (let i = 0; i <= MODEL_LIMITS.ngrams; i++)
      many[String.fromCharCode(0x4e00 + (i >> 8), 0x4e00 + (i & 0xff))] = 1;
    expect(problems(tiny(many)).join('\n')).toMatch(/超过上限/);
    const pack = {
      ...defaultPack(),
      models: { big: { ...tiny({ 首: 1 }), meta: { note: 'x'.repeat(MODEL_LIMITS.chars) } } },
    };
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.join('\n')).toMatch(/models\.big: 模型 \d+ 字符，超过上限/);
  });
});

describe('CompiledModel', () => {
  const doc = tiny({
    首: 10,
    首付: 20,
    付: -5,
    万起: 30,
    热线: 15,
    热线电: 7,
    [`${String.fromCharCode(BEGIN)}【`]: 12,
  });
  const model = new CompiledModel('t', doc);

  /** The score the plain way: every distinct n-gram of the paragraph looked up in a map. */
  function reference(folded: string): number[] {
    const weights = new Map<number, number>();
    const grams = [...doc.ngrams[0]].concat(doc.ngrams[1].match(/.{2}/gsu) ?? [], doc.ngrams[2].match(/.{3}/gsu) ?? []);
    const bytes = new Int8Array(Buffer.from(doc.weights, 'base64'));
    grams.forEach((g, i) =>
      weights.set(
        [...g].reduce((k, c) => k * 0x10000 + c.charCodeAt(0), 0),
        bytes[i]! * doc.scale,
      ),
    );
    const f = featuresOf(folded);
    const out: number[] = [];
    for (let p = 0; p < f.paragraphs.length; p += 2) {
      const seen = new Set<number>();
      for (let i = f.paragraphs[p]!; i < f.paragraphs[p + 1]!; i++) {
        const c = f.codes;
        seen.add(ngramKey(c[i]!));
        if (i + 1 < f.paragraphs[p + 1]!) seen.add(ngramKey(c[i]!, c[i + 1]));
        if (i + 2 < f.paragraphs[p + 1]!) seen.add(ngramKey(c[i]!, c[i + 1], c[i + 2]));
      }
      const known = [...seen].filter((k) => weights.has(k));
      const sum = known.reduce((s, k) => s + weights.get(k)!, 0);
      const z = known.length ? doc.bias + sum / Math.sqrt(known.length) : doc.bias;
      out.push(1 / (1 + Math.exp(-z)));
    }
    return out;
  }

  it('scores every paragraph as the plain n-gram lookup does', () => {
    const piece = fc.constantFrom('首', '付', '万', '起', '热', '线', '电', '【', '】', '\n', ' ', '好', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const folded = pieces.join('');
        const got = model.score(featuresOf(folded)).map((s) => s.probability);
        const want = reference(folded);
        expect(got.length).toBe(want.length);
        got.forEach((p, i) => expect(p).toBeCloseTo(want[i]!, 5));
      }),
      { numRuns: 500 },
    );
  });

  it('names the heaviest stretches, merged, without lone characters or edge punctuation', () => {
    const f = featuresOf(normalizeText('，首付万起，热线电话').folded);
    const cues = model.cues(f, f.paragraphs[0]!, f.paragraphs[1]!, 3);
    const text = (c: { features: [number, number] }) => String.fromCharCode(...f.codes.slice(...c.features));
    expect(cues.map(text)).toEqual(['万起', '热线电', '首付']);
  });
});

describe('feature text', () => {
  it('folds digits, leaves spaces out and marks paragraphs', () => {
    const f = featuresOf('首付 10万起\n\n 热线 400-888 \n');
    expect(String.fromCharCode(...f.codes.slice(0, f.length))).toBe(
      `${String.fromCharCode(BEGIN)}首付00万起${String.fromCharCode(END)}${String.fromCharCode(BEGIN)}热线000-000${String.fromCharCode(END)}`,
    );
    expect(f.paragraphs).toEqual([0, 8, 8, 19]);
    expect(ngramOfKey(ngramKey(0x4e00, 0x4e01, 0x4e02))).toBe('一丁丂');
  });

  it('reads masked digits as digits: xxxx and runs of asterisks', () => {
    const f = featuresOf('138xxxx1234 ***5 max');
    expect(String.fromCharCode(...f.codes.slice(1, f.length - 1))).toBe('000000000000000max');
  });
});

describe("the default pack's models", () => {
  for (const name of ['commercial-ad', 'personal-emotion']) {
    it(`${name} is well formed, within the size budget and says how it was made`, () => {
      const text = readFileSync(join(MODELS_DIR, `${name}.json`), 'utf8');
      const doc = JSON.parse(text) as ModelDocument;
      expect(problems(doc)).toEqual([]);
      expect(gzipSync(Buffer.from(text)).length).toBeLessThanOrEqual(MODEL_LIMITS.gzipBytes);
      expect(text.length).toBeLessThanOrEqual(MODEL_LIMITS.chars);
      expect(Object.keys(doc.meta)).toEqual(
        expect.arrayContaining(['date', 'data', 'size', 'dev', 'thresholdsWhy', 'minTexts']),
      );
      expect(doc.meta.minTexts).toBeGreaterThanOrEqual(5);
      expect(defaultPack().models?.[name]).toEqual(doc);
    });
  }
});
