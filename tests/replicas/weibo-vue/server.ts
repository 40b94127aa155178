/**
 * Serves the independent Vue 3 weibo.com replica (app.js) at https://weibo.com/ with Vue 3 from
 * the project's own dependencies, and records the publish requests that reach the endpoints.
 * `?draft=` puts a restored draft in the composer as it mounts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import type { RecordedRequest } from '../weibo/server';

const DIR = import.meta.dirname;
const VUE = createRequire(import.meta.url).resolve('vue/dist/vue.global.prod.js');

export interface WeiboVueReplica {
  requests: RecordedRequest[];
  published(path?: string): RecordedRequest[];
}

const CSS = `body{margin:0;font:14px/1.6 'PingFang SC','Microsoft YaHei',sans-serif;background:#f5f5f5}
.wbv{width:600px;margin:0 auto;padding-top:16px}
.wbv-editor{min-height:80px;padding:8px;background:#fff;border:1px solid #ddd;border-radius:4px;outline:none;white-space:pre-wrap}
.wbv-editor:empty::before{content:attr(data-placeholder);color:#999}
.wbv-bar{display:flex;justify-content:space-between;align-items:center;margin:6px 0 12px}
.wbv-send,.wbv-btn{padding:4px 16px;border:0;border-radius:14px;background:#ff8200;color:#fff}
.wbv-send:disabled,.wbv-btn:disabled{opacity:.5}
.wbv-card{background:#fff;border-radius:6px;padding:12px 16px}
.wbv-comment textarea{display:block;width:100%;box-sizing:border-box;font:inherit}`;

function page(url: URL): string {
  const config = { restoredDraft: url.searchParams.get('draft') ?? '' };
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>微博</title><style>${CSS}</style></head>
<body><div id="root"></div>
<script>window.__REPLICA__ = ${JSON.stringify(config)};</script>
<script src="/__replica__/weibo-vue/vue.js"></script>
<script src="/__replica__/weibo-vue/app.js"></script>
</body></html>`;
}

export async function serveWeiboVueReplica(context: BrowserContext): Promise<WeiboVueReplica> {
  const requests: RecordedRequest[] = [];
  const origin = 'https://weibo.com';
  await context.route(`${origin}/**`, (route: Route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page(new URL(route.request().url())) }),
  );
  await context.route(`${origin}/__replica__/weibo-vue/**`, (route: Route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    const body = name === 'vue.js' ? readFileSync(VUE, 'utf8') : readFileSync(join(DIR, name), 'utf8');
    return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
  });
  await context.route(`${origin}/ajax/**`, (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const fields = Object.fromEntries(new URLSearchParams(request.postData() ?? ''));
    requests.push({
      path: url.pathname,
      url: url.href,
      method: request.method(),
      fields,
      raw: request.postDataBuffer(),
      headers: request.headers(),
      at: Date.now(),
    });
    return route.fulfill({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ ok: 1, data: { idstr: String(Date.now()) } }),
    });
  });
  return {
    requests,
    published: (path) =>
      requests
        .filter((r) => r.path.startsWith('/ajax/statuses/update') || r.path.startsWith('/ajax/comments/'))
        .filter((r) => !path || r.path === path),
  };
}
