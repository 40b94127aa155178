import { describe, expect, it } from 'vitest';
import { canonicalPackJson } from '../../pack-trust/canonical';
import {
  admitSignedPack,
  inspectPack,
  testPack,
  MAX_SIGNED_PACK_BYTES,
  type Admission,
  type RefusalReason,
} from '../../pack-trust/admit';
import { RULES } from '../../rules/index';
import { SITE_SCHEMA } from '../../adapters/site-schema';
import { context, defaultPack, packWithTerm, signed, testKey } from './helpers';

function refusal(result: Admission) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.pack.id} ${result.pack.version}`);
  return result.refusal;
}

async function expectRefused(
  input: unknown,
  reason: RefusalReason,
  message: string | RegExp,
  ctx?: Parameters<typeof admitSignedPack>[1],
) {
  const key = await testKey();
  const r = refusal(await admitSignedPack(input, ctx ?? context([key.trusted])));
  expect(r.reason).toBe(reason);
  expect(r.message).toMatch(message);
  return r;
}

describe('admitSignedPack', () => {
  it('admits a signed pack whose key is trusted and whose cases pass, as the signature covers it', async () => {
    const key = await testKey();
    const pack = packWithTerm('1.1.0');
    pack.name = 'Cafe\u0301 规则包';
    const text = JSON.stringify(await signed(pack, key), null, 2);
    const result = await admitSignedPack(
      text,
      context([key.trusted], () => '1.0.0'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.keyIds).toEqual([key.id]);
    expect(result.tests).toBe(pack.tests.length);
    expect(result.pack.name).toBe('Café 规则包');
    expect(JSON.stringify(result.pack)).toBe(canonicalPackJson(pack));
    expect(
      result.checker.check({ platform: 'weibo', kind: 'post', body: '出现示例禁词' }).findings.map((f) => f.ruleId),
    ).toEqual(['no-typo']);
  });

  it('refuses a file that is too large before parsing it', async () => {
    await expectRefused(' '.repeat(MAX_SIGNED_PACK_BYTES + 1), 'too-large', /超过上限/);
  });

  it('counts the size limit in bytes: a Chinese file under the limit in characters is still too large', async () => {
    const chars = Math.floor(MAX_SIGNED_PACK_BYTES / 2);
    await expectRefused('"' + '规'.repeat(chars) + '"', 'too-large', /\d+ 字节，超过上限 8000000 字节/);
  });

  it('refuses text that is not JSON', async () => {
    await expectRefused('{"format": ', 'format', /^不是有效的 JSON/);
  });

  it('refuses an unsigned pack, saying it must be signed', async () => {
    await expectRefused(defaultPack(), 'format', /未签名的规则包/);
  });

  it('refuses a pack signed by a key it does not trust', async () => {
    const stranger = await testKey('陌生密钥');
    const r = await expectRefused(
      await signed(defaultPack(), stranger),
      'unknown-key',
      new RegExp(`签名密钥 ${stranger.id} 不受信任`),
    );
    expect(r.pack).toEqual({ id: 'baoding-default', version: defaultPack().version });
  });

  it('refuses a pack changed after signing', async () => {
    const key = await testKey();
    const file = await signed(packWithTerm('1.1.0'), key);
    (file.pack as { rules: Record<string, { severity: string }> }).rules['no-typo']!.severity = 'off';
    const r = refusal(await admitSignedPack(file, context([key.trusted])));
    expect(r).toMatchObject({ reason: 'bad-signature', keyIds: [key.id] });
  });

  it('refuses a pack of a newer format version, even correctly signed', async () => {
    const key = await testKey();
    const r = refusal(
      await admitSignedPack(await signed({ ...defaultPack(), format: 2 }, key), context([key.trusted])),
    );
    expect(r).toMatchObject({
      reason: 'format',
      message: '规则包格式版本为 2，本版本只支持 1：请先升级扩展或命令行工具',
    });
  });

  it('refuses a signed pack that breaks the schema, listing every problem', async () => {
    const key = await testKey();
    const r = refusal(
      await admitSignedPack(await signed({ ...defaultPack(), version: 'v2', allow: {} }, key), context([key.trusted])),
    );
    expect(r.reason).toBe('schema');
    expect(r.details).toEqual(['version: 应为 主版本.次版本.修订号，如 1.4.0', 'allow: 应为数组']);
  });

  it('refuses a signed pack with a bad site selector override', async () => {
    const key = await testKey();
    const pack = { ...defaultPack(), sites: { weibo: { homeInput: ['button:has-text("发送")'] } } };
    const r = refusal(await admitSignedPack(await signed(pack, key), context([key.trusted])));
    expect(r.reason).toBe('schema');
    expect(r.details[0]).toMatch(/^sites\.weibo\.homeInput\[0\]: .*不是有效的 CSS 选择器/);
  });

  it('refuses a version that is not newer than the floor (no rollback), and accepts a newer one', async () => {
    const key = await testKey();
    const file = await signed(packWithTerm('1.1.0'), key);
    for (const floor of ['1.1.0', '1.2.0', '2.0.0']) {
      const r = refusal(
        await admitSignedPack(
          file,
          context([key.trusted], () => floor),
        ),
      );
      expect(r.reason).toBe('not-newer');
      expect(r.message).toContain(`版本 1.1.0 不比本浏览器已启用过的 ${floor} 新`);
    }
    expect(
      (
        await admitSignedPack(
          file,
          context([key.trusted], () => '1.0.9'),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await admitSignedPack(
          file,
          context([key.trusted], () => undefined),
        )
      ).ok,
    ).toBe(true);
  });

  it('refuses a pattern that could freeze a browser, with the reason', async () => {
    const key = await testKey();
    const pack = defaultPack();
    pack.dictionaries.typos!.entries.push({ pattern: '(a+)+b', suggestion: 'x', basis: '测试' });
    const r = refusal(await admitSignedPack(await signed(pack, key), context([key.trusted])));
    expect(r.reason).toBe('invalid');
    expect(r.details.join('\n')).toMatch(/pattern: 「\+」是无上限的重复，可能让浏览器卡死/);
  });

  it('refuses a pack that configures a rule this version does not have', async () => {
    const key = await testKey();
    const pack = defaultPack();
    pack.rules['no-such-rule'] = { severity: 'block' };
    const r = refusal(await admitSignedPack(await signed(pack, key), context([key.trusted])));
    expect(r).toMatchObject({ reason: 'invalid' });
    expect(r.details[0]).toMatch(/^rules\.no-such-rule: 没有这条规则/);
  });

  it('refuses a pack whose own cases fail, saying which and how', async () => {
    const key = await testKey();
    const pack = defaultPack();
    pack.tests.push({ text: '这是一段没有问题的文字。', expect: ['no-typo'], note: '故意写错的用例' });
    const r = refusal(await admitSignedPack(await signed(pack, key), context([key.trusted])));
    expect(r.reason).toBe('tests-failed');
    expect(r.details).toEqual([
      `用例 ${pack.tests.length}「这是一段没有问题的文字。」〔故意写错的用例〕：应报出 no-typo 却没有报出`,
    ]);
  });
});

describe('the whole pack’s cost', () => {
  it('refuses a pack of many literal-free patterns, each safe alone, saying the budget — and quickly', async () => {
    const key = await testKey();
    const pack = defaultPack();
    // Each pattern passes the per-pattern bound, but none has a literal: all run over the whole text.
    for (let i = 0; i < 1000; i++)
      pack.dictionaries.typos!.entries.push({
        pattern: `[\\u4e00-\\u9fff]{1,${20 + (i % 20)}}[0-9]{1,${3 + (i % 5)}}`,
        suggestion: 'x',
        basis: '测试',
      });
    const t0 = performance.now();
    const r = refusal(await admitSignedPack(await signed(pack, key), context([key.trusted])));
    expect(r.reason).toBe('too-costly');
    expect(r.message).toMatch(/超过准入上限 400 毫秒/);
    expect(r.message).toMatch(/20000 字参考文本/);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it('admits the default pack, far within the budget', () => {
    const inspection = inspectPack(defaultPack(), { rules: RULES, sites: SITE_SCHEMA });
    expect(inspection.ok).toBe(true);
  });
});

describe('a pack with every rule off', () => {
  const allOff = () => {
    const pack = defaultPack();
    for (const cfg of Object.values(pack.rules)) cfg.severity = 'off';
    pack.tests = [];
    return pack;
  };

  it('is refused: it would let everything through', async () => {
    const key = await testKey();
    const r = refusal(await admitSignedPack(await signed(allOff(), key), context([key.trusted])));
    expect(r.reason).toBe('all-off');
    expect(r.message).toContain('disablesAllRules: true');
  });

  it('is admitted when the admin says so on purpose', async () => {
    const key = await testKey();
    const pack = { ...allOff(), disablesAllRules: true };
    expect((await admitSignedPack(await signed(pack, key), context([key.trusted]))).ok).toBe(true);
  });

  it('a pack that says it disables every rule but enables one is refused as inconsistent', () => {
    const pack = { ...defaultPack(), disablesAllRules: true };
    const r = inspectPack(pack, { rules: RULES, sites: SITE_SCHEMA });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.message).toMatch(/却启用了 \d+ 条规则/);
  });
});

describe('the 三审 record option (review)', () => {
  it('is admitted on and off, and absent by default', async () => {
    const key = await testKey();
    expect(defaultPack().review).toBeUndefined();
    for (const justify of [true, false]) {
      const result = await admitSignedPack(
        await signed({ ...defaultPack(), review: { justify } }, key),
        context([key.trusted]),
      );
      if (!result.ok) throw new Error(result.refusal.message);
      expect(result.pack.review).toEqual({ justify });
    }
  });

  it('is refused with the field named when malformed', async () => {
    const key = await testKey();
    for (const [review, message] of [
      [{ justify: 'yes' }, /review\.justify: 应为 true 或 false/],
      [{ justfy: true }, /review\.justfy: 未知字段/],
      [true, /review: 应为对象/],
    ] as const) {
      const r = refusal(await admitSignedPack(await signed({ ...defaultPack(), review }, key), context([key.trusted])));
      expect(r.details.join('\n')).toMatch(message);
    }
  });
});

describe('inspectPack', () => {
  it('accepts the default pack as built from its source, and its own cases pass', () => {
    const inspection = inspectPack(defaultPack(), { rules: RULES, sites: SITE_SCHEMA });
    if (!inspection.ok) throw new Error(inspection.refusal.details.join('\n'));
    expect(testPack(inspection)).toBeUndefined();
  });
});
