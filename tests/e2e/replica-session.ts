/**
 * One Chromium with the extension and a replica for a test file; for each test a fresh page, the
 * log looked at afresh (clearStore) and the replica reset. Shared by the end-to-end test files.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clearStore, launchGuardedBrowser, type GuardedBrowser } from './harness';

export interface ReplicaSession<R> {
  browser: GuardedBrowser;
  replica: R;
  page: Page;
}

export function replicaSession<R>(
  serve: (context: BrowserContext) => Promise<R>,
  reset: (replica: R) => void,
): ReplicaSession<R> {
  const session = {} as ReplicaSession<R>;
  beforeAll(async () => {
    // A known policy: override decisions are tested here, and an unread policy fails closed.
    session.browser = await launchGuardedBrowser({ managedPolicy: {} });
    session.replica = await serve(session.browser.context);
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  beforeEach(async () => {
    await clearStore(session.browser.worker);
    reset(session.replica);
    await session.page?.close();
    session.page = await session.browser.context.newPage();
  });
  return session;
}
