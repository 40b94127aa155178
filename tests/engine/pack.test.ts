import { describe, expect, it } from 'vitest';
import { compareVersions, PACK_LIMITS, validatePack } from '../../rules/engine/pack';
import { testPack } from './test-pack';

const errorsOf = (input: unknown) => {
  const result = validatePack(input);
  return result.ok ? [] : result.errors;
};
const withDict = (entries: unknown[], extra: object = {}) =>
  testPack({ dictionaries: { terms: { basis: '依据', entries, ...extra } as never } });

describe('validatePack', () => {
  it('accepts a minimal pack', () => {
    expect(validatePack(testPack())).toMatchObject({ ok: true });
  });

  it('refuses what is not an object', () => {
    for (const input of [null, [], 'pack', 3]) expect(errorsOf(input)).toEqual(['规则包必须是一个 JSON 对象']);
  });

  it('names each problem of the header by its path', () => {
    const errors = errorsOf({
      ...testPack(),
      format: 2,
      id: 'Bad Id',
      version: '1.0',
      name: ' ',
      date: '不是日期',
      issuer: undefined,
    });
    expect(errors).toEqual([
      'format: 格式版本应为 1，实际为 2',
      'id: 应为小写字母、数字和连字符组成的标识（最长 64）',
      'version: 应为 主版本.次版本.修订号，如 1.4.0',
      'name: 必填的文字字段',
      'issuer: 必填的文字字段',
      'date: 不是有效日期（如 2026-11-29）',
    ]);
  });

  it('checks rule configurations', () => {
    const errors = errorsOf(
      testPack({
        rules: { a: { severity: 'error' as never }, b: { severity: 'warn', options: [] as never }, c: 'warn' as never },
      }),
    );
    expect(errors).toEqual([
      'rules.a.severity: 应为 block/justify/warn/monitor/off 之一',
      'rules.b.options: 应为对象',
      'rules.c: 应为 { severity, options } 对象',
    ]);
  });

  it('checks dictionary entries: term xor pattern, lengths, types, severities, context', () => {
    const errors = errorsOf(
      withDict([
        { term: '好', pattern: '好' },
        {},
        { term: 'x'.repeat(PACK_LIMITS.termLength + 1) },
        { term: '   ' },
        { pattern: 3 },
        { term: '好', suggestion: 1, severity: 'loud' },
        { term: '好', near: { window: 5 } },
        { term: '好', unlessNear: { terms: ['对'], window: PACK_LIMITS.window + 1 } },
        '好',
      ]),
    );
    expect(errors).toEqual([
      'dictionaries.terms.entries[0]: 需要且只能有 term 或 pattern 之一',
      'dictionaries.terms.entries[1]: 需要且只能有 term 或 pattern 之一',
      `dictionaries.terms.entries[2].term: 应为 1–${PACK_LIMITS.termLength} 个字的词语`,
      `dictionaries.terms.entries[3].term: 应为 1–${PACK_LIMITS.termLength} 个字的词语`,
      'dictionaries.terms.entries[4].pattern: 应为文字',
      'dictionaries.terms.entries[5].suggestion: 应为文字',
      'dictionaries.terms.entries[5].severity: 应为 block/justify/warn/monitor/off 之一',
      'dictionaries.terms.entries[6].near: 需要 terms 或 dictionary',
      `dictionaries.terms.entries[7].unlessNear.window: 应为 0–${PACK_LIMITS.window} 的整数`,
      'dictionaries.terms.entries[8]: 应为对象',
    ]);
  });

  it('enforces the size limits that keep a pack compilable in a browser', () => {
    const many = Array.from({ length: PACK_LIMITS.entriesPerDictionary + 1 }, (_, i) => ({ term: `词${i}` }));
    expect(errorsOf(withDict(many))).toEqual([
      `dictionaries.terms: 词条数 ${many.length} 超过上限 ${PACK_LIMITS.entriesPerDictionary}`,
    ]);
    const dictionaries = Object.fromEntries(
      Array.from({ length: PACK_LIMITS.dictionaries + 1 }, (_, i) => [`d${i}`, { entries: [] }]),
    );
    expect(errorsOf(testPack({ dictionaries }))).toEqual([
      `dictionaries: 词典数 ${PACK_LIMITS.dictionaries + 1} 超过上限 ${PACK_LIMITS.dictionaries}`,
    ]);
  });

  it('counts the entries of all dictionaries together', () => {
    const half = Array.from({ length: PACK_LIMITS.entriesPerDictionary }, (_, i) => ({ term: `词${i}` }));
    const count = Math.ceil(PACK_LIMITS.totalEntries / half.length) + 1;
    const dictionaries = Object.fromEntries(Array.from({ length: count }, (_, i) => [`d${i}`, { entries: half }]));
    expect(errorsOf(testPack({ dictionaries }))).toEqual([
      `dictionaries: 词条总数 ${count * half.length} 超过上限 ${PACK_LIMITS.totalEntries}`,
    ]);
  });

  it('names a missing field by the message of the field, and keeps fields it does not know', () => {
    const { sources: _sources, ...noSources } = testPack();
    expect(errorsOf({ ...noSources, rules: { a: {} } })).toEqual([
      'rules.a.severity: 应为 block/justify/warn/monitor/off 之一',
      'sources: 应为 { outlets, domainSuffixes, organSuffixes, organMarkers, vague }',
    ]);
    const newer = { ...testPack(), laterField: { x: 1 } };
    expect(validatePack(newer)).toEqual({ ok: true, pack: newer });
  });

  it('checks a dictionary-level context and a dictionary without entries', () => {
    expect(errorsOf(withDict([], { near: { terms: [''], window: 1 } }))).toEqual([
      'dictionaries.terms.near.terms: 应为词语数组',
    ]);
    expect(errorsOf(testPack({ dictionaries: { terms: { basis: 'x' } as never } }))).toEqual([
      'dictionaries.terms: 应含 entries 数组',
    ]);
  });

  it('checks approved sources', () => {
    const sources = {
      outlets: [
        { name: '新华社', domains: ['xinhuanet.com', 'not a domain'] },
        { aliases: ['x'] },
        { name: '人民网', weibo: '人民网' },
      ],
      domainSuffixes: ['.gov.cn'],
      organSuffixes: '局',
      organMarkers: [],
      vague: [],
    };
    expect(errorsOf(testPack({ sources: sources as never }))).toEqual([
      'sources.outlets[0].domains: 「not a domain」不是域名',
      'sources.outlets[1].name: 必填',
      'sources.outlets[2].weibo: 应为文字数组',
      'sources.organSuffixes: 应为文字数组',
    ]);
    expect(errorsOf(testPack({ sources: undefined as never }))).toEqual([
      'sources: 应为 { outlets, domainSuffixes, organSuffixes, organMarkers, vague }',
    ]);
  });

  it('checks allow entries, site selectors and test cases', () => {
    const errors = errorsOf(
      testPack({
        allow: [{ term: '' }, { term: '路口交通', rules: 'no-typo' }] as never,
        sites: {
          weibo: { publish: [] },
          wechat: { title: ['x'.repeat(PACK_LIMITS.selectorLength + 1)] },
          mp: [],
        } as never,
        tests: [{ expect: [] }, { text: '好', expect: 'no-typo' }, 3] as never,
      }),
    );
    expect(errors).toEqual([
      `allow[0].term: 应为 1–${PACK_LIMITS.termLength} 个字的词语`,
      'allow[1].rules: 应为规则 id 数组',
      `sites.weibo.publish: 应为 1–${PACK_LIMITS.selectorsPerKey} 个选择器`,
      `sites.wechat.title: 选择器长度超过 ${PACK_LIMITS.selectorLength}`,
      'sites.mp: 应为「选择器名 → 选择器数组」的对象',
      'tests[0]: 需要 text 或 draft',
      'tests[1].expect: 应为规则 id 数组（可为空）',
      'tests[2]: 应为对象',
    ]);
  });
});

describe('compareVersions', () => {
  it('orders MAJOR.MINOR.PATCH numerically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0);
  });
});
