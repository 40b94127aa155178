/** The pack-signing keys the extension trusts without any policy (packs/trusted-keys.json). */
import data from '../packs/trusted-keys.json';
import type { TrustedKeyEntry } from './keys';

export const BUILTIN_TRUSTED_KEYS: readonly TrustedKeyEntry[] = data.keys;
