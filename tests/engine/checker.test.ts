import { describe, expect, it } from 'vitest';
import { compilePack, PackCompileError } from '../../rules/engine/checker';
import { defineRule, type RuleModule } from '../../rules/engine/define-rule';
import type { Dictionary, Pack } from '../../rules/engine/pack';
import type { Draft } from '../../rules/engine/types';
import { dictionaryRule, testPack } from './test-pack';

const draft = (body: string, extra: Partial<Draft> = {}): Draft => ({
  platform: 'weibo',
  kind: 'post',
  body,
  ...extra,
});
const dict = (entries: Dictionary['entries'], extra: Partial<Dictionary> = {}): Dictionary => ({
  basis: '测试词典依据',
  entries,
  ...extra,
});
const spans = (findings: { ruleId: string; excerpt: string }[]) => findings.map((f) => `${f.ruleId}:${f.excerpt}`);

function checker(pack: Partial<Pack>, registry: RuleModule[]) {
  return compilePack(testPack(pack), registry);
}

describe('allow-list', () => {
  const ads = dictionaryRule('ads');
  const pack = { rules: { ads: { severity: 'block' as const } }, dictionaries: { terms: dict([{ term: '口交' }]) } };

  it('a longer allowed expression wins over the term it contains', () => {
    const c = checker({ ...pack, allow: [{ term: '路口交通' }] }, [ads]);
    expect(c.check(draft('早高峰路口交通秩序良好。')).findings).toEqual([]);
    expect(spans(c.check(draft('路口交通之外，口交二字另有所指。')).findings)).toEqual(['ads:口交']);
  });

  it('the allowed expression wins in disguise too', () => {
    const c = checker({ ...pack, allow: [{ term: '路口交通' }] }, [ads]);
    expect(c.check(draft('路\u200b口 交通')).findings).toEqual([]);
  });

  it('an allow entry limited to other rules does not silence this one', () => {
    const c = checker({ ...pack, allow: [{ term: '路口交通', rules: ['other'] }] }, [
      ads,
      dictionaryRule('other', { dictionary: 'terms' }),
    ]);
    const report = c.check(draft('路口交通'));
    expect(spans(report.findings)).toEqual(['ads:口交']);
  });

  it('a clause break is not part of a term, an evasion filling every gap is', () => {
    const c = checker(
      { rules: { ads: { severity: 'warn' } }, dictionaries: { terms: dict([{ term: '口交' }, { term: '优惠券' }]) } },
      [ads],
    );
    expect(c.check(draft('十字路口，交通协管员在岗。')).findings).toEqual([]);
    expect(spans(c.check(draft('领取优，惠，券')).findings)).toEqual(['ads:优，惠，券']);
  });
});

describe('quoted speech', () => {
  const rules = [dictionaryRule('tone', { quoteAware: true }), dictionaryRule('secret', { dictionary: 'terms' })];
  const c = checker(
    {
      rules: { tone: { severity: 'warn' }, secret: { severity: 'warn' } },
      dictionaries: { terms: dict([{ term: '太差了' }]) },
    },
    rules,
  );

  it('quote-aware rules are silent inside quotation marks and reported speech, other rules are not', () => {
    expect(spans(c.check(draft('市民说：“服务太差了。”')).findings)).toEqual(['secret:太差了']);
    expect(spans(c.check(draft('有网友留言：这里服务太差了')).findings)).toEqual(['secret:太差了']);
    expect(spans(c.check(draft('这家单位的服务太差了！')).findings)).toEqual(['secret:太差了', 'tone:太差了']);
  });

  it('a quotation ends with its paragraph when it is not closed', () => {
    expect(spans(c.check(draft('他说：“服务好\n窗口太差了')).findings)).toEqual(['secret:太差了', 'tone:太差了']);
  });
});

