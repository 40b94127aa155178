/**
 * One Firefox with the extension and a replica for a test file; for each test a fresh tab, the log
 * looked at afresh (clearStore) and the replica reset — the Firefox twin of tests/e2e/replica-session.ts.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { RouteHost } from '../replicas/lib/endpoints';
import { clearStore } from '../e2e/harness';
import { launchFirefox, type FirefoxGuard, type FirefoxOptions } from './firefox';
import { FirefoxRoutes } from './routes';

export interface FirefoxSession<R> {
  firefox: FirefoxGuard;
  replica: R;
  page: Page;
}

export function firefoxSession<R>(
  serve: (routes: RouteHost) => Promise<R>,
  reset: (replica: R) => void,
  options: Omit<FirefoxOptions, 'routes'> = {},
): FirefoxSession<R> {
  const session = {} as FirefoxSession<R>;
  beforeAll(async () => {
    const routes = new FirefoxRoutes();
    session.replica = await serve(routes);
    session.firefox = await launchFirefox({ ...options, routes });
  });
  afterAll(async () => {
    await session.firefox?.close();
  });
  beforeEach(async () => {
    await clearStore(session.firefox.extension);
    reset(session.replica);
    await session.page?.close();
    session.page = await session.firefox.newPage();
  });
  return session;
}
