/**
 * Packs an unpacked Chromium build into a signed CRX3 with Chromium's own --pack-extension, so the
 * file is exactly what the browser's installer expects. Works on a copy, whose manifest gets
 * - `key`: the signing key's public half (one id for the unpacked copy and the CRX);
 * - `update_url`: the published update.xml. Chromium checks an installed extension for updates at
 *   its manifest's update_url; without one it asks the Chrome Web Store, which knows nothing of it,
 *   so the extension would install from the policy's address and then never update.
 * Chromium writes nothing next to the build or into the repository.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crxId } from './crx-header';
import { manifestKey } from './extension-id';

const run = promisify(execFile);

export interface PackCrxOptions {
  /** The unpacked build (a folder with manifest.json). */
  sourceDir: string;
  /** PEM private key (RSA, PKCS#8 or PKCS#1). */
  keyFile: string;
  /** The id the key gives (release.ts checks it against the policies' before packing). */
  id: string;
  /** The https address of the published update.xml. */
  updateUrl: string;
  chromium: string;
  /** Bounded: a Chromium that hangs must not hang the release. */
  timeoutMs?: number;
}

/** The CRX3 bytes, checked to carry the key's id. */
export async function packCrx({
  sourceDir,
  keyFile,
  id,
  updateUrl,
  chromium,
  timeoutMs = 120_000,
}: PackCrxOptions): Promise<Buffer> {
  const keyText = readFileSync(keyFile, 'utf8');
  const work = mkdtempSync(join(tmpdir(), 'govpost-crx-'));
  try {
    const copy = join(work, 'extension');
    cpSync(sourceDir, copy, { recursive: true });
    const manifestFile = join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    manifest.key = manifestKey(keyText);
    manifest.update_url = updateUrl;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const args = [
      '--headless',
      '--disable-gpu',
      `--user-data-dir=${join(work, 'profile')}`,
      `--pack-extension=${copy}`,
      `--pack-extension-key=${keyFile}`,
    ];
    // Chromium refuses to start as root with its sandbox (CI runs as root); packing loads no pages.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    let output = '';
    try {
      const result = await run(chromium, args, { timeout: timeoutMs, encoding: 'utf8' });
      output = `${result.stdout}${result.stderr}`;
    } catch (e) {
      const failed = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(`Chromium 打包失败：${(failed.stderr || failed.stdout || failed.message).trim().slice(0, 800)}`, {
        cause: e,
      });
    }
    const crxFile = `${copy}.crx`;
    if (!existsSync(crxFile)) throw new Error(`Chromium 没有生成 CRX 文件：${output.trim().slice(0, 800)}`);
    const crx = readFileSync(crxFile);
    const packedId = crxId(crx);
    if (packedId !== id) throw new Error(`CRX 中的扩展 id（${packedId}）与密钥的 id（${id}）不符`);
    return crx;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
