/**
 * The collector's one way to PostgreSQL: a real server through `DATABASE_URL` (node-postgres
 * pool), or, with no URL, an embedded PostgreSQL (PGlite) in a data folder — the same SQL, so a
 * fresh machine runs the collector with nothing else installed and the unit tests run without a
 * server. Everything above this file sees only `Database`.
 */
import { mkdirSync } from 'node:fs';
import { serialQueue } from '../../utils/serial';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database extends Sql {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction (committed when it resolves, rolled back when it throws). */
  tx<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(options: { url?: string; dataDir?: string } = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  // bigint and numeric come back as strings by default: counts here stay well within 2^53.
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: (text, params) => pool.query(text, params as unknown[]) as never,
    async tx(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (t, p) => client.query(t, p as unknown[]) as never });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir, { parsers: { [types.INT8]: (v: string) => Number(v) } });
  await db.waitReady;
  // PGlite runs one statement at a time: transactions are serialised here, like a one-connection pool.
  const serial = serialQueue();
  return {
    kind: 'pglite',
    query: (text, params) => serial(() => db.query(text, params as unknown[])) as never,
    tx: (work) => serial(() => db.transaction((t) => work({ query: (q, p) => t.query(q, p as unknown[]) as never }))),
    close: () => db.close(),
  };
}
