/**
 * Chromium derives an extension's id from its public key: the first 128 bits of the SHA-256 of the
 * DER SubjectPublicKeyInfo, each hex digit 0–f written as a letter a–p. The same key therefore gives
 * the same id in the manifest `key` of an unpacked build, in a CRX3 signed with its private half,
 * and in every policy that names the extension.
 */
import { createHash, createPublicKey } from 'node:crypto';

/** An id as Chromium writes it: each hex digit 0–f of its 16 bytes as a letter a–p. */
export function idFromHex(hex: string): string {
  return [...hex].map((digit) => String.fromCharCode(0x61 + parseInt(digit, 16))).join('');
}

/** The id Chromium gives an extension whose public key is `spkiDer`. */
export function extensionIdFromSpki(spkiDer: Uint8Array): string {
  return idFromHex(createHash('sha256').update(spkiDer).digest('hex').slice(0, 32));
}

/**
 * The DER SubjectPublicKeyInfo of a key given as text: a PEM private key (PKCS#8 `PRIVATE KEY`, as
 * Chromium's --pack-extension and `openssl genpkey` write it, or PKCS#1 `RSA PRIVATE KEY`), a PEM
 * public key, or a manifest `key` (base64 DER).
 */
export function publicKeyDer(text: string): Buffer {
  const trimmed = text.trim();
  if (!trimmed.startsWith('-----BEGIN')) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) {
      throw new Error('不是 PEM 密钥，也不是清单 key（base64）');
    }
    const der = Buffer.from(trimmed, 'base64');
    // Parse it, so a truncated or foreign value is refused rather than turned into a wrong id.
    createPublicKey({ key: der, format: 'der', type: 'spki' });
    return der;
  }
  const key = createPublicKey(trimmed);
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`CRX 签名密钥须为 RSA（这是 ${key.asymmetricKeyType ?? '未知类型'}）`);
  }
  return key.export({ type: 'spki', format: 'der' });
}

/** The manifest `key` value (base64 DER SubjectPublicKeyInfo) for a key given as text. */
export function manifestKey(text: string): string {
  return publicKeyDer(text).toString('base64');
}

/** The extension id for a key given as text (see publicKeyDer). */
export function extensionId(text: string): string {
  return extensionIdFromSpki(publicKeyDer(text));
}
