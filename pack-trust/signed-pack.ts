/**
 * The signed pack file: the pack document with one or more Ed25519 signatures over its canonical
 * form (canonical.ts). Several signatures let one file be trusted by browsers that know the old
 * key and by browsers that already know the new one while a key is rotated.
 *
 *   {
 *     "format": "govpost-guard-signed-pack/1",
 *     "signatures": [{ "keyId": "3f9c…", "algorithm": "ed25519", "signature": "<base64, 64 bytes>" }],
 *     "pack": { …the pack document… }
 *   }
 */
import { signAsync, verifyAsync } from '@noble/ed25519';
import { fromBase64, toBase64 } from '../rules/engine/base64';
import { CanonicalFormError, signingMessage } from './canonical';
import type { TrustedKey } from './keys';

export const SIGNED_PACK_FORMAT = 'govpost-guard-signed-pack/1';

export interface PackSignature {
  keyId: string;
  algorithm: 'ed25519';
  signature: string;
}

export interface SignedPackFile {
  format: typeof SIGNED_PACK_FORMAT;
  signatures: PackSignature[];
  pack: unknown;
}

export type EnvelopeCheck = { ok: true; file: SignedPackFile } | { ok: false; message: string };

/** Checks the shape of a signed pack file (not its signatures). */
export function readEnvelope(input: unknown): EnvelopeCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, message: '不是签名规则包文件（应为 JSON 对象）' };
  const f = input as Record<string, unknown>;
  if (f.format !== SIGNED_PACK_FORMAT) {
    if (typeof f.id === 'string' && typeof f.version === 'string' && 'rules' in f) {
      return { ok: false, message: '这是未签名的规则包；请先用 govpost-guard pack sign 签名' };
    }
    return {
      ok: false,
      message: `文件格式应为「${SIGNED_PACK_FORMAT}」，实际为 ${JSON.stringify(f.format) ?? '（缺失）'}${typeof f.format === 'string' && f.format.startsWith('govpost-guard-signed-pack/') ? '：此格式需要更新版本的扩展' : ''}`,
    };
  }
  if (!Array.isArray(f.signatures) || f.signatures.length === 0)
    return { ok: false, message: '文件中没有签名（signatures 为空）' };
  for (const [i, item] of (f.signatures as unknown[]).entries()) {
    const s = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof s.keyId !== 'string' || typeof s.signature !== 'string') {
      return { ok: false, message: `signatures[${i}] 应为 { keyId, algorithm, signature }` };
    }
    if (s.algorithm !== 'ed25519')
      return {
        ok: false,
        message: `signatures[${i}]: 不支持的签名算法 ${JSON.stringify(s.algorithm)}（只支持 ed25519）`,
      };
  }
  if (typeof f.pack !== 'object' || f.pack === null || Array.isArray(f.pack))
    return { ok: false, message: '文件中没有规则包（pack 应为对象）' };
  return { ok: true, file: input as SignedPackFile };
}

export async function signPack(pack: unknown, key: { id: string; secret: Uint8Array }): Promise<PackSignature> {
  const signature = await signAsync(signingMessage(pack), key.secret);
  return { keyId: key.id, algorithm: 'ed25519', signature: toBase64(signature) };
}

/** Adds a signature to a file, replacing an earlier signature by the same key. */
export function withSignature(pack: unknown, previous: PackSignature[], signature: PackSignature): SignedPackFile {
  return {
    format: SIGNED_PACK_FORMAT,
    signatures: [...previous.filter((s) => s.keyId !== signature.keyId), signature],
    pack,
  };
}

export type SignatureCheck =
  | { ok: true; keyIds: string[] }
  | { ok: false; reason: 'unknown-key' | 'bad-signature' | 'format'; message: string; keyIds: string[] };

/**
 * Verifies a signed file against trusted keys. Signatures by keys this browser does not know are
 * ignored (they serve other browsers during a rotation); at least one must come from a trusted
 * key, and every signature that claims a trusted key must be valid — one that is not means the
 * pack was altered after signing.
 */
export async function verifySignatures(file: SignedPackFile, trusted: readonly TrustedKey[]): Promise<SignatureCheck> {
  const claimed = file.signatures.map((s) => s.keyId);
  let message: Uint8Array;
  try {
    message = signingMessage(file.pack);
  } catch (e) {
    if (e instanceof CanonicalFormError)
      return { ok: false, reason: 'format', message: `规则包无法规范化：${e.message}`, keyIds: claimed };
    throw e;
  }
  const good: string[] = [];
  for (const s of file.signatures) {
    const key = trusted.find((k) => k.id === s.keyId);
    if (!key) continue;
    const bytes = fromBase64(s.signature);
    const valid =
      bytes !== undefined &&
      bytes.length === 64 &&
      (await verifyAsync(bytes, message, key.publicKey, { zip215: false }).catch(() => false));
    if (!valid) {
      return {
        ok: false,
        reason: 'bad-signature',
        message: `密钥 ${s.keyId}${key.name ? `（${key.name}）` : ' '}的签名与规则包内容不符：文件在签名后被改动过，或签名已损坏`,
        keyIds: claimed,
      };
    }
    good.push(s.keyId);
  }
  if (good.length === 0) {
    const known = trusted.map((k) => k.id).join('、') || '（无）';
    return {
      ok: false,
      reason: 'unknown-key',
      message: `签名密钥 ${claimed.join('、')} 不受信任（受信任的密钥：${known}）`,
      keyIds: claimed,
    };
  }
  return { ok: true, keyIds: good };
}
