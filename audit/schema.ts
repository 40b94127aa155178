/**
 * A small strict validator for messages from less trusted contexts: every field is checked for
 * type, length and allowed values, unknown fields are refused, and the first problem is reported
 * with its path (`findings[2].range`), so a caller learns exactly what was wrong.
 */

export class InvalidPayload extends Error {}

export type Check<T> = (value: unknown, path: string) => T;

const fail = (path: string, what: string): never => {
  throw new InvalidPayload(`${path || '参数'}：${what}`);
};

export function str(max: number, opts: { min?: number; pattern?: RegExp; what?: string } = {}): Check<string> {
  const min = opts.min ?? 0;
  return (v, path) => {
    if (typeof v !== 'string') return fail(path, '应为文字');
    if (v.length < min) return fail(path, min === 1 ? '不能为空' : `至少 ${min} 个字符`);
    if (v.length > max) return fail(path, `超过 ${max} 个字符（实际 ${v.length}）`);
    if (opts.pattern && !opts.pattern.test(v)) return fail(path, opts.what ?? '格式不对');
    return v;
  };
}

export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (v, path) => (values.includes(v as T) ? (v as T) : fail(path, `应为 ${values.join(' / ')} 之一`));
}

export function int(min: number, max: number): Check<number> {
  return (v, path) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max
      ? v
      : fail(path, `应为 ${min}–${max} 之间的整数`);
}

export const bool: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, '应为 true 或 false'));

export function list<T>(item: Check<T>, max: number): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) return fail(path, '应为数组');
    if (v.length > max) return fail(path, `超过 ${max} 项（实际 ${v.length}）`);
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };
}

export function tuple<A, B>(a: Check<A>, b: Check<B>): Check<[A, B]> {
  return (v, path) => {
    if (!Array.isArray(v) || v.length !== 2) return fail(path, '应为两个元素的数组');
    return [a(v[0], `${path}[0]`), b(v[1], `${path}[1]`)];
  };
}

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape, O extends keyof S> = { [K in Exclude<keyof S, O>]: ReturnType<S[K]> } & {
  [K in O]?: ReturnType<S[K]>;
};

/** A plain object with exactly these fields; those listed in `optional` may be absent. */
export function obj<S extends Shape, O extends keyof S = never>(
  shape: S,
  optional: readonly O[] = [],
): Check<Out<S, O>> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, '应为对象');
    const input = v as Record<string, unknown>;
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(shape, key)) return fail(path ? `${path}.${key}` : key, '未知字段，不接受');
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const p = path ? `${path}.${key}` : key;
      if (input[key] === undefined) {
        if (!(optional as readonly string[]).includes(key)) fail(p, '缺少此字段');
        continue;
      }
      out[key] = check(input[key], p);
    }
    return out as Out<S, O>;
  };
}
