/**
 * SHA-256 checksums of a release, in the format `sha256sum` writes and checks (`sha256sum -c
 * SHA256SUMS` on Linux; on Windows compare with `certutil -hashfile <file> SHA256`).
 */
import { createHash } from 'node:crypto';

export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** One line per file, `<hex>  <name>` (two spaces: text mode), sorted by name. */
export function checksumFile(files: { name: string; data: Uint8Array }[]): string {
  for (const { name } of files) {
    if (/[\n\\]/.test(name) || name.includes('/')) throw new Error(`校验和文件中的文件名不能含换行、斜杠：${name}`);
  }
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, data }) => `${sha256Hex(data)}  ${name}\n`)
    .join('');
}
