/**
 * Later versions of a built extension, for the deployment tests: a copy of the build whose manifest
 * carries another version, as a later `npm run build` after a version bump would give.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../scripts/package/release';

/** `version` with its last part raised by `n` (0.1.0 → 0.1.2 for n = 2). */
export function laterVersion(version: string, n: number): string {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1]! += n;
  return parts.join('.');
}

/** A copy of the unpacked build at `buildDir`, in `dir`, with `version` in its manifest. */
export function buildWithVersion(buildDir: string, version: string, dir: string): string {
  cpSync(buildDir, dir, { recursive: true });
  const manifest = readManifest(dir);
  manifest.version = version;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
