/**
 * One line of `check --format jsonl` input: a Draft (docs/design.md) plus an `id`, checked field by
 * field so a bad line gets a message that says what is wrong, in Chinese, and the batch goes on.
 * Fields the engine does not know are ignored.
 */
import { DRAFT_KINDS, PLATFORMS, type Draft } from '../rules/engine/types';

export type DraftId = string | number;

export type DraftLine = { ok: true; id?: DraftId; draft: Draft } | { ok: false; id?: DraftId; error: string };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class LineError extends Error {}

function optionalString(o: Obj, key: string, path = key): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new LineError(`${path} 应为文字，实际为 ${typeName(v)}`);
  return v;
}

function optionalObject(o: Obj, key: string): Obj | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new LineError(`${key} 应为对象，实际为 ${typeName(v)}`);
  return v;
}

/** An object of one required and one optional text field: {name, id?}, {text, author?}, {href, text?}. */
function textPair<R extends string, O extends string>(
  o: Obj,
  path: string,
  required: R,
  optional: O,
  what: string,
): Record<R, string> & Partial<Record<O, string>> {
  const value = optionalString(o, required, `${path}.${required}`);
  if (value === undefined) throw new LineError(`${path}.${required} 缺失（${what}，应为文字）`);
  const extra = optionalString(o, optional, `${path}.${optional}`);
  return { [required]: value, ...(extra === undefined ? {} : { [optional]: extra }) } as Record<R, string> &
    Partial<Record<O, string>>;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '数组';
  return { string: '文字', number: '数字', boolean: '布尔值', object: '对象' }[typeof v as string] ?? typeof v;
}

function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[]): T {
  const v = o[key];
  if (v === undefined || v === null) throw new LineError(`缺少 ${key}（应为 ${allowed.join('、')} 之一）`);
  if (!allowed.includes(v as T))
    throw new LineError(`${key} 的值 ${JSON.stringify(v)} 无效，应为 ${allowed.join('、')} 之一`);
  return v as T;
}

function toDraft(o: Obj): Draft {
  const platform = oneOf(o, 'platform', PLATFORMS);
  const kind = oneOf(o, 'kind', DRAFT_KINDS);
  if (o.body === undefined || o.body === null) throw new LineError('缺少 body（稿件正文，应为文字）');
  const body = optionalString(o, 'body')!;
  const draft: Draft = { platform, kind, body };

  const title = optionalString(o, 'title');
  if (title !== undefined) draft.title = title;
  const url = optionalString(o, 'url');
  if (url !== undefined) draft.url = url;
  if (o.original !== undefined && o.original !== null) {
    if (typeof o.original !== 'boolean')
      throw new LineError(`original 应为 true 或 false，实际为 ${typeName(o.original)}`);
    draft.original = o.original;
  }

  const account = optionalObject(o, 'account');
  if (account) draft.account = textPair(account, 'account', 'name', 'id', '账号名称');

  const source = optionalObject(o, 'source');
  if (source) {
    const name = optionalString(source, 'name', 'source.name');
    const sourceUrl = optionalString(source, 'url', 'source.url');
    draft.source = { ...(name !== undefined ? { name } : {}), ...(sourceUrl !== undefined ? { url: sourceUrl } : {}) };
  }

  const quoted = optionalObject(o, 'quoted');
  if (quoted) draft.quoted = textPair(quoted, 'quoted', 'text', 'author', '被转发或回复的原文');

  if (o.links !== undefined && o.links !== null) {
    if (!Array.isArray(o.links)) throw new LineError(`links 应为数组，实际为 ${typeName(o.links)}`);
    draft.links = o.links.map((l: unknown, i: number) => {
      if (!isObject(l)) throw new LineError(`links[${i}] 应为 {"href", "text"?} 对象，实际为 ${typeName(l)}`);
      return textPair(l, `links[${i}]`, 'href', 'text', '链接地址');
    });
  }
  return draft;
}

/** Parses one non-blank input line. */
export function parseDraftLine(line: string): DraftLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `不是有效的 JSON：${(e as Error).message}` };
  }
  if (!isObject(value)) return { ok: false, error: `应为一个 JSON 对象（稿件），实际为 ${typeName(value)}` };
  let id: DraftId | undefined;
  if (value.id !== undefined && value.id !== null) {
    if (typeof value.id !== 'string' && typeof value.id !== 'number') {
      return { ok: false, error: `id 应为文字或数字，实际为 ${typeName(value.id)}` };
    }
    id = value.id;
  }
  try {
    return { ok: true, id, draft: toDraft(value) };
  } catch (e) {
    if (e instanceof LineError) return { ok: false, id, error: e.message };
    throw e;
  }
}
