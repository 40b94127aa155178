/**
 * weibo.com's publish endpoints (docs/platform-sources.md). All are form-encoded POSTs on weibo.com or
 * www.weibo.com (one host: net/classify.ts folds `www.`). Bundled into the MAIN world: data only.
 */
import type { EndpointRule } from '../../guard/endpoints';

const hosts = ['weibo.com'];

export const WEIBO_ENDPOINTS: readonly EndpointRule[] = [
  { id: 'statuses/update', role: 'publish', hosts, path: '/ajax/statuses/update' },
  { id: 'statuses/schedule', role: 'publish', hosts, path: '/ajax/statuses/schedule/{upload,edit}' },
  { id: 'statuses/normal_repost', role: 'publish', hosts, path: '/ajax/statuses/normal_repost' },
  { id: 'statuses/repost', role: 'publish', hosts, path: '/ajax/statuses/repost' },
  { id: 'comments/create', role: 'publish', hosts, path: '/ajax/comments/create' },
  { id: 'comments/reply', role: 'publish', hosts, path: '/ajax/comments/reply' },
  // The V6 front end (before 2021–22); harmless to hold if an old page is still served.
  { id: 'v6/mblog/add', role: 'publish', hosts, path: '/aj/mblog/add' },
  { id: 'v6/comment/add', role: 'publish', hosts, path: '/aj/v6/comment/add' },
];

/** What a refused request answers: Weibo's own failure shape, so the page shows the message. */
export function weiboRejection(message: string): unknown {
  return { ok: 0, msg: message };
}
