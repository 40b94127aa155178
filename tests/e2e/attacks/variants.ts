/**
 * Page-side attacks on the network line: each variant is a page script that tries to get a post
 * the guard must stop to its publish endpoint (weibo.com `statuses/update` unless it says
 * otherwise). Each runs in the page's own world on a fresh replica page, with nothing but `ctx`.
 * The groups follow what a page can do: read-twice and mutate-after-check tricks on the request
 * (`request`), poisoned built-ins (`builtins`), contexts the gate might not sit in (`contexts`),
 * and spellings of the endpoint a server still routes (`addresses`).
 */

export interface AttackContext {
  /** A post the default pack blocks (an identity number). */
  block: string;
  /** A clean post. */
  clean: string;
  /** `content=<a blocked classification term in GBK, percent-encoded>`. */
  gbkBlockForm: string;
  /** The publish endpoint's path. */
  path: string;
  /** The variant's own argument (a spelling of the endpoint…). */
  arg?: string;
}

export interface Variant {
  id: string;
  group: 'request' | 'builtins' | 'contexts' | 'addresses';
  /** What the page does, in one line (goes into the report). */
  title: string;
  /** The text whose arrival is a leak, when not `ctx.block` (the GBK variant). */
  marker?: 'gbk';
  /** Extra hosts the replica must answer on for this variant. */
  origins?: string[];
  /** Handed to `run` as `ctx.arg`. */
  arg?: string;
  run: (ctx: AttackContext) => Promise<unknown>;
}

type Run = Variant['run'];

const v = (
  id: string,
  group: Variant['group'],
  title: string,
  run: Run,
  extra: Partial<Pick<Variant, 'marker' | 'origins' | 'arg'>> = {},
): Variant => ({ id, group, title, run, ...extra });

// Every `run` below is serialised into the page: it may use only its argument and page globals.

