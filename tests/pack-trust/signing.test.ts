import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { etc, getPublicKeyAsync } from '@noble/ed25519';
import { describe, expect, it } from 'vitest';
import { toBase64, fromBase64 } from '../../rules/engine/base64';
import { signingMessage } from '../../pack-trust/canonical';
import { generateKeyPair, keyIdOf, readPrivateKey, resolveTrustedKeys, type TrustedKey } from '../../pack-trust/keys';
import {
  readEnvelope,
  SIGNED_PACK_FORMAT,
  signPack,
  verifySignatures,
  withSignature,
} from '../../pack-trust/signed-pack';

// RFC 8032 §7.1, test 1.
const RFC_SECRET = etc.hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

async function keyPair(name: string) {
  const { privateFile, publicFile } = await generateKeyPair(name);
  const key = await readPrivateKey(privateFile);
  const { keys } = await resolveTrustedKeys([publicFile], 'file');
  return { key, trusted: keys[0]!, publicFile, privateFile };
}

const PACK = { id: 'demo', version: '1.2.0', name: '示例', rules: { 'no-typo': { severity: 'warn' } } };

describe('key ids', () => {
  it('are the first 8 bytes of SHA-256 of the raw public key, in hex', async () => {
    const pub = await getPublicKeyAsync(RFC_SECRET);
    expect(etc.bytesToHex(pub)).toBe(RFC_PUBLIC);
    // sha256(d75a98…511a) = 21fe31dfa154a261626bf854…
    expect(await keyIdOf(pub)).toBe('21fe31dfa154a261');
  });

  it('must match the key they name, or the key is not trusted', async () => {
    const { publicFile } = await keyPair('甲');
    const other = await keyPair('乙');
    const { keys, problems } = await resolveTrustedKeys(
      [
        publicFile,
        { id: other.publicFile.id, publicKey: publicFile.publicKey },
        { id: 'x', publicKey: 'not base64!' },
        { id: 'y', publicKey: toBase64(new Uint8Array(31)) },
        'text',
        publicFile,
      ],
      'policy',
    );
    expect(keys.map((k) => k.id)).toEqual([publicFile.id]);
    expect(keys[0]).toMatchObject({ name: '甲', source: 'policy' });
    expect(problems).toEqual([
      `trustedKeys[1]: id「${other.publicFile.id}」与公钥不符（此公钥的 id 是 ${publicFile.id}）`,
      'trustedKeys[2]: publicKey 应为 32 字节 Ed25519 公钥的 base64 编码',
      'trustedKeys[3]: publicKey 应为 32 字节 Ed25519 公钥的 base64 编码',
      'trustedKeys[4]: 应为 { id, publicKey }',
    ]);
  });

  it('reports a trustedKeys value that is not a list', async () => {
    expect((await resolveTrustedKeys({ id: 'a' }, 'policy')).problems).toEqual([
      'trustedKeys 应为 [{ id, publicKey }] 数组',
    ]);
    expect(await resolveTrustedKeys(undefined, 'policy')).toEqual({ keys: [], problems: [] });
  });
});

describe('key files', () => {
  it('keep the secret seed, the public key and the id consistent', async () => {
    const { privateFile, publicFile } = await generateKeyPair('网信办 2026');
    expect(privateFile).toMatchObject({
      format: 'govpost-guard-private-key/1',
      algorithm: 'ed25519',
      name: '网信办 2026',
    });
    expect(publicFile).toEqual({
      format: 'govpost-guard-public-key/1',
      algorithm: 'ed25519',
      id: privateFile.id,
      name: '网信办 2026',
      publicKey: privateFile.publicKey,
    });
    expect(publicFile).not.toHaveProperty('privateKey');
    expect(fromBase64(privateFile.privateKey)).toHaveLength(32);
    await expect(readPrivateKey(privateFile)).resolves.toMatchObject({ id: privateFile.id });
  });

  it('refuse a public key file or an edited private key file for signing', async () => {
    const { privateFile, publicFile } = await generateKeyPair();
    const other = await generateKeyPair();
    await expect(readPrivateKey(publicFile)).rejects.toThrow(/公钥文件不能用来签名/);
    await expect(readPrivateKey({ ...privateFile, privateKey: other.privateFile.privateKey })).rejects.toThrow(
      /已损坏/,
    );
    await expect(readPrivateKey({ ...privateFile, privateKey: 'AAAA' })).rejects.toThrow(/32 字节/);
  });
});