describe('severities', () => {
  it('monitor findings are reported but never change the verdict', () => {
    const c = checker(
      { rules: { trial: { severity: 'monitor' } }, dictionaries: { terms: dict([{ term: '秒杀' }]) } },
      [dictionaryRule('trial')],
    );
    const report = c.check(draft('限时秒杀'));
    expect(report.verdict).toBe('pass');
    expect(report.findings).toMatchObject([{ ruleId: 'trial', severity: 'monitor', excerpt: '秒杀' }]);
  });

  it('an entry-level severity overrides the rule, and a monitor entry beside a warn one leaves the verdict at warn', () => {
    const c = checker(
      {
        rules: { ads: { severity: 'warn' } },
        dictionaries: {
          terms: dict([{ term: '秒杀', severity: 'monitor' }, { term: '抢购' }, { term: '最低价', severity: 'block' }]),
        },
      },
      [dictionaryRule('ads')],
    );
    expect(c.check(draft('秒杀抢购')).verdict).toBe('warn');
    expect(c.check(draft('秒杀')).verdict).toBe('pass');
    expect(c.check(draft('全网最低价')).verdict).toBe('block');
  });

  it('a rule switched off does not run', () => {
    const c = checker({ rules: { ads: { severity: 'off' } }, dictionaries: { terms: dict([{ term: '秒杀' }]) } }, [
      dictionaryRule('ads'),
    ]);
    expect(c.rules).toEqual([]);
    expect(c.check(draft('秒杀')).findings).toEqual([]);
  });
});

describe('failing rules', () => {
  const boom = defineRule({
    meta: {
      id: 'boom',
      category: 'typo',
      description: '总是出错的规则',
      basis: '测试',
      messages: { x: 'x' },
      options: {},
    },
    create: () => ({
      field() {
        throw new Error('词典损坏');
      },
    }),
  }) as RuleModule;
  const undeclared = defineRule({
    meta: {
      id: 'sloppy',
      category: 'typo',
      description: '报告未声明消息的规则',
      basis: '测试',
      messages: { x: 'x' },
      options: {},
    },
    create: () => ({
      field(field, report) {
        if (field.name === 'body') report.report({ range: [0, 1], messageId: 'y' as 'x' });
      },
    }),
  }) as RuleModule;

  it('a throwing rule lands in errors; the other rules still report and decide the verdict', () => {
    const c = checker(
      {
        rules: { boom: { severity: 'block' }, sloppy: { severity: 'block' }, ads: { severity: 'warn' } },
        dictionaries: { terms: dict([{ term: '秒杀' }]) },
      },
      [boom, undeclared, dictionaryRule('ads')],
    );
    const report = c.check(draft('秒杀'));
    expect(report.errors).toEqual([
      { ruleId: 'boom', message: '词典损坏' },
      { ruleId: 'sloppy', message: '报告了未声明的消息「y」' },
    ]);
    expect(spans(report.findings)).toEqual(['ads:秒杀']);
    expect(report.verdict).toBe('warn');
  });
});

describe('nested findings', () => {
  it('one rule reports only the longest of nested terms', () => {
    const c = checker(
      {
        rules: { ads: { severity: 'warn' } },
        dictionaries: { terms: dict([{ term: '抢购' }, { term: '限时抢购' }, { term: '时抢' }]) },
      },
      [dictionaryRule('ads')],
    );
    expect(spans(c.check(draft('今日限时抢购！')).findings)).toEqual(['ads:限时抢购']);
  });

  it('a more severe inner finding is kept beside the longer one', () => {
    const c = checker(
      {
        rules: { ads: { severity: 'warn' } },
        dictionaries: { terms: dict([{ term: '限时抢购' }, { term: '抢购', severity: 'block' }]) },
      },
      [dictionaryRule('ads')],
    );
    const report = c.check(draft('限时抢购'));
    expect(report.findings.map((f) => `${f.excerpt}:${f.severity}`)).toEqual(['限时抢购:warn', '抢购:block']);
  });

  it('different rules keep their own findings on the same span', () => {
    const c = checker(
      {
        rules: { a: { severity: 'warn' }, b: { severity: 'warn' } },
        dictionaries: { terms: dict([{ term: '抢购' }, { term: '限时抢购' }]) },
      },
      [dictionaryRule('a'), dictionaryRule('b')],
    );
    expect(spans(c.check(draft('限时抢购')).findings)).toEqual(['a:限时抢购', 'b:限时抢购']);
  });
});

