/**
 * One line of `check --format jsonl` input: a Draft (DESIGN.md) plus an `id`, read by a valibot
 * schema so a bad line gets a message that says what is wrong, in Chinese, and the batch goes on.
 * `null` counts as absent; fields the engine does not know are ignored.
 */
import * as v from 'valibot';
import { describeIssues, isPlainObject, issuePath, objectOf, oneOf } from '../rules/engine/schema';
import { DRAFT_KINDS, PLATFORMS, type Draft } from '../rules/engine/types';

export type DraftId = string | number;

export type DraftLine = { ok: true; id?: DraftId; draft: Draft } | { ok: false; id?: DraftId; error: string };

/** Where a message names its field; a message without it gets the field's path in front. */
const AT = '{path}';

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  return { string: '文字', number: '数字', boolean: '布尔值', object: '对象' }[typeof value as string] ?? typeof value;
}

const actual = (issue: v.BaseIssue<unknown>) => `，实际为 ${typeName(issue.input)}`;
const text = v.string((issue) => `应为文字${actual(issue)}`);
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  oneOf(values, (issue) => `${AT} 的值 ${JSON.stringify(issue.input)} 无效，应为 ${values.join('、')} 之一`);

/**
 * An object of these fields: one that is no object is named by `what`; a missing required field
 * gets its message from `missing` (`{path}` stands for its path).
 */
const fields = <const E extends v.ObjectEntries>(entries: E, what: string, missing: Partial<Record<keyof E, string>>) =>
  objectOf(entries, (issue) => `应为${what}${actual(issue)}`, missing);

/** What a required text field of a nested object means, for the message when it is missing. */
const missingText = (what: string) => `${AT} 缺失（${what}，应为文字）`;

const DraftSchema = fields(
  {
    platform: choice(PLATFORMS),
    kind: choice(DRAFT_KINDS),
    body: text,
    title: v.optional(text),
    url: v.optional(text),
    original: v.optional(v.boolean((issue) => `应为 true 或 false${actual(issue)}`)),
    account: v.optional(fields({ name: text, id: v.optional(text) }, '对象', { name: missingText('账号名称') })),
    source: v.optional(fields({ name: v.optional(text), url: v.optional(text) }, '对象', {})),
    quoted: v.optional(fields({ text, author: v.optional(text) }, '对象', { text: missingText('被转发或回复的原文') })),
    links: v.optional(
      v.array(
        fields({ href: text, text: v.optional(text) }, ' {"href", "text"?} 对象', { href: missingText('链接地址') }),
        (issue) => `应为数组${actual(issue)}`,
      ),
    ),
  },
  '一个 JSON 对象（稿件）',
  {
    platform: `缺少 ${AT}（应为 ${PLATFORMS.join('、')} 之一）`,
    kind: `缺少 ${AT}（应为 ${DRAFT_KINDS.join('、')} 之一）`,
    body: `缺少 ${AT}（稿件正文，应为文字）`,
  },
);

const LineId = v.union([v.string(), v.number()], (issue) => `id 应为文字或数字${actual(issue)}`);

/** The line's value without its null fields (at any depth of objects), which count as absent. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, x]) => x !== null)
      .map(([k, x]) => [k, withoutNulls(x)]),
  );
}

/** The issue as `path message`, or its message with the path put in for `{path}`. */
function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.message.includes(AT)) return issue.message.replace(AT, issuePath(issue));
  return describeIssues([issue], { sep: ' ' })[0] ?? issue.message;
}

/** Parses one non-blank input line. */
export function parseDraftLine(line: string): DraftLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `不是有效的 JSON：${(e as Error).message}` };
  }
  value = withoutNulls(value);
  let id: DraftId | undefined;
  if (isPlainObject(value) && value.id !== undefined) {
    const parsed = v.safeParse(LineId, value.id);
    if (!parsed.success) return { ok: false, error: parsed.issues[0].message };
    id = parsed.output;
  }
  const parsed = v.safeParse(DraftSchema, value, { abortEarly: true });
  if (!parsed.success) return { ok: false, id, error: describe(parsed.issues[0]) };
  const draft: Draft = parsed.output;
  return { ok: true, id, draft };
}