export const VARIANTS: Variant[] = [
  // ── the request read once, checked and sent as the same bytes ─────────────────────────────
  v('url-tostring-flips', 'request', 'fetch(url object whose toString answers a harmless path first)', async (ctx) => {
    let n = 0;
    const url = { toString: () => (n++ === 0 ? '/ajax/log/action' : ctx.path) };
    return fetch(url as unknown as string, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `content=${encodeURIComponent(ctx.block)}`,
    }).then((r) => r.status);
  }),
  v('method-getter-flips', 'request', 'fetch(init whose method getter answers GET first, POST after)', async (ctx) => {
    let n = 0;
    const init = {
      get method() {
        return n++ === 0 ? 'GET' : 'POST';
      },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `content=${encodeURIComponent(ctx.block)}`,
    };
    return fetch(ctx.path, init).then((r) => r.status, String);
  }),
  v(
    'body-getter-flips',
    'request',
    'fetch(init whose body getter answers clean text first, blocked after)',
    async (ctx) => {
      let n = 0;
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        get body() {
          return `content=${encodeURIComponent(n++ === 0 ? ctx.clean : ctx.block)}`;
        },
      };
      return fetch(ctx.path, init).then((r) => r.status);
    },
  ),
  v('searchparams-mutated', 'request', 'fetch(URLSearchParams body), changed right after the call', async (ctx) => {
    const body = new URLSearchParams({ content: ctx.clean });
    const sent = fetch(ctx.path, { method: 'POST', body });
    body.set('content', ctx.block);
    return sent.then((r) => r.status);
  }),
  v('formdata-mutated', 'request', 'fetch(FormData body), changed right after the call', async (ctx) => {
    const body = new FormData();
    body.set('content', ctx.clean);
    const sent = fetch(ctx.path, { method: 'POST', body });
    body.set('content', ctx.block);
    return sent.then((r) => r.status);
  }),
  v('bytes-mutated', 'request', 'fetch(Uint8Array body), bytes overwritten right after the call', async (ctx) => {
    const enc = new TextEncoder();
    const clean = `content=${encodeURIComponent(ctx.clean)}`;
    const block = `content=${encodeURIComponent(ctx.block)}`;
    const bytes = new Uint8Array(Math.max(clean.length, block.length));
    bytes.fill(0x26); // '&' pads either text into an empty field
    bytes.set(enc.encode(clean));
    const sent = fetch(ctx.path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: bytes,
    });
    bytes.fill(0x26);
    bytes.set(enc.encode(block));
    return sent.then((r) => r.status);
  }),
  v('init-body-reassigned', 'request', 'fetch(init), init.body replaced right after the call', async (ctx) => {
    const init: RequestInit = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `content=${encodeURIComponent(ctx.clean)}`,
    };
    const sent = fetch(ctx.path, init);
    init.body = `content=${encodeURIComponent(ctx.block)}`;
    return sent.then((r) => r.status);
  }),
  v(
    'json-looking-form',
    'request',
    'a JSON-looking body sent as form data (the server reads the form)',
    async (ctx) => {
      const body = JSON.stringify({ content: ctx.clean, x: `&content=${encodeURIComponent(ctx.block)}&` });
      return fetch(ctx.path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }).then((r) => r.status);
    },
  ),
  v(
    'repeated-field',
    'request',
    'the field twice: clean first, blocked last (a server may keep the last)',
    async (ctx) => {
      const body = `content=${encodeURIComponent(ctx.clean)}&content=${encodeURIComponent(ctx.block)}`;
      return fetch(ctx.path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }).then((r) => r.status);
    },
  ),
  v('field-in-query', 'request', 'the blocked text in the query string, clean text in the body', async (ctx) => {
    return fetch(`${ctx.path}?content=${encodeURIComponent(ctx.block)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `content=${encodeURIComponent(ctx.clean)}`,
    }).then((r) => r.status);
  }),
  v(
    'gbk-charset',
    'request',
    'a GBK-encoded form declared charset=gbk (a server decoding by charset reads a blocked mark)',
    async (ctx) =>
      fetch(ctx.path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=gbk' },
        body: ctx.gbkBlockForm,
      }).then((r) => r.status),
    { marker: 'gbk' },
  ),
  v('xhr-send-document', 'request', 'XMLHttpRequest.send(document) whose text is a form', async (ctx) => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.textContent = `&content=${encodeURIComponent(ctx.block)}&`;
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', ctx.path);
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.onloadend = () => resolve(xhr.status);
      xhr.send(doc);
    });
  }),
  v('xhr-url-tostring-flips', 'request', 'XMLHttpRequest.open(url object whose toString flips)', async (ctx) => {
    let n = 0;
    const url = { toString: () => (n++ === 0 ? '/ajax/log/action' : ctx.path) };
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url as unknown as string);
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.onloadend = () => resolve(xhr.status);
      xhr.send(`content=${encodeURIComponent(ctx.block)}`);
    });
  }),
  v(
    'xhr-reopened-while-held',
    'request',
    'XMLHttpRequest sent clean, then re-opened and sent blocked while held',
    async (ctx) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', ctx.path);
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.send(`content=${encodeURIComponent(ctx.clean)}`);
      xhr.open('POST', ctx.path);
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      return new Promise((resolve) => {
        xhr.onloadend = () => resolve(xhr.status);
        try {
          xhr.send(`content=${encodeURIComponent(ctx.block)}`);
        } catch (e) {
          resolve(String(e));
        }
      });
    },
  ),
  v(
    'xhr-header-changed-while-held',
    'request',
    'XMLHttpRequest: the body type changed after send (text/plain read as form)',
    async (ctx) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', ctx.path);
      xhr.setRequestHeader('content-type', 'text/plain');
      const done = new Promise((resolve) => (xhr.onloadend = () => resolve(xhr.status)));
      xhr.send(`content=${encodeURIComponent(ctx.block)}`);
      try {
        xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      } catch {
        // Refused after send, as a browser does.
      }
      return done;
    },
  ),
  v('beacon-mutated', 'request', 'sendBeacon(URLSearchParams), changed right after the call', async (ctx) => {
    const body = new URLSearchParams({ content: ctx.clean });
    navigator.sendBeacon(ctx.path, body);
    body.set('content', ctx.block);
    await new Promise((r) => setTimeout(r, 1500));
  }),
  v(
    'request-object-getters',
    'request',
    'fetch(Request) with Request.prototype.url and .method answering a harmless request',
    async (ctx) => {
      const request = new Request(ctx.path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `content=${encodeURIComponent(ctx.block)}`,
      });
      Object.defineProperty(Request.prototype, 'url', { get: () => 'https://weibo.com/ajax/log/action' });
      Object.defineProperty(Request.prototype, 'method', { get: () => 'GET' });
      return fetch(request).then((r) => r.status);
    },
  ),

  // ── built-ins replaced by the page after the gate was installed ───────────────────────────
  v(
    'poison-messageport-postmessage',
    'builtins',
    'MessagePort.prototype.postMessage replaced: read held requests, answer them',
    async (ctx) => {
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (
        this: MessagePort,
        msg: { type?: string; request?: { id: string } },
      ) {
        // Reading the held request is already a leak of the channel; answer it as the guard would.
        if (msg?.type === 'held' && msg.request) {
          const port = this;
          setTimeout(
            () => port.dispatchEvent(new MessageEvent('message', { data: { type: 'release', id: msg.request!.id } })),
            0,
          );
        }
        return post.call(this, msg);
      } as typeof post;
      return fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }).then(
        (r) => r.status,
      );
    },
  ),
  v(
    'poison-messageevent-data',
    'builtins',
    'MessageEvent.prototype.data replaced: every message the gate reads says release',
    async (ctx) => {
      const desc = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!;
      Object.defineProperty(MessageEvent.prototype, 'data', {
        get() {
          const real = desc.get!.call(this);
          if (real && typeof real === 'object' && 'id' in real && typeof real.id === 'string')
            return { type: 'release', id: real.id };
          return real;
        },
      });
      return fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }).then(
        (r) => r.status,
      );
    },
  ),
  v('poison-weakmap-get', 'builtins', 'WeakMap.prototype.get answers nothing: an XHR looks unopened', async (ctx) => {
    WeakMap.prototype.get = () => undefined;
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', ctx.path);
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.onloadend = () => resolve(xhr.status);
      xhr.send(`content=${encodeURIComponent(ctx.block)}`);
    });
  }),
  v(
    'poison-map-get',
    'builtins',
    'Map.prototype.get replaced: the gate’s table of held requests handed to the page',
    async (ctx) => {
      const get = Map.prototype.get;
      Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
        const value = get.call(this, key) as { settle?: (ok: boolean) => void } | undefined;
        if (value && typeof value.settle === 'function') setTimeout(() => value.settle!(true), 0);
        return value;
      };
      return fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }).then(
        (r) => r.status,
      );
    },
  ),
  v(
    'poison-array-includes',
    'builtins',
    'Array.prototype.includes answers false: no method looks like POST',
    async (ctx) => {
      Array.prototype.includes = () => false;
      return fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }).then(
        (r) => r.status,
      );
    },
  ),
  v(
    'poison-searchparams-iterator',
    'builtins',
    'URLSearchParams iterator answers clean fields while the body stays blocked',
    async (ctx) => {
      const proto = URLSearchParams.prototype as unknown as Record<symbol, unknown>;
      proto[Symbol.iterator] = function* () {
        yield ['content', ctx.clean];
      };
      URLSearchParams.prototype.entries = proto[Symbol.iterator] as URLSearchParams['entries'];
      return fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }).then(
        (r) => r.status,
      );
    },
  ),
  v(
    'poison-function-call',
    'builtins',
    'Function.prototype.call replaced: the untouched fetch handed to the page',
    async (ctx) => {
      const call = Function.prototype.call;
      let stolen: typeof fetch | undefined;
      Function.prototype.call = function (this: (...a: unknown[]) => unknown, self: unknown, ...args: unknown[]) {
        if (String(this).includes('[native code]') && this.name === 'fetch') stolen = this as typeof fetch;
        return this.apply(self, args);
      };
      const sent = fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.clean }) });
      await sent.catch(() => undefined);
      Function.prototype.call = call;
      if (stolen)
        await stolen.apply(window, [ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }]);
      return stolen ? 'stolen' : 'not stolen';
    },
  ),
  v(
    'poison-function-apply',
    'builtins',
    'Function.prototype.apply replaced: the untouched XHR send handed to the page',
    async (ctx) => {
      const apply = Function.prototype.apply;
      let stolen: ((body?: unknown) => void) | undefined;
      Function.prototype.apply = function (this: (...a: unknown[]) => unknown, self: unknown, args: unknown[]) {
        if (this.name === 'send' && String(this).includes('[native code]')) stolen = this;
        return Reflect.apply(this, self, args ?? []);
      };
      Function.prototype.call = function (this: (...a: unknown[]) => unknown, self: unknown, ...args: unknown[]) {
        if (this.name === 'send' && String(this).includes('[native code]')) stolen = this;
        return Reflect.apply(this, self, args);
      };
      const xhr = new XMLHttpRequest();
      xhr.open('POST', ctx.path);
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.send(`content=${encodeURIComponent(ctx.clean)}`);
      await new Promise((r) => setTimeout(r, 1500));
      Function.prototype.apply = apply;
      if (!stolen) return 'not stolen';
      const again = new XMLHttpRequest();
      again.open('POST', ctx.path);
      again.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      Reflect.apply(stolen, again, [`content=${encodeURIComponent(ctx.block)}`]);
      await new Promise((r) => setTimeout(r, 1000));
      return 'stolen';
    },
  ),
  v(
    'poison-promise-then',
    'builtins',
    'Promise.prototype.then replaced: the body read resolves to clean fields',
    async (ctx) => {
      const then = Promise.prototype.then;
      Promise.prototype.then = function (
        this: Promise<unknown>,
        ok?: (v: unknown) => unknown,
        ko?: (e: unknown) => unknown,
      ) {
        return then.call(
          this,
          ok &&
            ((value: unknown) => {
              if (value && typeof value === 'object' && 'content' in value) return ok({ ...value, content: ctx.clean });
              if (typeof value === 'string' && value.includes('content='))
                return ok(`content=${encodeURIComponent(ctx.clean)}`);
              return ok(value);
            }),
          ko,
        );
      } as typeof then;
      return fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }).then(
        (r) => r.status,
      );
    },
  ),
  v(
    'poison-string-case',
    'builtins',
    'String.prototype.toUpperCase/toLowerCase replaced: the method is never POST',
    async (ctx) => {
      String.prototype.toUpperCase = function () {
        return 'GET';
      };
      String.prototype.toLowerCase = function () {
        return 'get';
      };
      return fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }).then(
        (r) => r.status,
        String,
      );
    },
  ),
  v(
    'poison-regexp',
    'builtins',
    'RegExp.prototype.test/exec answer no match: no path looks like an endpoint',
    async (ctx) => {
      RegExp.prototype.test = () => false;
      RegExp.prototype.exec = () => null;
      return fetch('/ajax/statuses/schedule/upload', {
        method: 'POST',
        body: new URLSearchParams({ content: ctx.block }),
      }).then((r) => r.status);
    },
  ),
  v(
    'poison-object-statics',
    'builtins',
    'Object.fromEntries/entries replaced: the fields read are clean',
    async (ctx) => {
      Object.fromEntries = (() => ({ content: ctx.clean })) as typeof Object.fromEntries;
      return fetch(ctx.path, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) }).then(
        (r) => r.status,
      );
    },
  ),

  // ── contexts the gate might not sit in ────────────────────────────────────────────────────
  v('blob-iframe', 'contexts', 'a blob: iframe posts with its own fetch', async (ctx) => {
    const html = `<script>fetch(${JSON.stringify(`${location.origin}${ctx.path}`)}, {method: 'POST', body: new URLSearchParams({content: ${JSON.stringify(ctx.block)}})}).then(r => parent.postMessage('done:' + r.status, '*'), e => parent.postMessage('done:' + e, '*'));</script>`;
    const frame = document.createElement('iframe');
    frame.src = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    const done = new Promise((resolve) => addEventListener('message', (e) => resolve(e.data)));
    document.body.append(frame);
    return Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), 6000))]);
  }),
  v('data-iframe', 'contexts', 'a data: iframe (opaque origin) posts with credentials', async (ctx) => {
    const html = `<script>fetch(${JSON.stringify(`${location.origin}${ctx.path}`)}, {method: 'POST', credentials: 'include', body: new URLSearchParams({content: ${JSON.stringify(ctx.block)}})}).then(r => parent.postMessage('done:' + r.status, '*'), e => parent.postMessage('done:' + e, '*'));</script>`;
    const frame = document.createElement('iframe');
    frame.src = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
    const done = new Promise((resolve) => addEventListener('message', (e) => resolve(e.data)));
    document.body.append(frame);
    return Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), 6000))]);
  }),
  v('sandboxed-srcdoc', 'contexts', 'a sandboxed srcdoc iframe (opaque origin) posts', async (ctx) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.srcdoc = `<script>fetch(${JSON.stringify(`${location.origin}${ctx.path}`)}, {method: 'POST', credentials: 'include', body: new URLSearchParams({content: ${JSON.stringify(ctx.block)}})}).then(r => parent.postMessage('done:' + r.status, '*'), e => parent.postMessage('done:' + e, '*'));</script>`;
    const done = new Promise((resolve) => addEventListener('message', (e) => resolve(e.data)));
    document.body.append(frame);
    return Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), 6000))]);
  }),
  v(
    'popup-window',
    'contexts',
    'a blank popup window: take its gate’s port, answer release, post with its fetch',
    async (ctx) => {
      const popup = window.open('', '_blank');
      if (!popup) return 'no popup';
      const w = popup as Window & typeof globalThis;
      let grabbed = false;
      w.addEventListener(
        'govpost-guard:port',
        (e) => {
          const port = (e as MessageEvent).ports[0];
          if (!port) return;
          grabbed = true;
          e.preventDefault();
          port.onmessage = (m) => {
            if (m.data?.type === 'held') port.postMessage({ type: 'release', id: m.data.request.id });
          };
        },
        true,
      );
      w.dispatchEvent(new Event('govpost-guard:ready'));
      const status = await w
        .fetch(`${location.origin}${ctx.path}`, { method: 'POST', body: new URLSearchParams({ content: ctx.block }) })
        .then((r) => r.status, String);
      popup.close();
      return { status, grabbed };
    },
  ),
  v('dedicated-worker', 'contexts', 'a dedicated Worker (same-origin script) posts', async (ctx) => {
    const worker = new Worker(`/__attack__/worker.js`);
    return new Promise((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage({ path: ctx.path, body: `content=${encodeURIComponent(ctx.block)}` });
      setTimeout(() => resolve('timeout'), 6000);
    });
  }),
  v('blob-worker', 'contexts', 'a dedicated Worker from a blob: URL posts', async (ctx) => {
    const src = `onmessage = (e) => fetch(e.data.url, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: e.data.body}).then(r => postMessage(r.status), err => postMessage(String(err)));`;
    const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    return new Promise((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage({ url: `${location.origin}${ctx.path}`, body: `content=${encodeURIComponent(ctx.block)}` });
      setTimeout(() => resolve('timeout'), 6000);
    });
  }),
  v('module-worker', 'contexts', 'a module Worker posts', async (ctx) => {
    const worker = new Worker(`/__attack__/module-worker.js`, { type: 'module' });
    return new Promise((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage({ path: ctx.path, body: `content=${encodeURIComponent(ctx.block)}` });
      setTimeout(() => resolve('timeout'), 6000);
    });
  }),
  v('nested-worker', 'contexts', 'a Worker started from inside a Worker posts', async (ctx) => {
    const worker = new Worker(`/__attack__/nesting-worker.js`);
    return new Promise((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage({ path: ctx.path, body: `content=${encodeURIComponent(ctx.block)}` });
      setTimeout(() => resolve('timeout'), 8000);
    });
  }),
  v('service-worker', 'contexts', 'a ServiceWorker the page registers posts', async (ctx) => {
    const registration = await navigator.serviceWorker.register('/__attack__/sw.js');
    const sw = registration.installing ?? registration.waiting ?? registration.active;
    await new Promise<void>((resolve) => {
      if (sw?.state === 'activated') resolve();
      sw?.addEventListener('statechange', () => sw.state === 'activated' && resolve());
    });
    return new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data));
      sw!.postMessage({ path: ctx.path, body: `content=${encodeURIComponent(ctx.block)}` });
      setTimeout(() => resolve('timeout'), 6000);
    });
  }),
  v('form-submit', 'contexts', 'a <form method=post> submitted into a hidden frame', async (ctx) => {
    const frame = document.createElement('iframe');
    frame.name = 'attack-target';
    document.body.append(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = ctx.path;
    form.target = 'attack-target';
    const input = document.createElement('input');
    input.name = 'content';
    input.value = ctx.block;
    form.append(input);
    document.body.append(form);
    const loaded = new Promise((resolve) => (frame.onload = () => resolve('loaded')));
    form.submit();
    return Promise.race([loaded, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
  }),

  // ── spellings of the endpoint that a server still routes ──────────────────────────────────
  ...(
    [
      ['path-upper-case', '/ajax/statuses/UPDATE'],
      ['path-double-slash', 'https://weibo.com//ajax//statuses/update'],
      ['path-percent-encoded', '/ajax/statuses/%75pdate'],
      ['path-encoded-slash', '/ajax%2Fstatuses%2Fupdate'],
      ['path-dot-segment', '/ajax/statuses/x/%2e%2e/update'],
      ['path-parameter', '/ajax/statuses/update;jsessionid=1'],
      ['path-suffix', '/ajax/statuses/update.json'],
      ['path-trailing-slashes', '/ajax/statuses/update//'],
      ['host-www', 'https://www.weibo.com/ajax/statuses/update'],
      ['host-trailing-dot', 'https://weibo.com./ajax/statuses/update'],
      ['host-upper-case', 'https://WEIBO.COM/ajax/statuses/update'],
    ] as const
  ).map(([id, target]) =>
    v(
      id,
      'addresses',
      `POST ${target}${target.startsWith('https:') ? ' from weibo.com' : ''}`,
      async (ctx) =>
        fetch(ctx.arg!, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `content=${encodeURIComponent(ctx.block)}`,
        }).then(
          (r) => r.status,
          (e) => String(e),
        ),
      { arg: target, ...(target.startsWith('https:') ? { origins: [new URL(target).origin] } : {}) },
    ),
  ),
];

/** Scripts the worker variants load from the replica's origin. */
export const ATTACK_SCRIPTS: Record<string, string> = {
  'worker.js': `onmessage = (e) => fetch(e.data.path, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: e.data.body}).then(r => postMessage(r.status), err => postMessage(String(err)));`,
  'module-worker.js': `self.onmessage = (e) => fetch(e.data.path, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: e.data.body}).then(r => postMessage(r.status), err => postMessage(String(err)));`,
  'nesting-worker.js': `onmessage = (e) => { try { const inner = new Worker('/__attack__/worker.js'); inner.onmessage = (m) => postMessage(m.data); inner.onerror = (err) => postMessage('inner error ' + err.message); inner.postMessage(e.data); } catch (err) { postMessage(String(err)); } };`,
  'sw.js': `self.addEventListener('install', () => self.skipWaiting()); self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim())); self.addEventListener('message', (e) => { fetch(e.data.path, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: e.data.body}).then(r => e.source.postMessage(r.status), err => e.source.postMessage(String(err))); });`,
};
