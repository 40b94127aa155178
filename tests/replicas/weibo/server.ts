/**
 * Serves the weibo.com replica at its real address through the browser's request routing, and
 * mocks the endpoints: every request to /ajax/* is recorded with its decoded form fields, and
 * answers in Weibo's shapes ({ok:1, data:{idstr}}). Used by the end-to-end tests, the benchmark
 * and `npm start`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route, RouteHost } from '../lib/endpoints';

const DIR = import.meta.dirname;

export type Generation = 'vue2' | 'vue3';

export interface WeiboReplicaOptions {
  /** Page generation when the URL does not say (`?replica=vue3`). Default vue2. */
  generation?: Generation;
  /** Origins to serve the replica on. Default https://weibo.com and https://www.weibo.com. */
  origins?: string[];
  /** Milliseconds before the home composer mounts (a page may say `?composerDelay=`). */
  composerDelay?: number;
  /** Milliseconds between heartbeat requests. */
  heartbeatMs?: number;
  /** Answer publish endpoints with this instead of success (e.g. to test the page's error path). */
  answer?: (path: string, fields: Record<string, string>) => unknown;
}

export interface RecordedRequest {
  path: string;
  url: string;
  method: string;
  fields: Record<string, string>;
  headers: Record<string, string>;
  /** The body exactly as it arrived (null without one). */
  raw: Buffer | null;
  at: number;
}

export const ME = { id: 1234567890, idstr: '1234567890', screen_name: '保定发布' };

export const PUBLISH_PATHS = [
  '/ajax/statuses/update',
  '/ajax/statuses/normal_repost',
  '/ajax/statuses/repost',
  '/ajax/comments/create',
  '/ajax/comments/reply',
  '/ajax/statuses/schedule/upload',
];

export interface WeiboReplica {
  requests: RecordedRequest[];
  /** Requests that reached a publish endpoint (optionally one path). */
  published(path?: string): RecordedRequest[];
  /** The replica's own files, for serving elsewhere. */
  html(url: URL): string;
}

function shell(url: URL, options: WeiboReplicaOptions): string {
  const generation: Generation =
    url.searchParams.get('replica') === 'vue3'
      ? 'vue3'
      : url.searchParams.get('replica') === 'vue2'
        ? 'vue2'
        : (options.generation ?? 'vue2');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const route = /^\/\d+\/[A-Za-z0-9]+$/.test(path) ? 'detail' : 'home';
  const delay = url.searchParams.get('composerDelay');
  const composerDelay = delay !== null ? Number(delay) : options.composerDelay;
  const config = {
    generation,
    route,
    ...(composerDelay !== undefined ? { composerDelay } : {}),
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
  };
  // The Vue 2 home HTML carries $CONFIG inline (read as text by the isolated world); the Vue 3
  // replica sets it from its external bundle, so only the MAIN world can see it.
  const inline =
    `<script>window.__REPLICA__ = ${JSON.stringify(config)};</script>` +
    (generation === 'vue2'
      ? `<script>try{window.$CONFIG = ${JSON.stringify({ user: ME, lang: 'zh-cn' })};}catch(e){window.$CONFIG = {};}</script>`
      : '');
  return readFileSync(join(DIR, 'shell.html'), 'utf8')
    .replace('<!--CONFIG-->', inline)
    .replace('<!--ROOT-->', '<div id="app"></div>');
}

function decode(body: string | null): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body ?? ''));
}

let nextId = 5100000000000000;

export async function serveWeiboReplica(context: RouteHost, options: WeiboReplicaOptions = {}): Promise<WeiboReplica> {
  const requests: RecordedRequest[] = [];
  const origins = options.origins ?? ['https://weibo.com', 'https://www.weibo.com'];
  for (const origin of origins) {
    // Later routes win in Playwright: the catch-all page first, then assets and endpoints.
    await context.route(`${origin}/**`, (route: Route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: shell(new URL(route.request().url()), options),
      }),
    );
    await context.route(`${origin}/__replica__/weibo/**`, (route: Route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
      return route.fulfill({ status: 200, contentType: type, body: readFileSync(join(DIR, name), 'utf8') });
    });
    await context.route(`${origin}/ajax/**`, (route: Route) => {
      const request = route.request();
      const url = new URL(request.url());
      const fields = decode(request.postData());
      requests.push({
        path: url.pathname,
        url: url.href,
        method: request.method(),
        fields,
        headers: request.headers(),
        raw: request.postDataBuffer(),
        at: Date.now(),
      });
      const custom = PUBLISH_PATHS.includes(url.pathname) ? options.answer?.(url.pathname, fields) : undefined;
      const body = custom ?? { ok: 1, data: { idstr: String(nextId++), text: fields.content ?? fields.comment ?? '' } };
      return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
    });
  }
  return {
    requests,
    published: (path) => requests.filter((r) => (path ? r.path === path : PUBLISH_PATHS.includes(r.path))),
    html: (url) => shell(url, options),
  };
}
