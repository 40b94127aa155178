/**
 * The canonical form of a pack: the exact bytes a signature covers. Two packs that mean the same
 * thing — keys in another order, other whitespace, strings in another Unicode normalisation form —
 * have the same canonical form, so a pack can be re-indented, re-saved by an editor or passed
 * through any JSON tool without breaking its signature. Defined in docs/packs.md:
 *
 * - a JSON value with no insignificant whitespace (RFC 8785 "JCS" layout);
 * - every string, member names included, in Unicode NFC; a string that is not well-formed UTF-16
 *   (a lone surrogate) is refused;
 * - object members sorted by name, comparing UTF-16 code units; two names equal after NFC are
 *   refused (they would be ambiguous);
 * - strings escaped as ECMAScript's JSON.stringify does (`"` `\` and U+0000–U+001F only);
 * - numbers as ECMAScript's Number.prototype.toString (JCS); NaN and ±Infinity are refused;
 * - members whose value is `undefined` are left out (as JSON.stringify does); anything else that
 *   is not JSON (functions, bigints, `undefined` in an array, class instances) is refused.
 *
 * The signed message is UTF-8(`SIGNING_CONTEXT`) followed by UTF-8(canonical form): the prefix
 * keeps a pack signature from ever being valid for anything else signed with the same key.
 */

export const SIGNING_CONTEXT = 'govpost-guard pack signature v1\n';

export class CanonicalFormError extends Error {}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function canonicalString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s))
    throw new CanonicalFormError(`${path || '（根）'}: 文字中含有不成对的代理项（不是有效的 Unicode）`);
  return JSON.stringify(s.normalize('NFC'));
}

function write(value: unknown, path: string, out: string[]): void {
  if (value === null) return void out.push('null');
  switch (typeof value) {
    case 'boolean':
      return void out.push(value ? 'true' : 'false');
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalFormError(`${path || '（根）'}: 数值 ${value} 不能写成 JSON`);
      return void out.push(Object.is(value, -0) ? '0' : String(value));
    case 'string':
      return void out.push(canonicalString(value, path));
    case 'object':
      break;
    default:
      throw new CanonicalFormError(`${path || '（根）'}: ${typeof value} 不是 JSON 值`);
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (item === undefined) throw new CanonicalFormError(`${path}[${i}]: 数组中不能有 undefined`);
      if (i) out.push(',');
      write(item, `${path}[${i}]`, out);
    });
    return void out.push(']');
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new CanonicalFormError(`${path || '（根）'}: 不是普通的 JSON 对象`);
  const members = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const name = key.normalize('NFC');
    if (members.has(name)) throw new CanonicalFormError(`${path || '（根）'}: 成员名「${name}」在 NFC 规范化后重复`);
    members.set(name, v);
  }
  // Default sort compares UTF-16 code units, as JCS requires.
  const names = [...members.keys()].sort();
  out.push('{');
  names.forEach((name, i) => {
    if (i) out.push(',');
    out.push(canonicalString(name, path), ':');
    write(members.get(name), path ? `${path}.${name}` : name, out);
  });
  out.push('}');
}

/**
 * The canonical JSON text of a pack, which its signatures cover (see the file comment). Not for
 * log records: a record's hash covers canonicalRecordJson (audit/canonical.ts), which keeps
 * strings as written.
 */
export function canonicalPackJson(value: unknown): string {
  const out: string[] = [];
  write(value, '', out);
  return out.join('');
}

/** The bytes an Ed25519 pack signature covers. */
export function signingMessage(pack: unknown): Uint8Array {
  return new TextEncoder().encode(SIGNING_CONTEXT + canonicalPackJson(pack));
}
