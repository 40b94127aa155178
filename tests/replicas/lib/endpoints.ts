/**
 * Mock endpoints for replica pages: every request that reaches a mock is recorded with its
 * parsed form body, so a test can say exactly what left the page and how often.
 */

/**
 * What a replica server needs of a browser: request routing by URL glob, later routes first.
 * Playwright's BrowserContext is one; the Firefox harness (tests/e2e-firefox/routes.ts) routes
 * WebDriver BiDi interception through the same interface, so every browser serves the same replicas.
 */
export interface RouteHost {
  route(url: string, handler: (route: Route) => unknown): Promise<unknown>;
}

export interface Route {
  request(): Request;
  fulfill(response: { status?: number; contentType?: string; body?: string | Buffer }): Promise<void>;
}

export interface Request {
  url(): string;
  method(): string;
  postData(): string | null;
  postDataBuffer(): Buffer | null;
  headers(): Record<string, string>;
  headerValue(name: string): Promise<string | null>;
}

export interface RecordedCall {
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  /** The body as form fields (url-encoded, multipart or JSON objects flattened one level). */
  form: URLSearchParams;
  at: number;
}

export class CallLog {
  readonly calls: RecordedCall[] = [];

  where(predicate: (call: RecordedCall) => boolean): RecordedCall[] {
    return this.calls.filter(predicate);
  }

  count(predicate: (call: RecordedCall) => boolean): number {
    return this.where(predicate).length;
  }

  clear(): void {
    this.calls.length = 0;
  }
}

/** Parses a request body the way a server would: url-encoded, multipart (FormData) or JSON. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const buffer = request.postDataBuffer();
  if (!buffer || !buffer.length) return new URLSearchParams();
  const type = (await request.headerValue('content-type')) ?? '';
  if (type.includes('multipart/form-data')) {
    const data = await new Response(new Uint8Array(buffer), { headers: { 'content-type': type } }).formData();
    const form = new URLSearchParams();
    for (const [key, value] of data) form.append(key, typeof value === 'string' ? value : value.name);
    return form;
  }
  const text = buffer.toString('utf8');
  if (type.includes('json')) {
    const form = new URLSearchParams();
    try {
      for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, unknown>)) {
        form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
    } catch {
      form.append('', text);
    }
    return form;
  }
  return new URLSearchParams(text);
}

export async function record(log: CallLog, request: Request): Promise<RecordedCall> {
  const url = new URL(request.url());
  const call: RecordedCall = {
    method: request.method(),
    url,
    path: url.pathname,
    query: url.searchParams,
    form: await readForm(request),
    at: Date.now(),
  };
  log.calls.push(call);
  return call;
}

export function fulfillJson(route: Route, body: unknown): Promise<void> {
  return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
}

export function fulfillHtml(route: Route, html: string): Promise<void> {
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
}

/** Per-build random suffix for hashed class names and scoped-style attributes, so no guard can lean on them. */
export function randomHash(length = 5): string {
  return Math.random()
    .toString(36)
    .slice(2, 2 + length)
    .padEnd(length, '0');
}
