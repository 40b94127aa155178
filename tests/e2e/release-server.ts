/**
 * A local HTTPS server publishing a release folder the way a city's intranet server would
 * (update.xml and the CRX; updates.json and the Firefox add-on), with throwaway certificates made
 * by openssl: a CA, as a city's own, and the server's certificate for 127.0.0.1 signed by it.
 * Chromium's extension updater fetches with the browser's own network stack, so the test makes
 * Chromium trust the server's key with --ignore-certificate-errors-spki-list (`spki`); Firefox is
 * told to trust the CA through its Certificates policy (`caFile`), as an admin would — it accepts a
 * CA-signed server certificate, not a self-signed one used as the server's own.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';

export interface ReleaseServer {
  /** https://127.0.0.1:<port>/ — the publish folder's address. */
  url: string;
  /** Base64 SHA-256 of the server certificate's public key, for --ignore-certificate-errors-spki-list. */
  spki: string;
  /** The CA that signed the server's certificate (PEM file), for Firefox's Certificates policy. */
  caFile: string;
  /** Publishes another release folder (what an admin's copy to the web server does). */
  publish(dir: string): void;
  /** What the browser asked for: the path with its query. */
  requests: string[];
  /** Waits, bounded, until the server has been asked for `path` (a prefix, query included). */
  asked(path: string, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.crx': 'application/x-chrome-extension',
  '.json': 'application/json; charset=utf-8',
  '.xpi': 'application/x-xpinstall',
};

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe', timeout: 30_000 });

/** `workDir`: where the certificates and their keys are written (a temp folder of the test). */
export async function startReleaseServer(workDir: string): Promise<ReleaseServer> {
  const caKey = join(workDir, 'ca.key');
  const caFile = join(workDir, 'ca.crt');
  const keyFile = join(workDir, 'tls.key');
  const csrFile = join(workDir, 'tls.csr');
  const certFile = join(workDir, 'tls.crt');
  const extFile = join(workDir, 'tls.ext');
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=GovPost Guard test CA'].concat(
      ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
      ['-keyout', caKey, '-out', caFile],
    ),
  );
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', keyFile, '-out', csrFile]);
  writeFileSync(extFile, 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl(
    ['x509', '-req', '-in', csrFile, '-CA', caFile, '-CAkey', caKey, '-CAcreateserial'].concat([
      '-days',
      '1',
      '-extfile',
      extFile,
      '-out',
      certFile,
    ]),
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
    caFile,
    publish(dir) {
      root = dir;
    },
    requests,
    async asked(path, timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (!requests.some((r) => r.startsWith(path))) {
        if (Date.now() > until)
          throw new Error(`${timeoutMs / 1000} s 内服务器没有收到 ${path}（收到：${requests.join(' ')}）`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
