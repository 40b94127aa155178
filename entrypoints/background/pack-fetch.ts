/**
 * Fetches the policy's pack URL with a conditional request (If-None-Match / If-Modified-Since from
 * the last answer), so an unchanged pack costs a 304 and no download.
 *
 * The request is cross-origin from the extension, so the pack server answers with CORS headers
 * (docs/packs.md). The validators are request headers a browser sends only after a CORS preflight;
 * a server that allows the origin but not those headers fails the preflight, and then the pack is
 * fetched again without them (the body hash still spares re-judging an unchanged pack).
 */
import { MAX_SIGNED_PACK_BYTES } from '../../pack-trust/admit';
import type { UpdateState } from '../../pack-trust/status';

export const MAX_PACK_BYTES = MAX_SIGNED_PACK_BYTES;
const TIMEOUT_MS = 30_000;

export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; text: string; etag?: string; lastModified?: string }
  | { status: 'failed'; message: string };

/** https anywhere; plain http only to this machine (a signed pack needs no secrecy, but a URL in the clear invites tampering that only ends in refusals). */
export function checkPackUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `packUrl「${url}」不是有效的网址`;
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return undefined;
  return `packUrl 必须是 https 地址（仅本机可用 http），实际为「${url}」`;
}

export async function fetchPack(
  url: string,
  previous: UpdateState,
  fetchImpl: typeof fetch = fetch,
): Promise<FetchResult> {
  const validators: Record<string, string> = {};
  if (previous.url === url && previous.etag) validators['If-None-Match'] = previous.etag;
  if (previous.url === url && previous.lastModified) validators['If-Modified-Since'] = previous.lastModified;

  const get = (headers: Record<string, string>) =>
    fetchImpl(url, {
      headers,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  let response: Response;
  try {
    response = await get(validators);
  } catch (first) {
    if (Object.keys(validators).length === 0) return { status: 'failed', message: networkMessage(first) };
    try {
      response = await get({});
    } catch (second) {
      return { status: 'failed', message: networkMessage(second) };
    }
  }
  if (response.status === 304) return { status: 'not-modified' };
  if (!response.ok)
    return {
      status: 'failed',
      message: `服务器返回 HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    };
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_PACK_BYTES)
    return { status: 'failed', message: `规则包文件 ${length} 字节，超过上限 ${MAX_PACK_BYTES}` };
  const text = await readCapped(response, MAX_PACK_BYTES);
  if (text === null) return { status: 'failed', message: `规则包文件超过上限 ${MAX_PACK_BYTES} 字节` };
  return {
    status: 'ok',
    text,
    ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
    ...(response.headers.get('last-modified') ? { lastModified: response.headers.get('last-modified')! } : {}),
  };
}

/** The body as UTF-8 text, or null once it passes `max` bytes (a server may send no length). */
async function readCapped(response: Response, max: number): Promise<string | null> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function networkMessage(e: unknown): string {
  if (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError'))
    return `${TIMEOUT_MS / 1000} 秒内没有响应`;
  return `无法连接（离线，或服务器未允许扩展跨域读取）：${e instanceof Error ? e.message : String(e)}`;
}
