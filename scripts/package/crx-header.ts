/**
 * Reads the extension id out of a CRX3 file, to check what Chromium packed: a CRX3 is "Cr24", the
 * format version 3, the header length (both little-endian uint32), then a CrxFileHeader protobuf
 * whose `signed_header_data` (field 10000) is a SignedData message carrying `crx_id` (field 1, the
 * id's 16 bytes). Chromium checks this id against the signing key when it installs the file.
 */
import { idFromHex } from './extension-id';

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  for (let i = at; i < bytes.length && shift < 35; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, i + 1];
    shift += 7;
  }
  throw new Error('CRX 文件头损坏（变长整数不完整）');
}

/** The length-delimited fields of one protobuf message, by field number (other wire types skipped). */
function bytesFields(message: Uint8Array): Map<number, Uint8Array[]> {
  const fields = new Map<number, Uint8Array[]>();
  let at = 0;
  while (at < message.length) {
    const [tag, afterTag] = readVarint(message, at);
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (wireType === 0) [, at] = readVarint(message, afterTag);
    else if (wireType === 1) at = afterTag + 8;
    else if (wireType === 5) at = afterTag + 4;
    else if (wireType === 2) {
      const [length, start] = readVarint(message, afterTag);
      if (start + length > message.length) throw new Error('CRX 文件头损坏（字段越界）');
      fields.set(field, [...(fields.get(field) ?? []), message.subarray(start, start + length)]);
      at = start + length;
    } else throw new Error(`CRX 文件头损坏（未知的字段类型 ${wireType}）`);
  }
  return fields;
}

/** The id (32 letters a–p) a CRX3 file declares. Throws when the file is not a CRX3. */
export function crxId(file: Uint8Array): string {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.length < 12 || String.fromCharCode(...file.subarray(0, 4)) !== 'Cr24') throw new Error('不是 CRX 文件');
  const version = view.getUint32(4, true);
  if (version !== 3) throw new Error(`CRX 格式版本为 ${version}，浏览器只接受 CRX3`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > file.length) throw new Error('CRX 文件头损坏（长度越界）');
  const signed = bytesFields(file.subarray(12, 12 + headerLength)).get(10000)?.[0];
  const id = signed && bytesFields(signed).get(1)?.[0];
  if (!id || id.length !== 16) throw new Error('CRX 文件头中没有扩展 id');
  return idFromHex(Buffer.from(id).toString('hex'));
}
