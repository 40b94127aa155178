/**
 * The collector as a city runs it, for the end-to-end tests: `govpost-guard collector …` in child
 * processes on a real PostgreSQL (COLLECTOR_E2E_DATABASE_URL, a fresh schema per run; .ci/run
 * starts the server) or, without one, the embedded PostgreSQL in a temporary folder. In front of
 * it a loopback proxy the test controls: it records each batch as sent, and can kill the
 * collector while a batch is in flight.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as netServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Database } from '../../collector/db/database';

const BIN = resolve(import.meta.dirname, '../../bin/govpost-guard.js');

export async function freePort(): Promise<number> {
  const s = netServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

export interface SentBatch {
  body: string;
  signature: string;
}

export class CollectorUnderTest {
  child?: ChildProcess;
  proxy?: Server;
  readonly batches: SentBatch[] = [];
  /** Set: the next batch is passed on, then the collector is killed before its answer returns. */
  killOnNextBatch = false;
  killed = 0;
  private constructor(
    readonly env: NodeJS.ProcessEnv,
    readonly dataDir: string,
    readonly port: number,
    readonly proxyPort: number,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(): Promise<CollectorUnderTest> {
    const base = process.env.COLLECTOR_E2E_DATABASE_URL;
    const dataDir = mkdtempSync(join(tmpdir(), 'govpost-collector-'));
    let env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '' };
    let cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    if (base) {
      const schema = `e2e_${Date.now().toString(36)}`;
      const admin = await openDatabase({ url: base });
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.close();
      env = {
        ...process.env,
        DATABASE_URL: `${base}${base.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
      };
      const previous = cleanup;
      cleanup = async () => {
        const db = await openDatabase({ url: base });
        await db.query(`DROP SCHEMA ${schema} CASCADE`);
        await db.close();
        await previous();
      };
    }
    const c = new CollectorUnderTest(env, dataDir, await freePort(), await freePort(), cleanup);
    c.startProxy();
    return c;
  }

  get usesPostgres(): boolean {
    return Boolean(this.env.DATABASE_URL);
  }

  /** Runs `govpost-guard collector …` to completion. */
  cli(args: string[], input?: string): string {
    return execFileSync(process.execPath, [BIN, 'collector', ...args, '--data', this.dataDir], {
      env: this.env,
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });
  }

  async serve(): Promise<void> {
    const child = spawn(
      process.execPath,
      [BIN, 'collector', 'serve', '--port', String(this.port), '--data', this.dataDir],
      {
        env: this.env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('汇聚服务器 60 秒内没有启动')), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        if (String(d).includes('已启动')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`汇聚服务器退出了（${code}）`)));
    });
  }

  kill() {
    this.child?.kill('SIGKILL');
    this.child = undefined;
    this.killed++;
  }

  /** The collector's database, for what the test checks (opened after the server is stopped or on PostgreSQL). */
  database(): Promise<Database> {
    return openDatabase(this.usesPostgres ? { url: this.env.DATABASE_URL } : { dataDir: this.dataDir });
  }

  get url(): string {
    return `http://127.0.0.1:${this.proxyPort}`;
  }

  get directUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private startProxy() {
    this.proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const isBatch = req.method === 'POST' && req.url === '/api/v1/batches';
        if (isBatch)
          this.batches.push({ body: body.toString('utf8'), signature: String(req.headers['x-govpost-signature']) });
        const upstream = request(
          { host: '127.0.0.1', port: this.port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            if (isBatch && this.killOnNextBatch) {
              // The batch reached the collector and it answered; it dies before the answer gets back.
              this.killOnNextBatch = false;
              this.kill();
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => req.socket.destroy());
        upstream.end(body);
      });
    });
    this.proxy.listen(this.proxyPort, '127.0.0.1');
  }

  async stop(): Promise<void> {
    this.kill();
    await new Promise((r) => this.proxy?.close(r));
    await this.cleanup();
  }
}
