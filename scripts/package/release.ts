/**
 * Makes a release folder from the built extension: the signed CRX3, the update manifest pointing
 * at it, the Firefox add-on file, force-install policies with the release's id, and SHA-256
 * checksums of them all. `npm run package` (scripts/package.ts) builds and then calls this; the
 * end-to-end test calls it on builds of its own.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { checksumFile, sha256Hex } from './checksums';
import { packCrx } from './crx';
import { extensionId } from './extension-id';
import {
  FIREFOX_UPDATES_FILE,
  firefoxUpdateManifest,
  geckoSettings,
  signedXpiName,
  unsignedXpiName,
  withUpdateUrl,
} from './firefox-update';
import { linuxPolicy, windowsRegistry } from './policies';
import { publishedUrl, updateManifest } from './update-manifest';

export interface ReleaseOptions {
  /** Unpacked Chromium build (.output/chrome-mv3). */
  chromeDir: string;
  /** Unpacked Firefox build (.output/firefox-mv3); no Firefox file when absent. */
  firefoxDir?: string;
  keyFile: string;
  /** The https folder the files will be published in (update.xml's codebase points there). */
  publishUrl: string;
  /** The id the admin's policies name: the key must give it, so a wrong key never ships. */
  expectedId: string;
  outDir: string;
  chromium: string;
}

export interface Release {
  id: string;
  version: string;
  outDir: string;
  updateXmlUrl: string;
  /** The published updates.json the Firefox add-on checks (only with a Firefox build). */
  updatesJsonUrl?: string;
  /** File names in outDir. */
  files: string[];
}

/** The manifest.json of an unpacked build. */
export const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    version: string;
    minimum_chrome_version?: string;
  };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/**
 * A zip of an unpacked Firefox build, as AMO signs it and Firefox installs it, its manifest naming
 * the published updates.json so installed copies update from the city's server (firefox-update.ts).
 */
function firefoxXpi(dir: string, publishUrl: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of filesUnder(dir)) entries[file] = readFileSync(join(dir, file));
  entries['manifest.json'] = Buffer.from(JSON.stringify(withUpdateUrl(readManifest(dir), publishUrl), null, 2));
  // A fixed date: the same build gives the same bytes, so checksums can be compared across machines.
  return zipSync(entries, { level: 9, mtime: new Date('2000-01-01T00:00:00Z') });
}

/**
 * The Firefox files of a release: the unsigned add-on, whose manifest names the published
 * updates.json, and updates.json offering this version from the signed file's published address.
 */
export function firefoxReleaseFiles(
  firefoxDir: string,
  publishUrl: string,
  version: string,
): { name: string; data: Uint8Array }[] {
  const gecko = geckoSettings(readManifest(firefoxDir));
  const updates = firefoxUpdateManifest({
    addonId: gecko.id,
    version,
    updateLink: publishedUrl(publishUrl, signedXpiName(version)),
    minFirefoxVersion: gecko.strictMinVersion,
  });
  return [
    { name: unsignedXpiName(version), data: firefoxXpi(firefoxDir, publishUrl) },
    { name: FIREFOX_UPDATES_FILE, data: Buffer.from(updates) },
  ];
}

/**
 * The id `keyFile` gives, refusing a key that does not give `expectedId`: signing with another key
 * ships an extension the PCs' policies do not name, and the installed one never updates again.
 */
export function keyIdAsExpected(keyFile: string, expectedId: string): string {
  const id = extensionId(readFileSync(keyFile, 'utf8'));
  if (id !== expectedId) {
    throw new Error(
      `密钥 ${keyFile} 对应的扩展 id 是 ${id}，而策略中的 id 是 ${expectedId}：` +
        '用错了密钥（换密钥会让已安装的扩展再也收不到更新）。确是新密钥时，用 --id 指定新 id 并按 docs/deploy.md 改策略。',
    );
  }
  return id;
}

export async function packageRelease(options: ReleaseOptions): Promise<Release> {
  const id = keyIdAsExpected(options.keyFile, options.expectedId);
  const { version, minimum_chrome_version: minBrowserVersion } = readManifest(options.chromeDir);
  const firefoxVersion = options.firefoxDir ? readManifest(options.firefoxDir).version : version;
  if (firefoxVersion !== version) {
    throw new Error(`Chromium 与 Firefox 构建的版本不同（${version} / ${firefoxVersion}）：请重新构建`);
  }
  const crxName = `govpost-guard-${version}.crx`;
  const crxUrl = publishedUrl(options.publishUrl, crxName);
  const updateXmlUrl = publishedUrl(options.publishUrl, 'update.xml');
  const crx = await packCrx({
    sourceDir: options.chromeDir,
    keyFile: options.keyFile,
    id,
    updateUrl: updateXmlUrl,
    chromium: options.chromium,
  });

  const files: { name: string; data: Uint8Array }[] = [
    { name: crxName, data: crx },
    {
      name: 'update.xml',
      data: Buffer.from(
        updateManifest([{ appId: id, version, codebase: crxUrl, sha256: sha256Hex(crx), minBrowserVersion }]),
      ),
    },
    { name: 'policy-linux.json', data: Buffer.from(linuxPolicy(id, updateXmlUrl)) },
    { name: 'policy-windows.reg', data: Buffer.from(windowsRegistry(id, updateXmlUrl)) },
  ];
  if (options.firefoxDir) files.push(...firefoxReleaseFiles(options.firefoxDir, options.publishUrl, version));
  mkdirSync(options.outDir, { recursive: true });
  for (const { name, data } of files) writeFileSync(join(options.outDir, name), data);
  writeFileSync(join(options.outDir, 'SHA256SUMS'), checksumFile(files));
  return {
    id,
    version,
    outDir: options.outDir,
    updateXmlUrl,
    ...(options.firefoxDir && { updatesJsonUrl: publishedUrl(options.publishUrl, FIREFOX_UPDATES_FILE) }),
    files: [...files.map((f) => f.name), 'SHA256SUMS'].sort(),
  };
}
