import { describe, expect, it } from 'vitest';
import { CompiledDictionaries } from '../../rules/engine/dictionaries';
import { normalizeText } from '../../rules/engine/normalize';
import type { Pack } from '../../rules/engine/pack';

/** A dictionary whose entries count only near (or not near) a context word, three characters away at most. */
function compile(): CompiledDictionaries {
  const pack = {
    dictionaries: {
      words: {
        basis: 'test',
        entries: [
          { term: '老板', near: { terms: ['局长'], window: 3 } },
          { term: '亲自', unlessNear: { terms: ['总书记'], window: 3 } },
        ],
      },
    },
    allow: [],
  } as unknown as Pack;
  return new CompiledDictionaries(pack);
}

function terms(text: string): string[] {
  const dicts = compile();
  return dicts
    .scan(normalizeText(text))
    .hits(dicts.handle('words')!)
    .map((h) => h.entry.term);
}

const zeroWidth = (s: string) => [...s].join('\u200b');

describe('context windows', () => {
  it('count content characters: zero-width characters neither widen nor narrow them', () => {
    expect(terms('局长称作老板')).toEqual(['老板']);
    expect(terms(zeroWidth('局长称作老板'))).toEqual(['老板']);
    expect(terms('总书记亲自'), 'unlessNear within the window').toEqual([]);
    expect(terms(zeroWidth('总书记一再亲自'))).toEqual([]);
  });

  it('still end at the window', () => {
    expect(terms('局长被下属称作老板')).toEqual([]);
    expect(terms(zeroWidth('局长被下属称作老板'))).toEqual([]);
    expect(terms('总书记去年曾亲自')).toEqual(['亲自']);
  });

  it('do not count spaces and punctuation, so padding cannot push context out of reach', () => {
    expect(terms('局长 ， 老板')).toEqual(['老板']);
    expect(terms('局长——被——老板')).toEqual(['老板']);
    expect(terms('局长被人称作老板')).toEqual([]);
  });
});
