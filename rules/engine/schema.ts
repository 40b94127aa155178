/**
 * The building blocks of every schema the project validates untrusted input with — messages
 * between contexts (utils/protocol.ts), packs (pack.ts), CLI drafts (cli/draft-input.ts) — on
 * valibot, with Chinese messages that say what was expected, and the one way a problem is
 * reported: its path first (`findings[2].range[0]：应为 0–1000000 之间的整数`).
 *
 * Imported as `* as v` everywhere so bundles keep only the valibot functions in use; the builders
 * below are marked free of side effects for the same reason (a schema nobody uses is dropped).
 */
import * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

/** A schema's problems, each as `path：message`; `root` names the value itself (else the message stands alone). */
export function describeIssues(issues: readonly Issue[], opts: { sep?: string; root?: string } = {}): string[] {
  const { sep = '：', root } = opts;
  return issues.map((issue) => {
    const path = issuePath(issue) || root;
    return path ? `${path}${sep}${issue.message}` : issue.message;
  });
}

/**
 * The issue path to a value inside `root` (`'findings', 2, 'range'`), for checks that span fields
 * (`v.rawCheck`) and report on one of them.
 */
/* @__NO_SIDE_EFFECTS__ */
export function pathTo(root: unknown, ...keys: (string | number)[]): [v.IssuePathItem, ...v.IssuePathItem[]] {
  const items: v.IssuePathItem[] = [];
  let input = root as Record<string | number, unknown>;
  for (const key of keys) {
    const value = isPlainObject(input) || Array.isArray(input) ? input[key] : undefined;
    items.push({
      type: typeof key === 'number' ? 'array' : 'object',
      origin: 'value',
      input,
      key,
      value,
    } as v.IssuePathItem);
    input = value as Record<string | number, unknown>;
  }
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/** `findings[2].range[0]`: object keys joined with dots, array indexes in brackets. */
export function issuePath(issue: Issue): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string') path += path ? `.${key}` : key;
  }
  return path;
}

/** Text: `max` characters at most; `min` 1 means it may not be empty. */
/* @__NO_SIDE_EFFECTS__ */
export function text(max: number, opts: { min?: number; pattern?: RegExp; what?: string } = {}) {
  const min = opts.min ?? 0;
  return v.pipe(
    v.string('应为文字'),
    v.minLength(min, min === 1 ? '不能为空' : `至少 ${min} 个字符`),
    v.maxLength(max, (issue) => `超过 ${max} 个字符（实际 ${issue.received}）`),
    v.check((s) => !opts.pattern || opts.pattern.test(s), opts.what ?? '格式不对'),
  );
}

/** One of a domain list's values (PLATFORMS, DRAFT_KINDS…), named in the message unless another is given. */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  message: v.ErrorMessage<v.PicklistIssue> = `应为 ${values.join(' / ')} 之一`,
) {
  return v.picklist(values, message);
}

/** A safe integer in [min, max]. */
/* @__NO_SIDE_EFFECTS__ */
export function int(min: number, max: number) {
  const what = `应为 ${min}–${max} 之间的整数`;
  return v.pipe(v.number(what), v.safeInteger(what), v.minValue(min, what), v.maxValue(max, what));
}

export const bool = v.boolean('应为 true 或 false');

/** An array of at most `max` items. */
/* @__NO_SIDE_EFFECTS__ */
export function list<const T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(
    v.array(item, '应为数组'),
    v.maxLength(max, (issue) => `超过 ${max} 项（实际 ${issue.received}）`),
  );
}

/** Exactly two items. */
/* @__NO_SIDE_EFFECTS__ */
export function pair<const A extends v.GenericSchema, const B extends v.GenericSchema>(a: A, b: B) {
  const what = '应为两个元素的数组';
  return v.pipe(
    v.custom<unknown[]>((x) => Array.isArray(x) && x.length === 2, what),
    v.strictTuple([a, b], what),
  );
}

/**
 * A plain object with exactly these fields (wrap optional ones in `v.optional`): a missing field,
 * an unknown one and a value that is no object each get their own message.
 */
/* @__NO_SIDE_EFFECTS__ */
export function strictRecord<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, '应为对象'),
    v.strictObject(entries, (issue) =>
      issue.expected === 'never' ? '未知字段，不接受' : issue.expected?.startsWith('"') ? '缺少此字段' : '应为对象',
    ),
  );
}

type Message = v.ErrorMessage<Issue>;
/** Messages for required fields that are missing, by field. */
type Missing<E extends v.ObjectEntries> = Partial<Record<keyof E, string>>;

/**
 * A plain object with these fields, unknown ones ignored: a value that is no object gets
 * `message`; a missing required field gets its message from `missing`, else that field's own
 * message (at the field's path), else `message`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function objectOf<const E extends v.ObjectEntries>(entries: E, message: Message, missing?: Missing<E>) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, message), fieldsOf(entries, message, missing));
}

/** objectOf without its first check, for pipes that have already checked the value is an object. */
/* @__NO_SIDE_EFFECTS__ */
export function fieldsOf<const E extends v.ObjectEntries>(entries: E, message: Message, missing: Missing<E> = {}) {
  return v.object(entries, (issue) => {
    const key = issue.path?.at(-1)?.key;
    const own =
      typeof key === 'string' && Object.hasOwn(entries, key)
        ? (missing[key as keyof E] ?? (entries[key] as { message?: Message }).message)
        : undefined;
    const chosen = own ?? message;
    return typeof chosen === 'function' ? chosen(issue) : chosen;
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
