/**
 * One Chromium with the extension and the weibo.com replica for a test file; a fresh page, an
 * empty attempt store and an empty request record for each test. Shared by the weibo.com tests.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { serveWeiboReplica, type WeiboReplica, type WeiboReplicaOptions } from '../replicas/weibo/server';
import { clearStore, launchGuardedBrowser, type GuardedBrowser } from './harness';

/** Drafts for rules that ship now: no-typo (warn) and no-id-number (block). */
export const DRAFTS = {
  clean: '保定市今冬明春森林防火工作部署会召开，各县（市、区）要压实责任。',
  warn: '做为基层干部，我们要再接再励，把惠民实事办好。',
  /** `warn` with both suggestions applied. */
  fixed: '作为基层干部，我们要再接再厉，把惠民实事办好。',
  block: '失主身份证号11010519491231002X，请联系保定市公安局。',
};

export const HOME_INPUT = 'textarea[placeholder="有什么新鲜事想分享给大家？"]';

export interface WeiboSession {
  browser: GuardedBrowser;
  replica: WeiboReplica;
  page: Page;
}

export function weiboSession(options: WeiboReplicaOptions): WeiboSession {
  const session = {} as WeiboSession;
  beforeAll(async () => {
    session.browser = await launchGuardedBrowser();
    session.replica = await serveWeiboReplica(session.browser.context, options);
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  beforeEach(async () => {
    await clearStore(session.browser.worker);
    session.replica.requests.length = 0;
    await session.page?.close();
    session.page = await session.browser.context.newPage();
  });
  return session;
}
