import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  firefoxUpdateManifest,
  geckoSettings,
  signedXpiName,
  unsignedXpiName,
  withUpdateUrl,
} from '../../scripts/package/firefox-update';
import { firefoxReleaseFiles } from '../../scripts/package/release';

const ID = 'govpost-guard@govpost-guard.cn';
const BASE = 'https://ext.example.gov.cn/govpost-guard/';

describe('updates.json', () => {
  it('offers the version, the signed file and the oldest Firefox, in Mozilla’s update manifest format', () => {
    const text = firefoxUpdateManifest({
      addonId: ID,
      version: '0.2.0',
      updateLink: `${BASE}govpost-guard-0.2.0-firefox.xpi`,
      minFirefoxVersion: '140.0',
    });
    expect(JSON.parse(text)).toEqual({
      addons: {
        [ID]: {
          updates: [
            {
              version: '0.2.0',
              update_link: `${BASE}govpost-guard-0.2.0-firefox.xpi`,
              applications: { gecko: { strict_min_version: '140.0' } },
            },
          ],
        },
      },
    });
    // No hash: the file Firefox downloads is the one Mozilla signed, not the one packed here.
    expect(text).not.toContain('update_hash');
  });

  it('leaves out the Firefox bound when the add-on has none', () => {
    const text = firefoxUpdateManifest({ addonId: ID, version: '1.0', updateLink: `${BASE}a.xpi` });
    expect(JSON.parse(text).addons[ID].updates[0]).toEqual({ version: '1.0', update_link: `${BASE}a.xpi` });
  });

  it('refuses unsound entries, saying what is wrong', () => {
    const ok = { addonId: ID, version: '1.0.0', updateLink: `${BASE}a.xpi` };
    expect(() => firefoxUpdateManifest({ ...ok, addonId: 'no-at-sign' })).toThrow(/附加组件 id/);
    expect(() => firefoxUpdateManifest({ ...ok, addonId: '{1234}' })).toThrow(/附加组件 id/);
    expect(() => firefoxUpdateManifest({ ...ok, addonId: '{d3c1e3c2-0c7a-4a7e-9d5e-1f2a3b4c5d6e}' })).not.toThrow();
    expect(() => firefoxUpdateManifest({ ...ok, version: '1.0-beta' })).toThrow(/版本号/);
    expect(() => firefoxUpdateManifest({ ...ok, updateLink: 'http://x.example/a.xpi' })).toThrow(/https/);
    expect(() => firefoxUpdateManifest({ ...ok, updateLink: 'a.xpi' })).toThrow(/完整的网址/);
    expect(() => firefoxUpdateManifest({ ...ok, minFirefoxVersion: 'esr' })).toThrow(/最低 Firefox/);
  });
});

describe('the Firefox manifest', () => {
  const manifest = {
    manifest_version: 3,
    version: '0.2.0',
    browser_specific_settings: { gecko: { id: ID, strict_min_version: '140.0' } },
  };

  it('names the published updates.json, keeping the rest of gecko', () => {
    const patched = withUpdateUrl(manifest, 'https://ext.example.gov.cn/govpost-guard');
    expect(patched.browser_specific_settings?.gecko).toEqual({
      id: ID,
      strict_min_version: '140.0',
      update_url: `${BASE}updates.json`,
    });
    expect(manifest.browser_specific_settings.gecko).not.toHaveProperty('update_url');
    expect(() => withUpdateUrl(manifest, 'http://ext.example.gov.cn/')).toThrow(/https/);
  });

  it('must carry the add-on id, or no update manifest can name it', () => {
    expect(geckoSettings(manifest)).toEqual({ id: ID, strictMinVersion: '140.0' });
    expect(() => geckoSettings({ version: '1.0' })).toThrow(/gecko\.id/);
  });
});

describe('the release’s Firefox files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are the unsigned add-on naming updates.json, and updates.json pointing to the signed file', () => {
    dir = mkdtempSync(join(tmpdir(), 'govpost-ff-release-'));
    mkdirSync(join(dir, 'background'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        version: '0.3.1',
        browser_specific_settings: { gecko: { id: ID, strict_min_version: '140.0' } },
      }),
    );
    writeFileSync(join(dir, 'background', 'index.js'), 'console.log(1)');

    const files = firefoxReleaseFiles(dir, BASE, '0.3.1');
    expect(files.map((f) => f.name)).toEqual([unsignedXpiName('0.3.1'), 'updates.json']);
    expect(unsignedXpiName('0.3.1')).toBe('govpost-guard-0.3.1-firefox-unsigned.xpi');

    const zip = unzipSync(files[0]!.data);
    expect(Object.keys(zip).sort()).toEqual(['background/index.js', 'manifest.json']);
    const packed = JSON.parse(strFromU8(zip['manifest.json']!)) as {
      browser_specific_settings: { gecko: { update_url: string } };
    };
    expect(packed.browser_specific_settings.gecko.update_url).toBe(`${BASE}updates.json`);
    expect(strFromU8(zip['background/index.js']!)).toBe('console.log(1)');

    const updates = JSON.parse(strFromU8(files[1]!.data));
    expect(updates.addons[ID].updates).toEqual([
      {
        version: '0.3.1',
        update_link: `${BASE}${signedXpiName('0.3.1')}`,
        applications: { gecko: { strict_min_version: '140.0' } },
      },
    ]);
    // The same build packs to the same bytes (fixed dates), so checksums compare across machines.
    expect(firefoxReleaseFiles(dir, BASE, '0.3.1')[0]!.data).toEqual(files[0]!.data);
  });
});
