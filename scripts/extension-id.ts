/**
 * `npm run extension-id -- [key]` prints the Chromium extension id of a key: a PEM private key
 * (the CRX signing key), a PEM public key or a manifest `key` value. Without an argument, the id of
 * the manifest key in the repository. `--manifest-key` prints the key's manifest `key` value
 * instead (to put in scripts/package/manifest-key.ts when a city signs with its own key).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extensionId, manifestKey } from './package/extension-id';
import { MANIFEST_KEY } from './package/manifest-key';

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { 'manifest-key': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new Error('用法：npm run extension-id -- [--manifest-key] [密钥文件]');
  const text = positionals[0] === undefined ? MANIFEST_KEY : readFileSync(positionals[0], 'utf8');
  process.stdout.write(`${values['manifest-key'] ? manifestKey(text) : extensionId(text)}\n`);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
