/**
 * Reads the gate's snapshot of a request (bridge.ts) into the fields a server may take from it,
 * in the guard's own world, where no page script reaches. Read by the Content-Type the request
 * is sent with, as a server does — never guessed from how the body looks — and, where servers
 * differ, every reading is kept, so that what the guard checks covers what any of them would
 * publish:
 *
 * - the query's parameters come first: a server may merge them with the body's;
 * - a field given more than once keeps every value (one server keeps the first, another the last);
 * - a form is split on `&`, and again on `&` and `;`; a form declaring a charset other than
 *   UTF-8 is read both ways;
 * - multipart bodies by the browser's own parser; a small text file part counts as a value too;
 * - JSON by its top-level members;
 * - a body of any other or no type is read both as a form and as JSON.
 *
 * A body that cannot be read this way (a multipart body that does not parse, an unknown charset)
 * is unreadable: the guard then fails closed.
 */
import type { RequestSnapshot } from './bridge';
import type { Param } from './net/classify';

export type Fields = Record<string, string[]>;

export class UnreadableBody extends Error {}

/** Text files up to this size sent in a multipart body are checked as field values. */
const FILE_TEXT_LIMIT = 256 * 1024;

export interface ReadRequest {
  fields: Fields;
  /** The body's parameters, for telling rules apart on a shared path (net/classify.ts). */
  params: Param[];
}

export function headerValue(headers: string, name: string): string | null {
  for (const line of headers.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return null;
}

function contentType(headers: string): { essence: string; charset?: string; raw: string } | null {
  const raw = headerValue(headers, 'content-type');
  if (raw === null) return null;
  // split always gives at least one part.
  const [essence = '', ...parameters] = raw.split(';');
  const charset = parameters
    .map((p) => p.trim())
    .find((p) => p.toLowerCase().startsWith('charset='))
    ?.slice(8)
    .replace(/^"|"$/g, '')
    .trim();
  return { essence: essence.trim().toLowerCase(), ...(charset ? { charset } : {}), raw };
}

function add(fields: Fields, name: string, value: string): void {
  const list = (fields[name] ??= []);
  if (!list.includes(value)) list.push(value);
}

function percentBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === 0x2b) out.push(0x20);
    else if (c < 0x80) out.push(c);
    else out.push(...new TextEncoder().encode(text[i]));
  }
  return Uint8Array.from(out);
}

/** A form body read with UTF-8 (and the declared charset), split both ways. */
function readForm(text: string, charset: string | undefined, out: Param[]): void {
  const decoders = [new TextDecoder()];
  if (charset && !/^utf-?8$/i.test(charset)) decoders.push(decoderFor(charset));
  for (const separators of [/&/, /[&;]/]) {
    for (const pair of text.split(separators)) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      for (const decoder of decoders)
        out.push({
          name: decoder.decode(percentBytes(eq < 0 ? pair : pair.slice(0, eq))),
          value: eq < 0 ? '' : decoder.decode(percentBytes(pair.slice(eq + 1))),
        });
    }
  }
}

function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset);
  } catch {
    throw new UnreadableBody(`无法识别的字符集 ${charset}`);
  }
}

function readJson(text: string, out: Param[]): boolean {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
      if (Array.isArray(value))
        for (const item of value) out.push({ name, value: typeof item === 'string' ? item : JSON.stringify(item) });
      else out.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  } else out.push({ name: '', value: typeof json === 'string' ? json : JSON.stringify(json) });
  return true;
}

async function readMultipart(body: Uint8Array, raw: string, out: Param[]): Promise<void> {
  let data: FormData;
  try {
    data = await new Response(body as unknown as BodyInit, { headers: { 'content-type': raw } }).formData();
  } catch (e) {
    throw new UnreadableBody(`multipart 请求体无法解析：${e instanceof Error ? e.message : String(e)}`);
  }
  for (const [name, value] of data) {
    if (typeof value === 'string') out.push({ name, value });
    else if (value.size <= FILE_TEXT_LIMIT && (value.type === '' || value.type.startsWith('text/')))
      out.push({ name, value: await value.text() });
  }
}

export async function readRequest(snapshot: RequestSnapshot): Promise<ReadRequest> {
  const params: Param[] = [];
  if (snapshot.body && snapshot.body.length) {
    const type = contentType(snapshot.headers);
    const text = new TextDecoder().decode(snapshot.body);
    if (type?.essence === 'application/x-www-form-urlencoded') readForm(text, type.charset, params);
    else if (type?.essence === 'multipart/form-data') await readMultipart(snapshot.body, type.raw, params);
    else if (type && (type.essence === 'application/json' || type.essence.endsWith('+json'))) {
      if (!readJson(type.charset ? decoderFor(type.charset).decode(snapshot.body) : text, params))
        throw new UnreadableBody('声明为 JSON 的请求体不是有效的 JSON');
    } else {
      readForm(text, type?.charset, params);
      readJson(text, params);
    }
  }
  const fields: Fields = {};
  const query: Param[] = [];
  readForm(new URL(snapshot.url).search.slice(1), undefined, query);
  for (const { name, value } of query) add(fields, name, value);
  for (const { name, value } of params) add(fields, name, value);
  return { fields, params };
}

/** Every value of a field, joined: what any server might publish is checked. */
export function fieldText(fields: Fields, name: string): string | undefined {
  const values = fields[name];
  return values?.length ? values.join('\n') : undefined;
}
