/**
 * The canonical form a record is hashed over, and the hash itself. Pure: runs in the background,
 * the dashboard and Node (CLI, tests, benchmarks) with the platform's WebCrypto.
 *
 * Canonical form (the JSON Canonicalization Scheme, RFC 8785, for the values a record can hold):
 * - the record as a JSON value WITHOUT its own `hash` member;
 * - objects: members sorted by key, comparing UTF-16 code units; members whose value is
 *   `undefined` are absent; no whitespace anywhere;
 * - strings: as ECMAScript's JSON.stringify writes them (lone surrogates escaped as \udxxx);
 * - numbers: safe integers only, in plain decimal (records hold no fractions);
 * - arrays keep their order; `true`, `false`, `null` as themselves.
 * The hash is SHA-256 over the UTF-8 bytes of that text, in lower-case hex.
 *
 * @example canonicalRecordJson({ b: 1, a: ['甲', true] }) === '{"a":["甲",true],"b":1}'
 */

/**
 * The canonical text of a log record's value, which its hash covers. Strings stay exactly as
 * written (a record is evidence). Not for packs: a pack signature covers canonicalPackJson
 * (pack-trust/canonical.ts), which normalises strings to NFC and allows fractions.
 */
export function canonicalRecordJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new TypeError(`规范形式只允许安全整数，实际为 ${value}`);
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map(canonicalRecordJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalRecordJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`规范形式不支持 ${typeof value} 类型的值`);
  }
}

/** The canonical text a record's hash covers: everything but `hash`. */
export function hashedText(record: { hash?: string }): string {
  const { hash: _omit, ...rest } = record;
  return canonicalRecordJson(rest);
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of the UTF-8 text, lower-case hex. WebCrypto by default; Node's CLI passes its faster synchronous one. */
export type Sha256 = (text: string) => string | Promise<string>;

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let out = '';
  for (const byte of digest) out += HEX[byte];
  return out;
}

/** The hash a record must carry. */
export async function recordHash(record: { hash?: string }, sha256: Sha256 = sha256Hex): Promise<string> {
  return sha256(hashedText(record));
}
