/**
 * The engine as the extension ships it. The extension's build (WXT on Vite) bundles the rules
 * into one module and minifies it with esbuild for Vite's default browser targets; run from
 * source through a loader instead, every function carries a naming helper and every imported
 * binding is read through a getter, which is not the code users run. This bundles the same
 * entry the same way, into a temporary file, and imports it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export type Engine = typeof import('./engine-entry');

const ENTRY = fileURLToPath(new URL('./engine-entry.ts', import.meta.url));

/** Vite 7's default build target ('baseline-widely-available'), which the extension's build keeps. */
export const SHIPPED_TARGET = ['chrome107', 'edge107', 'firefox104', 'safari16'];

export async function loadBundledEngine(): Promise<Engine> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: SHIPPED_TARGET,
    minify: true,
    // WXT asks for ASCII output, as browsers require of extension scripts.
    charset: 'ascii',
    write: false,
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'govpost-bench-'));
  try {
    const file = join(dir, 'engine.mjs');
    writeFileSync(file, result.outputFiles[0]!.contents); // one entry point, write: false: one output file
    return (await import(pathToFileURL(file).href)) as Engine;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
