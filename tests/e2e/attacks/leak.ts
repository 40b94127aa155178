/**
 * Whether a request that reached a mock endpoint carried what had to be stopped, judged the way a
 * lenient server would read it: the path normalised (case, repeated slashes, percent-encoding,
 * `;` parameters, a suffix), and the text read from the URL and the body under every decoding a
 * server might apply (UTF-8, GBK, UTF-16, percent-decoding repeated, `+` as space, JSON `\u`
 * escapes, full-width forms). A leak is a marker found in any of them: the attack suite must not
 * depend on the server choosing the same reading as the guard.
 */

/** The path a lenient server routes: decoded until stable, lower case, one slash, no `;x` or `.ext`. */
export function serverPath(pathname: string): string {
  let path = pathname;
  for (let i = 0; i < 4; i++) {
    const next = safeDecode(path);
    if (next === path) break;
    path = next;
  }
  const segments = path
    .toLowerCase()
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => s.replace(/;.*$/, '').trim())
    .filter((s) => s !== '' && s !== '.');
  const last = segments.pop();
  if (last !== undefined) segments.push(last.replace(/\.[a-z0-9]{1,8}$/, ''));
  return `/${segments.join('/')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Percent-decodes bytes (not text), so that GBK escapes survive for a GBK reading. */
function percentBytes(bytes: Buffer): Buffer {
  const out: number[] = [];
  // Every read is inside the buffer: i < length, and i + 2 < length for the escape's digits.
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25 && i + 2 < bytes.length) {
      const hex = String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!);
      if (/^[0-9a-f]{2}$/i.test(hex)) {
        out.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
    }
    out.push(b === 0x2b ? 0x20 : b);
  }
  return Buffer.from(out);
}

const DECODERS = ['utf-8', 'gbk', 'utf-16le', 'utf-16be'].map((label) => new TextDecoder(label));

/** Every reading of the bytes a server might make. */
export function readings(bytes: Buffer): string[] {
  const layers = [bytes];
  let last = bytes;
  for (let i = 0; i < 3; i++) {
    last = percentBytes(last);
    layers.push(last);
  }
  const texts: string[] = [];
  for (const layer of layers)
    for (const decoder of DECODERS) {
      const text = decoder.decode(layer);
      texts.push(
        text,
        text.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      );
    }
  return texts.map((t) => t.normalize('NFKC').replace(/\s+/g, ''));
}

export interface ArrivedRequest {
  url: string;
  raw: Buffer | null;
}

/** Whether the request carries `marker` (compared without whitespace) in its URL or body. */
export function carries(request: ArrivedRequest, marker: string): boolean {
  const target = marker.normalize('NFKC').replace(/\s+/g, '');
  const parts = [Buffer.from(request.url, 'utf8'), ...(request.raw ? [request.raw] : [])];
  return parts.some((bytes) => readings(bytes).some((text) => text.includes(target)));
}
