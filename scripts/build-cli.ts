/**
 * Bundles the CLI into dist/cli/ (`npm run build:cli`; run at install and by bin/govpost-guard.js
 * whenever a source is newer than the bundle): one ES module per command, loaded on demand, with
 * every dependency inside, so the command starts without compiling TypeScript and needs no
 * runtime packages; and the default pack prebuilt as JSON from packs/default with the same reader
 * as the extension's build, so no call parses YAML. `inputs.json` lists what the bundle was made
 * from, for the freshness check.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { DEFAULT_PACK_DIR, PREBUILT_PACK_FILE } from '../cli/pack/default-pack';
import { loadPackSource } from '../cli/pack/source';

const ROOT = resolve(import.meta.dirname, '..');
export const CLI_OUT = join(ROOT, 'dist/cli');

function packSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? packSources(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export async function buildCli(): Promise<{ bytes: number; files: number }> {
  const started = Date.now();
  // Built aside and swapped in, so a command started meanwhile never sees half a bundle.
  const out = `${CLI_OUT}.${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { 'govpost-guard': 'cli/bin.ts' },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    define: { __GOVPOST_CLI_BUNDLE__: 'true' },
    // The collector's database drivers stay packages: PGlite loads its wasm and data files from
    // beside its own module, and pg has an optional native binding it looks for at run time.
    external: ['@electric-sql/pglite', 'pg'],
    // CommonJS dependencies (yaml) call require() for Node's own modules.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    outExtension: { '.js': '.mjs' },
  });
  writeFileSync(join(out, PREBUILT_PACK_FILE), JSON.stringify(loadPackSource(DEFAULT_PACK_DIR)));
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')),
    ...packSources(DEFAULT_PACK_DIR).map((f) => relative(ROOT, f)),
    'scripts/build-cli.ts',
    'package-lock.json',
  ];
  writeFileSync(join(out, 'inputs.json'), JSON.stringify({ builtAt: started, inputs }));
  const old = `${CLI_OUT}.old.${process.pid}`;
  try {
    renameSync(CLI_OUT, old);
  } catch {
    // no earlier bundle
  }
  renameSync(out, CLI_OUT);
  rmSync(old, { recursive: true, force: true });
  const outputs = Object.values(result.metafile.outputs);
  return { bytes: outputs.reduce((n, o) => n + o.bytes, 0), files: outputs.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { bytes, files } = await buildCli();
  console.log(`govpost-guard CLI → dist/cli (${files} files, ${(bytes / 1024).toFixed(0)} kB)`);
}
