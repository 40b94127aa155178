import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumFile } from '../../scripts/package/checksums';

const file = (name: string, text: string) => ({ name, data: Buffer.from(text) });

describe('SHA256SUMS', () => {
  it('lists each file with its SHA-256, sorted by name', () => {
    expect(checksumFile([file('update.xml', 'abc'), file('a.crx', '')])).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.crx\n' +
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  update.xml\n',
    );
  });

  it('is checked by sha256sum -c, which finds a changed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govpost-sums-'));
    try {
      const files = [file('govpost-guard-0.1.0.crx', 'crx bytes'), file('update.xml', '<gupdate/>')];
      for (const f of files) writeFileSync(join(dir, f.name), f.data);
      writeFileSync(join(dir, 'SHA256SUMS'), checksumFile(files));
      expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toBe(
        'govpost-guard-0.1.0.crx: OK\nupdate.xml: OK\n',
      );
      writeFileSync(join(dir, 'update.xml'), '<gupdate />');
      expect(() => execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses names that would break a line or point into a folder', () => {
    expect(() => checksumFile([file('a\nb', '')])).toThrow();
    expect(() => checksumFile([file('../a', '')])).toThrow();
  });
});
