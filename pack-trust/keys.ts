/**
 * Pack-signing keys: Ed25519, 32-byte public keys written in base64. A key's id is derived from
 * the key itself — the first 8 bytes of SHA-256(raw public key) in lower-case hex — so an id can
 * be checked, never merely claimed, and a signature names the key that made it without carrying
 * the key. Trusted keys come from the extension (packs/trusted-keys.json) and from the admin's
 * policy (`trustedKeys`); several may be trusted at once, so a key can be rotated without a gap.
 */
import { etc, getPublicKeyAsync, utils } from '@noble/ed25519';
import { fromBase64, toBase64 } from '../rules/engine/base64';

export const PRIVATE_KEY_FORMAT = 'govpost-guard-private-key/1';
export const PUBLIC_KEY_FORMAT = 'govpost-guard-public-key/1';

/** A trusted key as policy and packs/trusted-keys.json write it. */
export interface TrustedKeyEntry {
  id: string;
  publicKey: string;
  name?: string;
}

export type KeySource = 'builtin' | 'policy' | 'file';

export interface TrustedKey {
  id: string;
  publicKey: Uint8Array;
  name?: string;
  source: KeySource;
}

export interface PublicKeyFile extends TrustedKeyEntry {
  format: typeof PUBLIC_KEY_FORMAT;
  algorithm: 'ed25519';
}

export interface PrivateKeyFile extends TrustedKeyEntry {
  format: typeof PRIVATE_KEY_FORMAT;
  algorithm: 'ed25519';
  /** The 32-byte Ed25519 secret seed, base64. */
  privateKey: string;
  created: string;
}

export async function keyIdOf(publicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKey as Uint8Array<ArrayBuffer>));
  return etc.bytesToHex(digest.subarray(0, 8));
}

export async function generateKeyPair(
  name?: string,
  now = new Date(),
): Promise<{ privateFile: PrivateKeyFile; publicFile: PublicKeyFile }> {
  const secret = utils.randomSecretKey();
  const publicKey = await getPublicKeyAsync(secret);
  const id = await keyIdOf(publicKey);
  const common = { algorithm: 'ed25519' as const, id, ...(name ? { name } : {}), publicKey: toBase64(publicKey) };
  return {
    privateFile: { format: PRIVATE_KEY_FORMAT, ...common, privateKey: toBase64(secret), created: now.toISOString() },
    publicFile: { format: PUBLIC_KEY_FORMAT, ...common },
  };
}

/**
 * Checks trusted-key entries from policy, the extension or a file: each must hold a 32-byte
 * base64 public key whose derived id equals the stated id. Bad entries are reported, not trusted.
 */
export async function resolveTrustedKeys(
  entries: unknown,
  source: KeySource,
): Promise<{ keys: TrustedKey[]; problems: string[] }> {
  const keys: TrustedKey[] = [];
  const problems: string[] = [];
  if (entries === undefined) return { keys, problems };
  if (!Array.isArray(entries)) return { keys, problems: ['trustedKeys 应为 [{ id, publicKey }] 数组'] };
  for (const [i, entry] of entries.entries()) {
    const at = `trustedKeys[${i}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${at}: 应为 { id, publicKey }`);
      continue;
    }
    const { id, publicKey, name } = entry as Record<string, unknown>;
    const bytes = typeof publicKey === 'string' ? fromBase64(publicKey) : undefined;
    if (!bytes || bytes.length !== 32) {
      problems.push(`${at}: publicKey 应为 32 字节 Ed25519 公钥的 base64 编码`);
      continue;
    }
    const derived = await keyIdOf(bytes);
    if (id !== derived) {
      problems.push(`${at}: id「${String(id)}」与公钥不符（此公钥的 id 是 ${derived}）`);
      continue;
    }
    if (keys.some((k) => k.id === derived)) continue;
    keys.push({ id: derived, publicKey: bytes, ...(typeof name === 'string' && name ? { name } : {}), source });
  }
  return { keys, problems };
}

/** Reads a private key file's secret after checking that it matches its stated public key and id. */
export async function readPrivateKey(
  file: unknown,
): Promise<{ id: string; secret: Uint8Array; publicKey: Uint8Array }> {
  const f = file as Partial<PrivateKeyFile> | null;
  if (typeof f !== 'object' || f === null || f.format !== PRIVATE_KEY_FORMAT) {
    throw new Error(`不是私钥文件（format 应为 ${PRIVATE_KEY_FORMAT}；公钥文件不能用来签名）`);
  }
  const secret = typeof f.privateKey === 'string' ? fromBase64(f.privateKey) : undefined;
  if (!secret || secret.length !== 32) throw new Error('私钥文件的 privateKey 应为 32 字节的 base64');
  const publicKey = await getPublicKeyAsync(secret);
  const id = await keyIdOf(publicKey);
  if (f.publicKey !== toBase64(publicKey) || f.id !== id)
    throw new Error('私钥文件已损坏：privateKey 与其中的 publicKey 或 id 不符');
  return { id, secret, publicKey };
}
