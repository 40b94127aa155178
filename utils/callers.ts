/**
 * Who is calling the background. A content script is only trusted on the sites the guard runs
 * on: a message from this extension's content script on any other page (a future match pattern
 * gone too wide, a frame we never meant to guard) must not reach the log. Pure, so it is tested
 * without a browser; utils/messaging.ts applies it to every message.
 */
import type { Platform } from '../rules/engine/types';
import type { CallerKind } from './protocol';

/** The hosts the guard runs on, and the platform each belongs to. */
export const GUARDED_HOSTS: Readonly<Record<string, Platform>> = {
  'weibo.com': 'weibo',
  'www.weibo.com': 'weibo',
  'card.weibo.com': 'weibo',
  'mp.weixin.qq.com': 'wechat',
};

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

/** This extension: its id and its base URL (chrome-extension://<id>/ or moz-extension://<uuid>/). */
export interface SelfInfo {
  id: string;
  baseUrl: string;
}

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The platform whose guarded page this URL is, if any (HTTPS only, default port only). */
export function guardedPlatform(url: string | undefined): Platform | undefined {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.port !== '') return undefined;
  return Object.hasOwn(GUARDED_HOSTS, u.hostname) ? GUARDED_HOSTS[u.hostname] : undefined;
}

export function classifySender(sender: SenderInfo, self: SelfInfo): CallerKind | null {
  if (!sender.id || sender.id !== self.id) return null;
  const url = parse(sender.url);
  if (!url) return null;
  // When the browser reports the origin too, it must agree with the URL (Chrome fills both).
  if (sender.origin !== undefined && sender.origin !== 'null' && sender.origin !== url.origin) return null;
  if (url.href.startsWith(self.baseUrl)) return 'extension';
  if (sender.tab && guardedPlatform(url.href)) return 'content';
  return null;
}
