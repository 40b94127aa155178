import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalFormError, canonicalPackJson, SIGNING_CONTEXT, signingMessage } from '../../pack-trust/canonical';

/** The value with every string and member name in NFC. */
function nfcDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), nfcDeep(v)]));
  return value;
}

describe('canonicalPackJson', () => {
  it('sorts members by UTF-16 code units at every depth and drops whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, B: 2, é: 0, '10': 0, '9': 0 };
    expect(canonicalPackJson(value)).toBe('{"10":0,"9":0,"B":2,"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1,"é":0}');
  });

  it('orders astral characters by code unit, not code point (as RFC 8785 does)', () => {
    // U+FF61 sorts after U+1F600 in code points but before its surrogate pair in code units.
    expect(canonicalPackJson({ '😀': 1, '｡': 2 })).toBe('{"😀":1,"｡":2}');
  });

  it('writes strings and member names in NFC', () => {
    const decomposed = 'e\u0301'; // e + combining acute
    expect(canonicalPackJson({ [decomposed]: decomposed })).toBe('{"é":"é"}');
    expect(canonicalPackJson('\u0041\u030A')).toBe(canonicalPackJson('\u00C5'));
  });

  it('escapes only what JSON requires', () => {
    expect(canonicalPackJson('引号"反斜杠\\换行\n制表\t\u0001/')).toBe('"引号\\"反斜杠\\\\换行\\n制表\\t\\u0001/"');
  });

  it('writes numbers as ECMAScript does and -0 as 0', () => {
    expect(canonicalPackJson([0, -0, 1.5, 1e21, 200, -3])).toBe('[0,0,1.5,1e+21,200,-3]');
  });

  it('leaves out members whose value is undefined', () => {
    expect(canonicalPackJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it.each([
    ['NaN', { n: Number.NaN }, 'n'],
    ['Infinity', [Number.POSITIVE_INFINITY], '[0]'],
    ['a lone surrogate', { text: 'a\uD800b' }, 'text'],
    ['undefined in an array', { list: [1, undefined] }, 'list[1]'],
    ['a function', { f: () => 1 }, 'f'],
    ['a bigint', { n: 1n }, 'n'],
    ['a class instance', { d: new Date(0) }, 'd'],
  ])('refuses %s, naming where', (_, value, where) => {
    expect(() => canonicalPackJson(value)).toThrow(CanonicalFormError);
    expect(() => canonicalPackJson(value)).toThrow(where);
  });

  it('refuses two member names that are equal after NFC', () => {
    expect(() => canonicalPackJson({ 'e\u0301': 1, é: 2 })).toThrow(/重复/);
  });

  it('is the same for any member order and round-trips through JSON.parse', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        // Any code point: combining marks (NFC), astral characters (surrogate pairs), controls.
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 4 }), tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        let text: string;
        try {
          text = canonicalPackJson(value);
        } catch (e) {
          // Only strings that are not well-formed Unicode or collide after NFC may be refused.
          expect(e).toBeInstanceOf(CanonicalFormError);
          return;
        }
        const reversed = JSON.parse(JSON.stringify(value), function (this: unknown, _k, v) {
          return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v;
        });
        expect(canonicalPackJson(reversed)).toBe(text);
        expect(JSON.parse(text)).toEqual(nfcDeep(value));
        expect(canonicalPackJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('signingMessage', () => {
  it('is the context line followed by the canonical form, in UTF-8', () => {
    const bytes = signingMessage({ 名: '值', a: 1 });
    expect(new TextDecoder().decode(bytes)).toBe(`${SIGNING_CONTEXT}{"a":1,"名":"值"}`);
  });
});
