import { describe, expect, it } from 'vitest';
import { publishedUrl, updateManifest } from '../../scripts/package/update-manifest';

const ID = 'bpaphlkjmdglaojppphhcbmagkiggbeh';
const HASH = 'a'.repeat(64);

describe('update.xml', () => {
  it('offers the version, the CRX address, its hash and the oldest browser', () => {
    expect(
      updateManifest([
        {
          appId: ID,
          version: '0.2.0',
          codebase: 'https://ext.example.gov.cn/govpost-guard/govpost-guard-0.2.0.crx',
          sha256: HASH,
          minBrowserVersion: '111',
        },
      ]),
    ).toBe(
      "<?xml version='1.0' encoding='UTF-8'?>\n" +
        "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n" +
        `  <app appid='${ID}'>\n` +
        `    <updatecheck codebase='https://ext.example.gov.cn/govpost-guard/govpost-guard-0.2.0.crx' version='0.2.0' hash_sha256='${HASH}' prodversionmin='111' />\n` +
        '  </app>\n' +
        '</gupdate>\n',
    );
  });

  it('escapes the address for an XML attribute', () => {
    const xml = updateManifest([{ appId: ID, version: '1.0', codebase: "https://x.example/a'b&c<d>.crx" }]);
    expect(xml).toContain("codebase='https://x.example/a&apos;b&amp;c&lt;d&gt;.crx'");
    expect(xml).not.toContain('hash_sha256');
  });

  it('refuses unsound entries, saying what is wrong', () => {
    const ok = { appId: ID, version: '1.0.0', codebase: 'https://x.example/a.crx' };
    expect(() => updateManifest([])).toThrow(/至少/);
    expect(() => updateManifest([{ ...ok, appId: 'abc' }])).toThrow(/扩展 id/);
    expect(() => updateManifest([{ ...ok, version: '1.0.0-beta' }])).toThrow(/版本号/);
    expect(() => updateManifest([{ ...ok, version: '1.2.3.4.5' }])).toThrow(/版本号/);
    expect(() => updateManifest([{ ...ok, codebase: 'http://x.example/a.crx' }])).toThrow(/https/);
    expect(() => updateManifest([{ ...ok, codebase: 'a.crx' }])).toThrow(/完整的网址/);
    expect(() => updateManifest([{ ...ok, sha256: 'ABC' }])).toThrow(/SHA-256/);
  });
});

describe('published addresses', () => {
  it('joins the publish folder and a file name, with or without the trailing slash', () => {
    expect(publishedUrl('https://ext.example.gov.cn/govpost-guard', 'update.xml')).toBe(
      'https://ext.example.gov.cn/govpost-guard/update.xml',
    );
    expect(publishedUrl('https://ext.example.gov.cn:8443/a/', 'govpost-guard-0.1.0.crx')).toBe(
      'https://ext.example.gov.cn:8443/a/govpost-guard-0.1.0.crx',
    );
  });

  it('refuses plain http, a query and what is not an address', () => {
    expect(() => publishedUrl('http://ext.example.gov.cn/', 'update.xml')).toThrow(/https/);
    expect(() => publishedUrl('https://ext.example.gov.cn/?a=1', 'update.xml')).toThrow(/目录/);
    expect(() => publishedUrl('ext.example.gov.cn', 'update.xml')).toThrow(/完整的网址/);
  });
});
