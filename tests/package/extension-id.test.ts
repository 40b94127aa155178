import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extensionId, extensionIdFromSpki, manifestKey, publicKeyDer } from '../../scripts/package/extension-id';
import { MANIFEST_KEY } from '../../scripts/package/manifest-key';
import { EXTENSION_ID } from '../e2e/harness';

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject, type: 'pkcs8' | 'pkcs1' | 'spki') => key.export({ type, format: 'pem' }).toString();

describe('extension id from a key', () => {
  it('gives the id Chromium gives the repository manifest key', () => {
    // The end-to-end tests assert Chromium loads the build under this id.
    expect(extensionId(MANIFEST_KEY)).toBe(EXTENSION_ID);
    expect(EXTENSION_ID).toBe('bpaphlkjmdglaojppphhcbmagkiggbeh');
  });

  it('is the same for the private key, its public key and its manifest key', () => {
    const { privateKey, publicKey } = rsa();
    const pkcs8 = pem(privateKey, 'pkcs8');
    const pkcs1 = pem(privateKey, 'pkcs1');
    const spki = pem(publicKey, 'spki');
    const id = extensionId(pkcs8);
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(extensionId(pkcs1)).toBe(id);
    expect(extensionId(spki)).toBe(id);
    expect(extensionId(manifestKey(pkcs8))).toBe(id);
    expect(manifestKey(pkcs8)).toBe(publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
  });

  it('differs between keys', () => {
    const a = pem(rsa().privateKey, 'pkcs8');
    const b = pem(rsa().privateKey, 'pkcs8');
    expect(extensionId(a)).not.toBe(extensionId(b));
  });

  it('maps each hex digit of the SHA-256 to a letter a–p', () => {
    // SHA-256 of the empty string starts e3b0c44298fc1c149afbf4c8996fb924.
    expect(extensionIdFromSpki(new Uint8Array())).toBe('odlameecjipmbmbejkplpemijjgpljce');
  });

  it('refuses what is not an RSA key', () => {
    const ec = pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'pkcs8');
    expect(() => publicKeyDer(ec)).toThrow(/RSA/);
    expect(() => publicKeyDer('not a key!')).toThrow(/不是 PEM 密钥/);
    expect(() => publicKeyDer(MANIFEST_KEY.slice(0, 100))).toThrow();
  });
});
