/**
 * The second line: runs in the page's MAIN world at document_start, before any page script, and
 * wraps fetch, XMLHttpRequest, sendBeacon, fetchLater and Worker.
 *
 * A request is taken exactly once, the way the browser itself takes it (`new Request(input,
 * init)` for fetch; the XHR's arguments converted once), into objects no page script can reach:
 * method, absolute URL, headers and the body's bytes. When it goes to a publish endpoint
 * (../net/classify.ts), that snapshot is handed to the guard over the private port
 * (../bridge.ts) and held until the guard answers; what is then sent is that snapshot — the same
 * bytes the guard checked — never the page's objects again. Every other request is sent as
 * taken. Without an answer a request stays held and the gate says so on the page (fail closed);
 * a refused request gets the platform's own error answer, so the page shows an error.
 *
 * Everything the gate calls after installing is a built-in taken at install (../net/natives.ts).
 * Frames have no guard: there, and in the page's workers (worker-gate.ts), publish requests are
 * refused. Requests to another platform's publish endpoints are refused too: no guard for them here.
 */
import type { Account } from '../adapter';
import { PORT_EVENT, READY_EVENT, untilPageScripts, type RequestSnapshot } from '../bridge';
import { AMBIGUOUS, makeClassifier, type EndpointRule, type Param } from '../net/classify';
import { captureNatives, type Natives } from '../net/natives';
import { gateNotice } from './notice';
import { workerGate, workerStart } from './worker-gate';

export interface MainWorldSpec {
  /** This platform's endpoints: publish requests are held for the guard. */
  endpoints: readonly EndpointRule[];
  /** Other platforms' endpoints: publish requests to them are refused here. */
  elsewhere?: readonly EndpointRule[];
  /** The logged-in account from page globals only the MAIN world sees ($CONFIG, Vue roots, wx). */
  identity?(n: Natives): Account | undefined;
  /** The JSON a refused request answers with (HTTP 200), in the platform's own error shape. */
  rejection(message: string): unknown;
}

/** How long the guard has to acknowledge a held request before the gate tells the editor. */
export const ACK_MS = 1000;
/** How long a request stays held without any answer before it is refused. */
export const GIVE_UP_MS = 60_000;

const NOT_READY = '政务新媒体发布守卫未就绪，已拦截本次发布请求。请刷新页面后重试。';
const NO_ANSWER = '政务新媒体发布守卫暂未响应，本次发布请求已暂停，等待检查结果……';
const NO_GUARD_HERE = '此处没有发布守卫（子框架、弹出窗口或其他平台的发布接口），发布请求已被拦截。';
const IN_WORKER = '发布请求来自页面的后台线程（Worker），无法检查，已被政务新媒体发布守卫拦截。';
const NO_DEFER = '发布请求不能延迟发送（fetchLater），已被政务新媒体发布守卫拦截。';
/** Where a body is parked to be measured: never fetched. */
const SNAP_URL = 'https://snapshot.invalid/';

interface Snapshot {
  method: string;
  url: string;
  headers: string;
  body: Uint8Array | null;
}