describe('signatures', () => {
  it('are standard Ed25519 over the context line and the canonical form (checked with node:crypto)', async () => {
    const id = await keyIdOf(etc.hexToBytes(RFC_PUBLIC));
    const pack = { id: 'vector', version: '1.0.0', 名称: '测试' };
    const sig = await signPack(pack, { id, secret: RFC_SECRET });
    // Ed25519 is deterministic: this value pins the canonical form and the context line.
    expect(sig).toEqual({
      keyId: '21fe31dfa154a261',
      algorithm: 'ed25519',
      signature: 'JDrKz8cQvYX4L0nNmFeW38AOUaa7L1jHqZ3lZDK/6wITfB/tRczy1JvAD5Da1yiUNF3rpHVTQVacORddjOpbCA==',
    });
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(RFC_PUBLIC, 'hex').toString('base64url') };
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    expect(nodeVerify(null, signingMessage(pack), publicKey, Buffer.from(sig.signature, 'base64'))).toBe(true);
  });

  it('verify after re-indenting, reordering members or decomposing characters', async () => {
    const { key, trusted } = await keyPair('甲');
    const file = withSignature(PACK, [], await signPack(PACK, key));
    const reordered = JSON.parse(
      JSON.stringify(
        { ...file, pack: { rules: PACK.rules, version: PACK.version, name: '示例', id: PACK.id } },
        null,
        4,
      ),
    );
    expect(await verifySignatures(reordered, [trusted])).toEqual({ ok: true, keyIds: [key.id] });
    const decomposed = { ...file, pack: { ...PACK, name: 'Cafe\u0301' } };
    const composed = withSignature({ ...PACK, name: 'Café' }, [], await signPack({ ...PACK, name: 'Café' }, key));
    expect(await verifySignatures({ ...decomposed, signatures: composed.signatures }, [trusted])).toMatchObject({
      ok: true,
    });
  });

  it('refuse any change to the pack after signing', async () => {
    const { key, trusted } = await keyPair('甲');
    const file = withSignature(PACK, [], await signPack(PACK, key));
    const tampered = { ...file, pack: { ...PACK, rules: { 'no-typo': { severity: 'off' } } } };
    const check = await verifySignatures(tampered, [trusted]);
    expect(check).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(check.ok || check.message).toContain(`密钥 ${key.id}（甲）的签名与规则包内容不符`);
  });

  it('refuse a corrupted signature', async () => {
    const { key, trusted } = await keyPair('甲');
    const sig = await signPack(PACK, key);
    for (const signature of ['AAAA', sig.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), 'x'.repeat(88)]) {
      const check = await verifySignatures(withSignature(PACK, [], { ...sig, signature }), [trusted]);
      expect(check).toMatchObject({ ok: false, reason: 'bad-signature' });
    }
  });

  it('refuse a pack signed only by keys this browser does not trust, naming them', async () => {
    const signer = await keyPair('甲');
    const trustedOnly = await keyPair('乙');
    const file = withSignature(PACK, [], await signPack(PACK, signer.key));
    const check = await verifySignatures(file, [trustedOnly.trusted]);
    expect(check).toEqual({
      ok: false,
      reason: 'unknown-key',
      message: `签名密钥 ${signer.key.id} 不受信任（受信任的密钥：${trustedOnly.key.id}）`,
      keyIds: [signer.key.id],
    });
  });

  it('support rotation: a file signed by the old and the new key verifies with either', async () => {
    const oldKey = await keyPair('旧');
    const newKey = await keyPair('新');
    const once = withSignature(PACK, [], await signPack(PACK, oldKey.key));
    const twice = withSignature(PACK, once.signatures, await signPack(PACK, newKey.key));
    expect(twice.signatures.map((s) => s.keyId)).toEqual([oldKey.key.id, newKey.key.id]);
    expect(await verifySignatures(twice, [oldKey.trusted])).toEqual({ ok: true, keyIds: [oldKey.key.id] });
    expect(await verifySignatures(twice, [newKey.trusted])).toEqual({ ok: true, keyIds: [newKey.key.id] });
    expect(await verifySignatures(twice, [newKey.trusted, oldKey.trusted])).toEqual({
      ok: true,
      keyIds: [oldKey.key.id, newKey.key.id],
    });
    // Re-signing with the same key replaces its signature instead of piling up.
    const again = withSignature(PACK, twice.signatures, await signPack(PACK, newKey.key));
    expect(again.signatures).toHaveLength(2);
  });

  it('refuse a file where a trusted key signature is bad even if another is good', async () => {
    const a = await keyPair('甲');
    const b = await keyPair('乙');
    const good = await signPack(PACK, a.key);
    const forged = { ...(await signPack({ ...PACK, version: '9.9.9' }, b.key)) };
    const check = await verifySignatures(withSignature(PACK, [good], forged), [a.trusted, b.trusted] as TrustedKey[]);
    expect(check).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuse a pack that has no canonical form', async () => {
    const { trusted, key } = await keyPair('甲');
    const sig = await signPack(PACK, key);
    const check = await verifySignatures(
      { format: SIGNED_PACK_FORMAT, signatures: [sig], pack: { ...PACK, name: 'a\uDC00' } },
      [trusted],
    );
    expect(check).toMatchObject({ ok: false, reason: 'format' });
  });
});

describe('readEnvelope', () => {
  it.each([
    ['an array', [], '不是签名规则包文件'],
    ['an unsigned pack', { format: 1, id: 'a', version: '1.0.0', rules: {} }, '这是未签名的规则包'],
    ['a newer file format', { format: 'govpost-guard-signed-pack/2' }, '此格式需要更新版本的扩展'],
    ['no signatures', { format: SIGNED_PACK_FORMAT, signatures: [], pack: {} }, '没有签名'],
    ['a malformed signature', { format: SIGNED_PACK_FORMAT, signatures: [{ keyId: 1 }], pack: {} }, 'signatures[0]'],
    [
      'another algorithm',
      { format: SIGNED_PACK_FORMAT, signatures: [{ keyId: 'a', signature: 'b', algorithm: 'rsa' }], pack: {} },
      '只支持 ed25519',
    ],
    [
      'no pack',
      { format: SIGNED_PACK_FORMAT, signatures: [{ keyId: 'a', signature: 'b', algorithm: 'ed25519' }] },
      '没有规则包',
    ],
  ])('says why %s is not a signed pack file', (_, input, message) => {
    const check = readEnvelope(input);
    expect(check.ok).toBe(false);
    expect(check.ok || check.message).toContain(message);
  });
});
