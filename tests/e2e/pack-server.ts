/**
 * A local pack server for end-to-end tests: serves one signed pack file at /pack.json the way an
 * admin's web server would — ETag and Last-Modified, 304 on a matching If-None-Match, and the CORS
 * headers docs/packs.md asks for — and records what the extension sent.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PackServer {
  url: string;
  /** Replaces the file served (a new ETag with it). */
  serve(text: string): void;
  requests: { method: string; headers: IncomingHttpHeaders; status: number }[];
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
  'access-control-expose-headers': 'ETag, Last-Modified',
  'access-control-max-age': '600',
};

export async function startPackServer(): Promise<PackServer> {
  let body = '';
  let etag = '';
  let modified = new Date().toUTCString();
  const requests: PackServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const answer = (status: number, headers: Record<string, string> = {}, text?: string) => {
      requests.push({ method: req.method ?? '', headers: req.headers, status });
      res.writeHead(status, { ...CORS, ...headers });
      res.end(text);
    };
    if (req.url !== '/pack.json') return answer(404);
    if (req.method === 'OPTIONS') return answer(204);
    if (req.headers['if-none-match'] === etag) return answer(304, { etag, 'last-modified': modified });
    answer(
      200,
      {
        'content-type': 'application/json; charset=utf-8',
        etag,
        'last-modified': modified,
        'cache-control': 'no-cache',
      },
      body,
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pack.json`,
    serve(text) {
      body = text;
      etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
      modified = new Date().toUTCString();
    },
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
