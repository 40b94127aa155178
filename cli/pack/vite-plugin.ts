/**
 * Vite plugin that builds the default pack from its YAML source at bundle time, so the
 * extension always ships the pack that is in the repository (no generated file to forget).
 * `import defaultPack from 'virtual:default-pack'` yields the built pack document.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { DEFAULT_PACK_DIR } from './default-pack';
import { loadPackSource } from './source';

const ID = 'virtual:default-pack';
const RESOLVED = `\0${ID}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(yaml|json)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

export function defaultPackPlugin(): Plugin {
  return {
    name: 'govpost-default-pack',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of sourceFiles(DEFAULT_PACK_DIR)) this.addWatchFile(f);
      return `export default ${JSON.stringify(loadPackSource(DEFAULT_PACK_DIR))};`;
    },
  };
}