export function installMainWorld(spec: MainWorldSpec): void {
  const n = captureNatives(window);
  const g = n.global as Window & typeof globalThis;
  const own = makeClassifier(spec.endpoints, n);
  const elsewhere = makeClassifier(spec.elsewhere ?? [], n);
  const notice = gateNotice(n);

  /** A plain JSON text from the adapter's object, read through null prototypes only. */
  const nullCopy = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const out = n.isArray(v) ? [] : n.create(null);
    const keys = n.ownKeys(v);
    // Walked by index (the page owns Array.prototype's iterator), inside the list's length.
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      n.defineProperty(
        out,
        key,
        n.record({
          value: nullCopy((v as Record<PropertyKey, unknown>)[key as string]),
          enumerable: true,
          writable: true,
          configurable: true,
        }),
      );
    }
    return out;
  };
  const rejectionText = (message: string): string => n.stringify(nullCopy(spec.rejection(message)));
  const jsonHeaders = () => n.record({ 'content-type': 'application/json; charset=utf-8' });
  const refusalResponse = (message: string) =>
    new n.Response(rejectionText(message), n.record({ status: 200, headers: jsonHeaders() }));

  // --- the private channel (see ../bridge.ts) ------------------------------------------------
  const channel = new n.MessageChannel();
  const port = channel.port1;
  let connected = false;
  let closed = false;
  let seq = 0;
  let unacked = 0;
  interface Waiting {
    acked: boolean;
    ackTimer: number;
    giveUp: number;
    done: (ok: boolean, message: string) => void;
  }
  const waiting: Record<string, Waiting> = n.create(null);

  // The guard runs in the top frame of an https page only. A frame's or a popup's gate must not
  // offer its port at all: a script-made blank frame or `window.open('')` runs it while the
  // opener's script is still running, which could take the port and answer for the guard.
  // Such contexts refuse publish requests (fail closed).
  let offering = n.isTop() && n.slice(n.locationHref(), 0, 6) === 'https:';
  const offer = () => {
    if (connected || !offering) return;
    const event = new n.MessageEvent(PORT_EVENT, n.record({ cancelable: true, ports: n.sequence([channel.port2]) }));
    if (!n.dispatchEvent(g, event)) {
      connected = true;
      n.removeEventListener(g, READY_EVENT, offer, true);
    }
  };
  n.addEventListener(g, READY_EVENT, offer, true);
  offer();
  // Only the guard, injected at document_start before any page script, may take the port; once a
  // page script could ask for it, the offer ends (without a guard, publishing fails closed).
  untilPageScripts(() => {
    offering = false;
    n.removeEventListener(g, READY_EVENT, offer, true);
  });

  const settle = (id: string, ok: boolean, message: string) => {
    const w = waiting[id];
    if (!w) return;
    delete waiting[id];
    n.clearTimeout(w.giveUp);
    n.clearTimeout(w.ackTimer);
    if (!w.acked) unacked--;
    if (!ok && message === NOT_READY) notice.show(NOT_READY);
    else if (unacked === 0) notice.hide();
    w.done(ok, message);
  };
  const post = (message: unknown) => n.portPostMessage!(port, message);

  n.addEventListener(port, 'message', (e: MessageEvent) => {
    const msg = n.messageData!(e) as { type: string; id: string | number; message: string };
    if (msg === null || typeof msg !== 'object') return;
    const type = msg.type;
    if (type === 'ack') {
      const w = waiting[msg.id as string];
      if (w && !w.acked) {
        w.acked = true;
        unacked--;
        n.clearTimeout(w.ackTimer);
      }
      if (unacked === 0) notice.hide();
    } else if (type === 'release' || type === 'reject') {
      settle(msg.id as string, type === 'release', type === 'reject' ? n.String(msg.message) : '');
    } else if (type === 'identity?') {
      let account: Account | undefined;
      try {
        account = spec.identity?.(n);
      } catch {
        account = undefined;
      }
      post(n.record({ type: 'identity', id: msg.id, account: account ? nullCopy(account) : undefined }));
    } else if (type === 'bye') {
      closed = true;
      const ids = n.ownKeys(waiting) as string[];
      for (let i = 0; i < ids.length; i++) settle(ids[i]!, false, NOT_READY);
    }
  });
  // Installing time: no page script has run, so the port's own method is still the browser's.
  (port as MessagePort).start();

  /** Holds a snapshot until the guard answers: `done(true)` to send it, `done(false, why)` to refuse. */
  const hold = (snap: Snapshot, endpoint: string | null, via: RequestSnapshot['via'], done: Waiting['done']) => {
    if (!connected || closed) {
      notice.show(NOT_READY);
      done(false, NOT_READY);
      return;
    }
    const id = 'r' + ++seq;
    const w: Waiting = n.create(null);
    w.acked = false;
    w.done = done;
    w.ackTimer = n.setTimeout(() => notice.show(NO_ANSWER), ACK_MS);
    w.giveUp = n.setTimeout(() => settle(id, false, NOT_READY), GIVE_UP_MS);
    waiting[id] = w;
    unacked++;
    const request = n.record({
      id,
      endpoint,
      method: snap.method,
      url: snap.url,
      headers: snap.headers,
      body: snap.body,
      via,
    });
    post(n.record({ type: 'held', request }));
  };

  // --- reading a request once ------------------------------------------------------------------
  const headerText = (headers: unknown): string => {
    let text = '';
    n.headersForEach(headers, (value: string, name: string) => {
      text += name + ': ' + value + '\n';
    });
    return text;
  };
  const headerValue = (text: string, wanted: string): string | null => {
    let at = 0;
    while (at < text.length) {
      let end = n.indexOf(text, '\n', at);
      if (end < 0) end = text.length;
      const line = n.slice(text, at, end);
      const colon = n.indexOf(line, ':');
      if (colon > 0 && n.toLowerCase(n.slice(line, 0, colon)) === wanted) return n.slice(line, colon + 2);
      at = end + 1;
    }
    return null;
  };
  /** The form parameters of a body the MAIN world can read (form or plain text), else null. */
  const bodyParams = (snap: Snapshot): Param[] | null => {
    if (snap.body === null) return [];
    const type = headerValue(snap.headers, 'content-type');
    const essence =
      type === null
        ? ''
        : n.toLowerCase(n.slice(type, 0, n.indexOf(type, ';') < 0 ? type.length : n.indexOf(type, ';')));
    if (essence !== '' && essence !== 'application/x-www-form-urlencoded' && essence !== 'text/plain') return null;
    return own.form(n.decodeUtf8(snap.body));
  };
  /** Reads the body of a Request only this gate holds, then calls back (no page code runs). */
  const readBody = (holder: unknown, done: (body: Uint8Array | null) => void, failed: (e: unknown) => void) => {
    if (n.requestBody && n.requestBody(holder) === null) {
      done(null);
      return;
    }
    // Without Request.body (Firefox) a request with no body reads as no bytes: sent as none.
    const bodyless = !n.requestBody;
    n.promiseThen(
      n.requestArrayBuffer(holder),
      (buffer: ArrayBuffer) => done(bodyless && n.bufferByteLength(buffer) === 0 ? null : new n.Uint8Array(buffer)),
      failed,
    );
  };

  type Decision = 'send' | 'hold' | 'refuse-here';
  /** What to do with a request once its body is known. */
  const decide = (snap: Snapshot): { decision: Decision; endpoint: string | null } => {
    const params = bodyParams(snap);
    const foreign = elsewhere.match(snap.url, params);
    if (foreign !== null && (foreign === AMBIGUOUS || foreign.role === 'publish'))
      return { decision: 'refuse-here', endpoint: null };
    const mine = own.match(snap.url, params);
    if (mine === null || (mine !== AMBIGUOUS && mine.role !== 'publish')) return { decision: 'send', endpoint: null };
    return { decision: 'hold', endpoint: mine === AMBIGUOUS ? null : mine.id };
  };
  const guarded = (url: string) => own.guarded(url) || elsewhere.guarded(url);

  // --- fetch -----------------------------------------------------------------------------------
  const nativeFetch = n.fetch!;
  const sendFetch = (request: unknown) => n.apply(nativeFetch, g, [request]);
  n.defineProperty(
    g,
    'fetch',
    n.record({
      value: function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
        let req: Request;
        try {
          req = new n.Request(input, init);
        } catch (e) {
          return n.promiseReject(e);
        }
        const url = n.requestUrl(req);
        if (!guarded(url)) return sendFetch(req);
        return new n.Promise((resolve: (r: unknown) => void, reject: (e: unknown) => void) => {
          const fail = (e: unknown) => reject(e);
          readBody(
            req,
            (body) => {
              const snap: Snapshot = n.create(null);
              snap.method = n.requestMethod(req);
              snap.url = url;
              snap.headers = headerText(n.requestHeaders(req));
              snap.body = body;
              // What goes is the snapshot: the request's own body has been read and is gone.
              const go = () => {
                const outgoing = new n.Request(req, n.record(body === null ? {} : { body }));
                n.promiseThen(sendFetch(outgoing), resolve, reject);
              };
              const { decision, endpoint } = decide(snap);
              if (decision === 'send') return go();
              if (decision === 'refuse-here') return resolve(refusalResponse(NO_GUARD_HERE));
              hold(snap, endpoint, 'fetch', (ok, message) => (ok ? go() : resolve(refusalResponse(message))));
            },
            fail,
          );
        });
      },
      writable: true,
      configurable: true,
      enumerable: true,
    }),
  );

  // --- XMLHttpRequest --------------------------------------------------------------------------
  if (n.XMLHttpRequest) {
    const xhrOpen = n.xhrOpen!;
    const xhrSend = n.xhrSend!;
    const xhrSetHeader = n.xhrSetRequestHeader!;
    const xhrAbort = n.xhrAbort!;
    interface XhrState {
      method: string;
      url: string;
      async: boolean;
      user: string | null | undefined;
      password: string | null | undefined;
      argc: number;
      headers: string;
      held: boolean;
      generation: number;
    }
    const states = new n.WeakMap();
    const state = (xhr: unknown) => n.weakMapGet(states, xhr) as XhrState | undefined;
    const invalid = () => new n.DOMException('请求已发出，不能再修改', 'InvalidStateError');
    const openArgs = (s: XhrState, method: string, url: string) => {
      const args: unknown[] = [method, url];
      if (s.argc >= 3)
        n.defineProperty(args, 2, n.record({ value: s.async, enumerable: true, writable: true, configurable: true }));
      if (s.argc >= 4)
        n.defineProperty(args, 3, n.record({ value: s.user, enumerable: true, writable: true, configurable: true }));
      if (s.argc >= 5)
        n.defineProperty(
          args,
          4,
          n.record({ value: s.password, enumerable: true, writable: true, configurable: true }),
        );
      return args;
    };
    const define = (name: string, value: unknown) =>
      n.defineProperty(
        n.XMLHttpRequest.prototype,
        name,
        n.record({ value, writable: true, configurable: true, enumerable: true }),
      );

    define('open', function open(this: XMLHttpRequest, method: unknown, url: unknown, ...rest: unknown[]) {
      const previous = state(this);
      if (previous) {
        previous.generation++;
        previous.held = false;
      }
      const s: XhrState = n.create(null);
      s.argc = 2 + rest.length;
      s.method = n.String(method);
      const text = n.String(url);
      let abs = text;
      try {
        abs = n.urlHref(new n.URL(text, n.baseURI ? n.baseURI() : n.locationHref()));
      } catch {
        // The browser's own open() says what is wrong with it.
      }
      s.url = abs;
      s.async = rest.length === 0 ? true : !!rest[0];
      s.user = rest.length > 1 ? (rest[1] === null || rest[1] === undefined ? rest[1] : n.String(rest[1])) : undefined;
      s.password =
        rest.length > 2 ? (rest[2] === null || rest[2] === undefined ? rest[2] : n.String(rest[2])) : undefined;
      s.headers = '';
      s.held = false;
      s.generation = previous ? previous.generation : 0;
      const result = n.apply(xhrOpen, this, openArgs(s, s.method, abs));
      n.weakMapSet(states, this, s);
      return result;
    });

    define('setRequestHeader', function setRequestHeader(this: XMLHttpRequest, name: unknown, value: unknown) {
      const s = state(this);
      if (s && s.held) throw invalid();
      const nm = n.String(name);
      const v = n.String(value);
      n.apply(xhrSetHeader, this, [nm, v]);
      if (s) s.headers += nm + ': ' + v + '\n';
    });

    define('abort', function abort(this: XMLHttpRequest) {
      const s = state(this);
      if (s) {
        s.generation++;
        s.held = false;
      }
      return n.apply(xhrAbort, this, []);
    });

    define('send', function send(this: XMLHttpRequest, body?: unknown) {
      const xhr = this;
      const s = state(xhr);
      if (!s || !guarded(s.url)) return n.apply(xhrSend, xhr, [body]);
      if (s.held) throw invalid();
      if (!s.async) {
        // A synchronous request cannot wait for the editor: refused (fail closed).
        notice.show(NOT_READY);
        throw new n.DOMException('发布请求已被合规守卫拦截', 'NetworkError');
      }
      s.held = true;
      const generation = s.generation;
      const refuse = (message: string) => {
        // The platform's error shape from a local blob, so the page's own handlers run.
        n.promiseThen(
          n.responseBlob(new n.Response(rejectionText(message), n.record({ headers: jsonHeaders() }))),
          (blob: Blob) => {
            if (s.generation !== generation) return;
            s.held = false;
            const url = n.createObjectURL(blob);
            n.apply(xhrOpen, xhr, ['GET', url, true]);
            n.apply(xhrSend, xhr, []);
            n.setTimeout(() => n.revokeObjectURL(url), 30_000);
          },
          () => undefined,
        );
      };
      const withBody = (bytes: Uint8Array | null, type: string | null) => {
        let headers = s.headers;
        if (type !== null) {
          const author = headerValue(headers, 'content-type');
          if (author === null) headers += 'content-type: ' + type + '\n';
        }
        const snap: Snapshot = n.create(null);
        snap.method = n.toUpperCase(s.method);
        snap.url = s.url;
        snap.headers = headers;
        snap.body = bytes;
        const go = () => {
          if (s.generation !== generation) return;
          s.held = false;
          // Opened again exactly as checked: the page's XHR object cannot carry anything else.
          n.apply(xhrOpen, xhr, openArgs(s, s.method, s.url));
          let at = 0;
          while (at < headers.length) {
            const end = n.indexOf(headers, '\n', at);
            const line = n.slice(headers, at, end);
            const colon = n.indexOf(line, ':');
            n.apply(xhrSetHeader, xhr, [n.slice(line, 0, colon), n.slice(line, colon + 2)]);
            at = end + 1;
          }
          n.apply(xhrSend, xhr, [bytes]);
        };
        const { decision, endpoint } = decide(snap);
        if (decision === 'send') return go();
        if (decision === 'refuse-here') return refuse(NO_GUARD_HERE);
        hold(snap, endpoint, 'xhr', (ok, message) => (ok ? go() : refuse(message)));
      };
      // The body as XMLHttpRequest itself would send it.
      const text = (value: string, type: string) => {
        // A text body goes as UTF-8, and XMLHttpRequest rewrites a charset the page set to UTF-8.
        const author = headerValue(s.headers, 'content-type');
        if (author !== null) s.headers = rewriteCharset(n, s.headers, author);
        withBody(n.encodeUtf8(value), type);
      };
      if (body === undefined || body === null) return withBody(null, null);
      if (typeof body === 'string') return text(body, 'text/plain;charset=UTF-8');
      if (n.isDocument(body)) {
        const html = n.isHtmlDocument!(body);
        return text(
          n.serializeToString!(new n.XMLSerializer(), body),
          html ? 'text/html;charset=UTF-8' : 'application/xml;charset=UTF-8',
        );
      }
      if (n.isStream(body)) return text(n.String(body), 'text/plain;charset=UTF-8');
      let holder: Request;
      try {
        holder = new n.Request(SNAP_URL, n.record({ method: 'POST', body }));
      } catch {
        return refuse(NOT_READY);
      }
      readBody(
        holder,
        (bytes) => withBody(bytes, headerValue(headerText(n.requestHeaders(holder)), 'content-type')),
        () => refuse(NOT_READY),
      );
    });
  }

  // --- sendBeacon: answers "queued" at once, and sends the snapshot only after approval --------
  if (n.sendBeacon) {
    const beacon = n.sendBeacon;
    const nav = n.navigator;
    n.defineProperty(
      n.getPrototypeOf(nav as object) as object,
      'sendBeacon',
      n.record({
        value: function sendBeacon(url: unknown, data?: unknown): boolean {
          const text = n.String(url);
          let abs: string;
          try {
            abs = n.urlHref(new n.URL(text, n.baseURI ? n.baseURI() : n.locationHref()));
          } catch {
            return n.apply(beacon, nav, [text, data]);
          }
          if (!guarded(abs)) return n.apply(beacon, nav, [abs, data]);
          let holder: Request;
          try {
            holder = new n.Request(
              SNAP_URL,
              n.record(data === undefined || data === null ? { method: 'POST' } : { method: 'POST', body: data }),
            );
          } catch {
            return false;
          }
          const type = headerValue(headerText(n.requestHeaders(holder)), 'content-type');
          readBody(
            holder,
            (bytes) => {
              const snap: Snapshot = n.create(null);
              snap.method = 'POST';
              snap.url = abs;
              snap.headers = type === null ? '' : 'content-type: ' + type + '\n';
              snap.body = bytes;
              const go = () => {
                const init =
                  bytes === null
                    ? { method: 'POST' }
                    : { method: 'POST', body: bytes, headers: n.record(type === null ? {} : { 'content-type': type }) };
                n.promiseThen(
                  n.requestBlob(new n.Request(SNAP_URL, n.record(init))),
                  (blob: Blob) => n.apply(beacon, nav, [abs, blob]),
                  () => undefined,
                );
              };
              const { decision, endpoint } = decide(snap);
              if (decision === 'send') return go();
              if (decision === 'hold') hold(snap, endpoint, 'beacon', (ok) => ok && go());
            },
            () => undefined,
          );
          return true;
        },
        writable: true,
        configurable: true,
        enumerable: true,
      }),
    );
  }

  // --- fetchLater: a deferred publish request cannot wait for the editor ------------------------
  if (n.fetchLater) {
    const later = n.fetchLater;
    n.defineProperty(
      g,
      'fetchLater',
      n.record({
        value: function fetchLater(input: RequestInfo | URL, init?: { activateAfter?: number }) {
          const req = new n.Request(input, init);
          if (guarded(n.requestUrl(req))) {
            notice.show(NO_DEFER);
            throw new n.DOMException(NO_DEFER, 'NotAllowedError');
          }
          const activateAfter = init === undefined || init === null ? undefined : init.activateAfter;
          return n.apply(later, g, [req, n.record(activateAfter === undefined ? {} : { activateAfter })]);
        },
        writable: true,
        configurable: true,
        enumerable: true,
      }),
    );
  }

  // --- dedicated workers start behind their own gate (worker-gate.ts) ---------------------------
  if (n.Worker) {
    const NativeWorker = n.Worker;
    const rules: EndpointRule[] = [];
    for (let i = 0; i < spec.endpoints.length; i++) rules[rules.length] = spec.endpoints[i]!;
    const others = spec.elsewhere ?? [];
    for (let i = 0; i < others.length; i++) rules[rules.length] = others[i]!;
    const prelude =
      '(function gpgPrelude(base) {"use strict";\n' +
      'const n = (' +
      n.functionSource(captureNatives) +
      ')(self);\n' +
      '(' +
      n.functionSource(workerGate) +
      ')(n, ' +
      n.functionSource(makeClassifier) +
      ', ' +
      n.functionSource(workerStart) +
      ', ' +
      n.stringify(rules) +
      ', ' +
      n.stringify(rejectionText(IN_WORKER)) +
      ', base, "(" + n.functionSource(gpgPrelude) + ")");\n})';
    const pageOrigin = n.urlOrigin(new n.URL(n.locationHref()));
    const worker = function Worker(this: unknown, url: unknown, options?: WorkerOptions) {
      if (new.target === undefined)
        throw new n.TypeError("Failed to construct 'Worker': Please use the 'new' operator.");
      const text = n.String(url);
      let parsed: unknown;
      try {
        parsed = new n.URL(text, n.baseURI ? n.baseURI() : n.locationHref());
      } catch {
        return n.construct(NativeWorker, [text, options], new.target);
      }
      const href = n.urlHref(parsed);
      // data: workers have an opaque origin: their requests are refused by the browser's rules
      // (network-floor.ts); a cross-origin script is refused by the browser itself.
      const protocol = n.urlProtocol(parsed);
      const sameOrigin =
        protocol === 'blob:'
          ? n.slice(href, 5, 5 + pageOrigin.length) === pageOrigin
          : n.urlOrigin(parsed) === pageOrigin;
      if (protocol === 'data:' || !sameOrigin) return n.construct(NativeWorker, [href, options], new.target);
      return n.construct(NativeWorker, workerStart(n, prelude, href, options), new.target);
    };
    worker.prototype = NativeWorker.prototype;
    n.defineProperty(g, 'Worker', n.record({ value: worker, writable: true, configurable: true, enumerable: false }));
  }
}

/** The Content-Type header text with its charset parameter set to UTF-8, as XMLHttpRequest does for text. */
function rewriteCharset(n: Natives, headers: string, author: string): string {
  const lower = n.toLowerCase(author);
  const at = n.indexOf(lower, 'charset=');
  if (at < 0) return headers;
  let end = n.indexOf(author, ';', at);
  if (end < 0) end = author.length;
  const value = n.toLowerCase(n.slice(author, at + 8, end));
  if (value === 'utf-8' || value === '"utf-8"') return headers;
  const rewritten = n.slice(author, 0, at) + 'charset=UTF-8' + n.slice(author, end);
  const line = n.indexOf(headers, author);
  return n.slice(headers, 0, line) + rewritten + n.slice(headers, line + author.length);
}
