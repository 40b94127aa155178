/**
 * A local HTTPS server publishing a release folder the way a city's intranet server would
 * (update.xml and the CRX), with a throwaway self-signed certificate made by openssl for
 * 127.0.0.1. Chromium's extension updater fetches with the browser's own network stack, so the
 * test makes Chromium trust the certificate with --ignore-certificate-errors-spki-list (`spki`).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';

export interface ReleaseServer {
  /** https://127.0.0.1:<port>/ — the publish folder's address. */
  url: string;
  /** Base64 SHA-256 of the certificate's public key, for --ignore-certificate-errors-spki-list. */
  spki: string;
  /** Publishes another release folder (what an admin's copy to the web server does). */
  publish(dir: string): void;
  /** What the browser asked for: the path with its query. */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.crx': 'application/x-chrome-extension',
};

/** `workDir`: where the certificate and its key are written (a temp folder of the test). */
export async function startReleaseServer(workDir: string): Promise<ReleaseServer> {
  const keyFile = join(workDir, 'tls.key');
  const certFile = join(workDir, 'tls.crt');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]),
    { stdio: 'pipe', timeout: 30_000 },
  );
  const cert = readFileSync(certFile);
  const spki = createHash('sha256')
    .update(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  let root = '';
  const requests: string[] = [];
  const server = createServer({ key: readFileSync(keyFile), cert }, (req, res) => {
    requests.push(req.url ?? '');
    const name = basename(new URL(req.url ?? '/', 'https://x').pathname);
    const file = join(root, name);
    if (!root || !name || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    spki,
    publish(dir) {
      root = dir;
    },
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