describe('reports', () => {
  it('orders findings by field (title first), then position, and fills message, suggestion and basis', () => {
    const c = checker(
      {
        rules: { ads: { severity: 'warn' } },
        dictionaries: {
          terms: dict([
            { term: '秒杀', suggestion: '优惠' },
            { term: '抢购', basis: '广告法第九条' },
          ]),
        },
      },
      [dictionaryRule('ads')],
    );
    const report = c.check(draft('抢购和秒杀', { title: '秒杀' }));
    expect(report.findings.map((f) => [f.field, f.range, f.excerpt, f.suggestion, f.basis, f.message])).toEqual([
      ['title', [0, 2], '秒杀', '优惠', '测试词典依据', '「秒杀」命中测试词典'],
      ['body', [0, 2], '抢购', undefined, '广告法第九条', '「抢购」命中测试词典'],
      ['body', [3, 5], '秒杀', '优惠', '测试词典依据', '「秒杀」命中测试词典'],
    ]);
    expect(report.pack).toEqual({ id: 'engine-test', version: '1.0.0' });
  });
});

describe('shared analyses', () => {
  it('field.memo computes once per field and check, however many rules ask', () => {
    const calls: string[] = [];
    const countChars = (field: { name: string; text: string }) => {
      calls.push(field.name);
      return field.text.length;
    };
    const asker = (id: string) =>
      defineRule({
        meta: {
          id,
          category: 'typo',
          description: `测试规则 ${id}：共用分析`,
          basis: '测试',
          messages: { n: '{n} 字' },
          fields: ['title', 'body'],
          options: {},
        },
        create: () => ({
          field(field, report) {
            report.report({ range: [0, 1], messageId: 'n', data: { n: field.memo(countChars) } });
          },
        }),
      }) as RuleModule;
    const c = checker({ rules: { a: { severity: 'warn' }, b: { severity: 'warn' } } }, [asker('a'), asker('b')]);
    const report = c.check(draft('正文四字', { title: '标题' }));
    expect(report.findings.map((f) => `${f.ruleId}:${f.field}:${f.message}`)).toEqual([
      'a:title:2 字',
      'b:title:2 字',
      'a:body:4 字',
      'b:body:4 字',
    ]);
    expect(calls).toEqual(['title', 'body']);
    c.check(draft('再来'));
    expect(calls).toEqual(['title', 'body', 'body']);
  });
});

describe('compilePack', () => {
  const compileErrors = (pack: Partial<Pack>, registry: RuleModule[]) => {
    try {
      checker(pack, registry);
    } catch (e) {
      if (e instanceof PackCompileError) return e.errors;
      throw e;
    }
    return [];
  };

  it('names unknown rules, unknown options, missing dictionaries, bad patterns and empty terms', () => {
    const ads = dictionaryRule('ads');
    expect(compileErrors({ rules: { nope: { severity: 'warn' } } }, [ads])).toEqual([
      'rules.nope: 没有这条规则（本版本的规则：ads）',
    ]);
    expect(
      compileErrors({ rules: { ads: { severity: 'warn', options: { dictionary: 'missing', extra: 1 } } } }, [ads]),
    ).toEqual([
      'rules.ads.options.extra: 这条规则没有此选项（可用：dictionary）',
      'rules.ads.options.dictionary: 词典「missing」不存在',
    ]);
    expect(compileErrors({ dictionaries: { terms: dict([{ pattern: 'a+' }, { term: '，。' }]) } }, [ads])).toEqual([
      'dictionaries.terms.entries[0].pattern: 「+」是无上限的重复，可能让浏览器卡死；请改为有上限的 {1,20} 这类写法',
      'dictionaries.terms.entries[1].term: 「，。」全是标点或空白，无法作为词条；请改用 pattern',
    ]);
    expect(compileErrors({ allow: [{ term: '好', rules: ['ghost'] }] }, [ads])).toEqual([
      'allow[0].rules: 没有规则「ghost」',
    ]);
  });
});
