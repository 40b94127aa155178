/**
 * The device's signing key: ECDSA P-256 made by WebCrypto with a NON-extractable private key, kept
 * as a CryptoKey object in the extension's IndexedDB (structured clone keeps it usable but never
 * readable). Only the public key leaves the browser, once, at enrollment.
 */
import { base64, type PublicKeyJwk } from '../../fleet-protocol/upload';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export function newDeviceKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

export async function publicJwk(keys: CryptoKeyPair): Promise<PublicKeyJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
}

/** Base64 of the IEEE P1363 (r‖s) signature over the exact bytes sent. */
export async function signBody(keys: CryptoKeyPair, body: string): Promise<string> {
  const sig = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    keys.privateKey,
    new TextEncoder().encode(body),
  );
  return base64(sig);
}
