/**
 * Request routing for Firefox, shaped like Playwright's `context.route` (tests/replicas/lib/endpoints.ts
 * `RouteHost`), so the replica servers run unchanged: pages are served and endpoints answered at the
 * real https://weibo.com and https://mp.weixin.qq.com addresses through WebDriver BiDi request
 * interception. Firefox collects each request's body for the driver (`network.addDataCollector`),
 * so a mock endpoint records exactly the bytes the page sent, as it does in Chromium.
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import type { Request, Route, RouteHost } from '../replicas/lib/endpoints';

/** Playwright's URL globs: `**` any characters, `*` any but `/`; everything else literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else source += c.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

type Handler = (route: Route) => unknown;

class InterceptedRequest implements Request {
  constructor(
    private readonly request: HTTPRequest,
    private readonly body: string | undefined,
  ) {}
  url() {
    return this.request.url();
  }
  method() {
    return this.request.method();
  }
  postData() {
    return this.body ?? null;
  }
  /** Firefox hands bodies over as text (UTF-8): enough for the replicas' form, JSON and multipart text fields. */
  postDataBuffer() {
    return this.body === undefined ? null : Buffer.from(this.body, 'utf8');
  }
  headers() {
    return this.request.headers();
  }
  headerValue(name: string) {
    return Promise.resolve(this.request.headers()[name.toLowerCase()] ?? null);
  }
}

export class FirefoxRoutes implements RouteHost {
  /** Newest first: a later route wins, as in Playwright. */
  private readonly routes: { pattern: RegExp; handler: Handler }[] = [];
  private readonly attached = new WeakSet<Page>();

  route(url: string, handler: Handler): Promise<void> {
    this.routes.unshift({ pattern: globToRegExp(url), handler });
    return Promise.resolve();
  }

  /** Serves the routes to one tab (interception in WebDriver BiDi is per tab); once per tab. */
  async attach(page: Page): Promise<void> {
    if (this.attached.has(page)) return;
    this.attached.add(page);
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.handle(request));
  }

  private async handle(request: HTTPRequest): Promise<void> {
    const url = request.url();
    const match = this.routes.find((r) => r.pattern.test(url));
    try {
      if (!match) return await request.continue();
      const body = request.hasPostData() ? await request.fetchPostData() : undefined;
      const wrapped = new InterceptedRequest(request, body);
      await match.handler({
        request: () => wrapped,
        fulfill: async ({ status = 200, contentType, body: responseBody = '' }) => {
          await request.respond({ status, contentType, body: responseBody });
        },
      });
    } catch (e) {
      // A tab closed while its request was paused: nothing is left to answer.
      if (!/closed|detached|No such|no such/i.test(String(e))) throw e;
    }
  }
}
