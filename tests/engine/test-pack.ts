/** A minimal valid pack and ad hoc rules, so engine tests do not depend on the default pack's data. */
import { defineRule, type RuleModule } from '../../rules/engine/define-rule';
import { PACK_FORMAT, type Pack } from '../../rules/engine/pack';

export function testPack(overrides: Partial<Pack> = {}): Pack {
  return {
    format: PACK_FORMAT,
    id: 'engine-test',
    version: '1.0.0',
    name: '引擎测试包',
    issuer: '测试',
    date: '2026-11-29',
    rules: {},
    dictionaries: {},
    sources: { outlets: [], domainSuffixes: [], organSuffixes: [], organMarkers: [], vague: [] },
    allow: [],
    sites: {},
    tests: [],
    ...overrides,
  };
}

/** A rule that reports every hit of one dictionary option (default dictionary name `terms`). */
export function dictionaryRule(id: string, extra: { quoteAware?: boolean; dictionary?: string } = {}): RuleModule {
  return defineRule({
    meta: {
      id,
      category: 'commercial-ad',
      description: `测试规则 ${id}：报告词典中的词语`,
      basis: '测试依据',
      messages: { hit: '「{term}」命中测试词典' },
      quoteAware: extra.quoteAware,
      options: { dictionary: { type: 'dictionary', default: extra.dictionary ?? 'terms', description: '词典' } },
    },
    create({ options }) {
      return {
        field(field, report) {
          for (const hit of field.hits(options.dictionary)) report.hit(hit, 'hit');
        },
      };
    },
  });
}
