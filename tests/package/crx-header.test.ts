import { describe, expect, it } from 'vitest';
import { crxId } from '../../scripts/package/crx-header';

const varint = (n: number) => {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
const bytesField = (field: number, data: number[]) => [...varint(field * 8 + 2), ...varint(data.length), ...data];

function crx(idBytes: number[], version = 3, magic = 'Cr24'): Uint8Array {
  const header = [
    // A proof (field 2) and a varint field before the signed data: both skipped.
    ...bytesField(2, [1, 2, 3]),
    ...varint(5 * 8),
    ...varint(300),
    ...bytesField(10000, bytesField(1, idBytes)),
  ];
  const prefix = new Uint8Array(12);
  prefix.set([...magic].map((c) => c.charCodeAt(0)));
  new DataView(prefix.buffer).setUint32(4, version, true);
  new DataView(prefix.buffer).setUint32(8, header.length, true);
  return new Uint8Array([...prefix, ...header, 0x50, 0x4b]);
}

describe('CRX3 header', () => {
  it('gives the id the file declares, as letters a–p', () => {
    const id = [0x01, 0xf0, ...Array<number>(14).fill(0x2b)];
    expect(crxId(crx(id))).toBe(`abpa${'cl'.repeat(14)}`);
  });

  it('refuses what is not a CRX3', () => {
    expect(() => crxId(crx(Array<number>(16).fill(0), 3, 'PK\x03\x04'))).toThrow(/不是 CRX/);
    expect(() => crxId(crx(Array<number>(16).fill(0), 2))).toThrow(/CRX3/);
    expect(() => crxId(crx([1, 2, 3]))).toThrow(/没有扩展 id/);
    expect(() => crxId(new Uint8Array(5))).toThrow(/不是 CRX/);
  });
});
