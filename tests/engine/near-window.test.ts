/**
 * Context windows (`near` / `unlessNear`) count content characters, so invisible characters or
 * spaces slipped between a term and its context change nothing.
 */
import { describe, expect, it } from 'vitest';
import { CompiledDictionaries } from '../../rules/engine/dictionaries';
import { normalizeText } from '../../rules/engine/normalize';
import type { Pack } from '../../rules/engine/pack';

const pack: Pack = {
  format: 1,
  id: 'near-window',
  version: '1.0.0',
  name: 'near window',
  issuer: 'tests',
  date: '2026-11-29',
  rules: {},
  dictionaries: {
    cues: { basis: 'test', entries: [{ term: '购买' }, { term: '立即下单抢购' }] },
    terms: {
      basis: 'test',
      entries: [
        { term: '国家级', near: { dictionary: 'cues', window: 3 } },
        { term: '最佳', unlessNear: { terms: ['时期'], window: 2 } },
      ],
    },
  },
  sources: { outlets: [], domainSuffixes: [], organSuffixes: [], organMarkers: [], vague: [] },
  allow: [],
  sites: {},
  tests: [],
};

const dicts = new CompiledDictionaries(pack);
const terms = dicts.handle('terms')!;
const found = (text: string) =>
  dicts
    .scan(normalizeText(text))
    .hits(terms)
    .map((h) => h.excerpt);

describe('context windows', () => {
  it('count the characters between term and context', () => {
    // A context counts when fewer than `window` characters stand between it and the term.
    expect(found('国家级好货购买')).toEqual(['国家级']);
    expect(found('国家级好货请购买')).toEqual([]);
    expect(found('赏花最佳时期')).toEqual([]);
    expect(found('赏花最佳的时期')).toEqual([]);
    expect(found('赏花最佳的好时期')).toEqual(['最佳']);
  });

  it('ignore invisible characters and separators used as padding', () => {
    const pad = (s: string) => [...s].join('\u200b\u200b');
    expect(found(pad('国家级好货购买'))).toEqual([pad('国家级')]);
    expect(found('国家级  ，  好货   购买')).toEqual(['国家级']);
    expect(found('国家级，好货，请购买')).toEqual([]);
    expect(found(pad('赏花最佳的时期'))).toEqual([]);
  });

  it('reach a term from a long context that starts well before the window, among many short ones', () => {
    // 立即下单抢购 starts outside 国家级's window but ends within it; the many 购买 far off do not reach.
    const far = '购买，'.repeat(50) + '这里是很长的一段说明文字。';
    expect(found(`${far}立即下单抢购好国家级`)).toEqual(['国家级']);
    expect(found(`${far}立即下单抢购好货品国家级`)).toEqual([]);
    expect(found(`${far}国家级好货${'，购买'.repeat(3)}`)).toEqual(['国家级']);
  });
});
