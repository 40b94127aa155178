/** The weibo.com replica session (replica-session.ts) and the drafts the weibo.com tests share. */
import { serveWeiboReplica, type WeiboReplica, type WeiboReplicaOptions } from '../replicas/weibo/server';
import type { Page } from 'playwright-core';
import { replicaSession, type ReplicaSession } from './replica-session';

/** Drafts for rules that ship now: no-typo (warn) and no-id-number (block). */
export const DRAFTS = {
  clean: '保定市今冬明春森林防火工作部署会召开，各县（市、区）要压实责任。',
  warn: '做为基层干部，我们要再接再励，把惠民实事办好。',
  /** `warn` with both suggestions applied. */
  fixed: '作为基层干部，我们要再接再厉，把惠民实事办好。',
  block: '失主身份证号11010519491231002X，请联系保定市公安局。',
  /** `block` as the log keeps it by default: the ID number masked. */
  blockLogged: '失主身份证号1101**********002X，请联系保定市公安局。',
};

export const HOME_INPUT = 'textarea[placeholder="有什么新鲜事想分享给大家？"]';

/** Opens weibo.com's home page (with `query`, e.g. `?v=2`) and waits for its composer. */
export async function openHome(page: Page, query = ''): Promise<void> {
  await page.goto(`https://weibo.com/${query}`);
  await page.locator(HOME_INPUT).waitFor();
}

export type WeiboSession = ReplicaSession<WeiboReplica>;

export function weiboSession(options: WeiboReplicaOptions): WeiboSession {
  return replicaSession(
    (context) => serveWeiboReplica(context, options),
    (replica) => {
      replica.requests.length = 0;
    },
  );
}
