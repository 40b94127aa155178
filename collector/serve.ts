/** Runs the collector's app on Node's HTTP server; stops cleanly on SIGINT/SIGTERM. */
import { serve } from '@hono/node-server';
import type { Database } from './db/database';
import { createApp } from './server';

export function serveCollector(
  db: Database,
  options: { port: number; host: string; secureCookies?: boolean },
): Promise<{ close(): Promise<void> }> {
  const app = createApp(db, { secureCookies: options.secureCookies });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => {
      const close = () => new Promise<void>((done) => server.close(() => void db.close().then(done, done)));
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.once(signal, () => void close().then(() => process.exit(0)));
      resolve({ close });
    });
  });
}
