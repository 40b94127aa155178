/**
 * Reads a request body into flat fields without consuming what the page will send: form-encoded
 * strings, URLSearchParams, FormData (files by name), JSON objects (top-level values), Blobs and
 * byte arrays. A body that cannot be read (a stream) yields null: the guard then fails closed.
 */

type Fields = Record<string, string>;

function fromEntries(entries: Iterable<[string, FormDataEntryValue | string]>): Fields {
  const fields: Fields = {};
  for (const [key, value] of entries) {
    if (Object.hasOwn(fields, key)) continue;
    fields[key] = typeof value === 'string' ? value : `[文件 ${value.name ?? ''}]`;
  }
  return fields;
}

export function parseBodyText(text: string): Fields {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      const fields: Fields = {};
      for (const [k, v] of Object.entries(json)) fields[k] = typeof v === 'string' ? v : JSON.stringify(v);
      return fields;
    } catch {
      // Not JSON after all: fall through to form decoding.
    }
  }
  return fromEntries(new URLSearchParams(text));
}

export async function readBody(body: unknown): Promise<Fields | null> {
  if (body === null || body === undefined) return {};
  if (typeof body === 'string') return parseBodyText(body);
  if (body instanceof URLSearchParams) return fromEntries(body);
  if (body instanceof FormData) return fromEntries(body);
  if (body instanceof Blob) return parseBodyText(await body.text());
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return parseBodyText(new TextDecoder().decode(body));
  return null;
}
