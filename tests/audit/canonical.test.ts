import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRecordJson, hashedText, recordHash, sha256Hex } from '../../audit/canonical';
import { linkRecord } from '../../audit/chain';
import { GENESIS_HASH } from '../../audit/record';
import { attemptBody } from './fixtures';

describe('canonical form', () => {
  it('sorts members by UTF-16 code units, drops undefined, writes no whitespace', () => {
    expect(canonicalRecordJson({ b: 1, a: ['甲', true, null], c: undefined, B: 'x' })).toBe(
      '{"B":"x","a":["甲",true,null],"b":1}',
    );
    // "\u{1F600}" (a surrogate pair, D83D…) sorts before "\uFF01" by code units, after it by code points.
    expect(canonicalRecordJson({ '\uFF01': 1, '\u{1F600}': 2 })).toBe('{"\u{1F600}":2,"\uFF01":1}');
  });

  it('escapes strings as JSON.stringify does, lone surrogates included', () => {
    expect(canonicalRecordJson('引号"与\\换行\n')).toBe('"引号\\"与\\\\换行\\n"');
    expect(canonicalRecordJson('\uD800')).toBe('"\\ud800"');
  });

  it('refuses what a record must not hold: fractions, NaN, functions', () => {
    expect(() => canonicalRecordJson(1.5)).toThrow(/安全整数/);
    expect(() => canonicalRecordJson(Number.NaN)).toThrow();
    expect(() => canonicalRecordJson({ f: () => 1 })).toThrow(/function/);
  });

  it('hashes the UTF-8 bytes of the canonical text without the hash member', async () => {
    const record = { hash: 'ignored', seq: 1, text: '政务' };
    expect(hashedText(record)).toBe('{"seq":1,"text":"政务"}');
    const expected = createHash('sha256').update('{"seq":1,"text":"政务"}', 'utf8').digest('hex');
    expect(await recordHash(record)).toBe(expected);
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('links a record after the head, or after genesis', async () => {
    const first = await linkRecord(attemptBody(), undefined);
    expect(first.seq).toBe(1);
    expect(first.prev).toBe(GENESIS_HASH);
    expect(first.hash).toBe(await recordHash(first));
    const second = await linkRecord(attemptBody(), first);
    expect(second.seq).toBe(2);
    expect(second.prev).toBe(first.hash);
  });
});
