/** The bundled CLI that bin/ runs: its prebuilt default pack is the pack built from packs/default. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR, PREBUILT_PACK_FILE } from '../../cli/pack/default-pack';
import { loadPackSource } from '../../cli/pack/source';
import { ROOT, spawnCli } from './run-cli';

beforeAll(async () => {
  // Running the command rebuilds the bundle first if any of its sources is newer.
  expect((await spawnCli(['--help'])).code).toBe(0);
}, 120_000);

describe('dist/cli', () => {
  it('ships the default pack prebuilt from its YAML source, exactly', () => {
    const prebuilt = JSON.parse(readFileSync(join(ROOT, 'dist/cli', PREBUILT_PACK_FILE), 'utf8'));
    expect(prebuilt).toEqual(JSON.parse(JSON.stringify(loadPackSource(DEFAULT_PACK_DIR))));
  });

  it('lists the files it was built from, sources and pack files both', () => {
    const { inputs } = JSON.parse(readFileSync(join(ROOT, 'dist/cli/inputs.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toContain('cli/commands/check.ts');
    expect(inputs).toContain('rules/engine/checker.ts');
    expect(inputs).toContain('packs/default/pack.yaml');
  });

  it('checks with the prebuilt pack as the source pack does', async () => {
    const draft = 'packs/default/pack.yaml';
    const bundled = await spawnCli(['check', '--format', 'json', draft]);
    const fromSource = await spawnCli(['check', '--format', 'json', '--pack', 'packs/default', draft]);
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(fromSource.stdout));
  }, 60_000);
});
