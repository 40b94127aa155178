/** Keys and signed files for tests: every test makes its own key pair, none is ever committed. */
import { DEFAULT_PACK_DIR } from '../../cli/pack/default-pack';
import { loadPackSource } from '../../cli/pack/source';
import type { Pack } from '../../rules/engine/pack';
import type { Severity } from '../../rules/engine/types';
import { RULES } from '../../rules/index';
import type { AdmitContext } from '../../pack-trust/admit';
import { generateKeyPair, readPrivateKey, resolveTrustedKeys, type TrustedKey } from '../../pack-trust/keys';
import { signPack, withSignature, type SignedPackFile } from '../../pack-trust/signed-pack';
import { SITE_SCHEMA } from '../../adapters/site-schema';

export interface TestKey {
  id: string;
  secret: Uint8Array;
  trusted: TrustedKey;
  publicEntry: { id: string; publicKey: string };
}

export async function testKey(name = '测试密钥'): Promise<TestKey> {
  const { privateFile, publicFile } = await generateKeyPair(name);
  const { id, secret } = await readPrivateKey(privateFile);
  const { keys } = await resolveTrustedKeys([publicFile], 'file');
  return { id, secret, trusted: keys[0]!, publicEntry: { id: publicFile.id, publicKey: publicFile.publicKey } };
}

export async function signed(pack: unknown, ...keys: TestKey[]): Promise<SignedPackFile> {
  let file = withSignature(pack, [], await signPack(pack, keys[0]!));
  for (const k of keys.slice(1)) file = withSignature(pack, file.signatures, await signPack(pack, k));
  return file;
}

let cached: Pack | undefined;
/** A fresh deep copy of the default pack, to derive test packs from. */
export function defaultPack(): Pack {
  cached ??= loadPackSource(DEFAULT_PACK_DIR);
  return structuredClone(cached);
}

/**
 * The default pack at another version, with an extra banned term and a case proving it. The term
 * takes the rule's severity unless one is given for the entry.
 */
export function packWithTerm(version: string, term = '示例禁词', suggestion = '规范说法', severity?: Severity): Pack {
  const pack = defaultPack();
  pack.version = version;
  pack.dictionaries.typos!.entries.push({ term, suggestion, basis: '测试', ...(severity ? { severity } : {}) });
  pack.tests.push({ text: `今天的通报里出现了${term}。`, expect: ['no-typo'] });
  return pack;
}

export function context(trusted: TrustedKey[], floor?: AdmitContext['floor']): AdmitContext {
  return { rules: RULES, sites: SITE_SCHEMA, trusted, floor };
}
