/**
 * The gate inside a page's dedicated workers. A worker has no guard to ask and its requests
 * carry the page's tab and origin, so the browser's declarative rules cannot tell them from the
 * page's own (shared and service workers can be told apart; see guard/network-floor.ts). The page's
 * gate therefore starts every dedicated worker from a small script that installs this gate
 * first and then loads the worker's own script: a worker may use the network freely, except
 * that a request to a publish endpoint is refused with the platform's error answer.
 *
 * The worker then runs from a `blob:` address, so the gate resolves relative addresses against
 * the worker's real one (fetch, Request, XMLHttpRequest, importScripts, nested workers).
 *
 * `workerGate` is self-contained: it is installed as source text, with the sources of
 * `captureNatives` and `makeClassifier` and the rules as its arguments.
 */
import type { Classifier, EndpointRule } from '../net/classify';
import type { Natives } from '../net/natives';

/**
 * The arguments to construct the native Worker with: the address to start it from — the gate
 * (`prelude`, called with the worker's real address) first, then the worker's own script — and
 * the options as a null-prototype record. A module worker imports both statically, in that order,
 * so that its messages wait until its own script has run, as they would without the gate.
 * Self-contained, like workerGate.
 */
export function workerStart(n: Natives, prelude: string, href: string, options: unknown): [string, unknown] {
  'use strict';
  const o = (options === undefined || options === null ? n.create(null) : options) as WorkerOptions;
  const type = o.type === undefined ? 'classic' : n.String(o.type);
  const name = o.name === undefined ? '' : n.String(o.name);
  const credentials = o.credentials === undefined ? 'same-origin' : n.String(o.credentials);
  const blob = (source: string) =>
    n.createObjectURL(new n.Blob(n.sequence([source]), n.record({ type: 'text/javascript' })));
  const gate = prelude + '(' + n.stringify(href) + ');\n';
  const url =
    type === 'module'
      ? blob('import ' + n.stringify(blob(gate)) + ';\nimport ' + n.stringify(href) + ';\n')
      : blob(gate + 'importScripts(' + n.stringify(href) + ');');
  return [url, n.record({ type, name, credentials })];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the worker's globals are replaced as plain values */
export function workerGate(
  n: Natives,
  makeClassifier: (rules: readonly EndpointRule[], n: Natives) => Classifier,
  startFrom: typeof workerStart,
  rules: readonly EndpointRule[],
  rejection: string,
  base: string,
  prelude: string,
): void {
  'use strict';
  const g = n.global;
  const classifier = makeClassifier(rules, n);
  const resolve = (u: unknown): string => n.urlHref(new n.URL(n.String(u), base));
  const refused = (url: string) => {
    const verdict = classifier.match(url, null);
    return verdict !== null && (typeof verdict === 'string' || verdict.role === 'publish');
  };
  const answer = () =>
    new n.Response(
      rejection,
      n.record({ status: 200, headers: n.record({ 'content-type': 'application/json; charset=utf-8' }) }),
    );
  const isRequest = (v: unknown) => {
    try {
      n.requestUrl(v);
      return true;
    } catch {
      return false;
    }
  };
  const define = (name: string, value: unknown) =>
    n.defineProperty(g, name, n.record({ value, writable: true, configurable: true, enumerable: false }));

  const NativeRequest = n.Request;
  const request = function Request(this: unknown, input: unknown, init?: unknown) {
    if (new.target === undefined) throw new n.TypeError("Failed to construct 'Request': use new");
    return n.construct(NativeRequest, [isRequest(input) ? input : resolve(input), init], new.target);
  };
  request.prototype = NativeRequest.prototype;
  define('Request', request);

  if (n.fetch) {
    const nativeFetch = n.fetch;
    define('fetch', function fetch(input: unknown, init?: unknown) {
      let req: unknown;
      try {
        req = new NativeRequest(isRequest(input) ? input : resolve(input), init);
      } catch (e) {
        return n.promiseReject(e);
      }
      if (refused(n.requestUrl(req))) return n.Promise.resolve(answer());
      return n.apply(nativeFetch, g, [req]);
    });
  }

  if (n.XMLHttpRequest && n.xhrOpen && n.xhrSend) {
    const xhrOpen = n.xhrOpen;
    const xhrSend = n.xhrSend;
    const blocked = new n.WeakMap();
    const proto = n.XMLHttpRequest.prototype;
    n.defineProperty(
      proto,
      'open',
      n.record({
        value: function open(this: XMLHttpRequest, method: unknown, url: unknown, ...rest: unknown[]) {
          const abs = resolve(url);
          n.weakMapSet(blocked, this, refused(abs));
          const args: unknown[] = [n.String(method), abs];
          for (let i = 0; i < rest.length; i++)
            n.defineProperty(
              args,
              i + 2,
              n.record({ value: rest[i], writable: true, enumerable: true, configurable: true }),
            );
          return n.apply(xhrOpen, this, args);
        },
        writable: true,
        configurable: true,
      }),
    );
    n.defineProperty(
      proto,
      'send',
      n.record({
        value: function send(this: XMLHttpRequest, body?: unknown) {
          if (!n.weakMapGet(blocked, this)) return n.apply(xhrSend, this, [body]);
          const url = n.createObjectURL(new n.Blob(n.sequence([rejection]), n.record({ type: 'application/json' })));
          n.apply(xhrOpen, this, ['GET', url, true]);
          n.apply(xhrSend, this, []);
          n.setTimeout(() => n.revokeObjectURL(url), 30_000);
        },
        writable: true,
        configurable: true,
      }),
    );
  }

  if (n.importScripts) {
    const nativeImport = n.importScripts;
    define('importScripts', function importScripts(...urls: unknown[]) {
      const resolved: string[] = [];
      for (let i = 0; i < urls.length; i++)
        n.defineProperty(
          resolved,
          i,
          n.record({ value: resolve(urls[i]), writable: true, enumerable: true, configurable: true }),
        );
      return n.apply(nativeImport, g, resolved);
    });
  }

  if (n.Worker) {
    const NativeWorker = n.Worker;
    const worker = function Worker(this: unknown, url: unknown, options?: any) {
      if (new.target === undefined) throw new n.TypeError("Failed to construct 'Worker': use new");
      const href = resolve(url);
      return n.construct(NativeWorker, startFrom(n, prelude, href, options), new.target);
    };
    worker.prototype = NativeWorker.prototype;
    define('Worker', worker);
  }
}
