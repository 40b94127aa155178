/**
 * The second line: runs in the page's MAIN world at document_start, before any page script, and
 * wraps fetch, XMLHttpRequest and sendBeacon. A request to a publish endpoint the adapter declared
 * is held until the guard (isolated world) answers over the private port (see ../bridge.ts);
 * every other request, autosave included, passes untouched. Without an answer the request stays
 * held and the gate says so on the page (fail closed); a refused request gets the platform's own
 * error answer, so the page shows an error instead of hanging.
 */
import type { Account } from '../adapter';
import { PORT_EVENT, READY_EVENT, untilPageScripts, type GateMessage, type GuardMessage } from '../bridge';
import { matchEndpoint, type EndpointRule, type HeldRequest } from '../endpoints';
import { readBody } from './body';
import { hideGateNotice, showGateNotice } from './notice';

export interface MainWorldSpec {
  endpoints: readonly EndpointRule[];
  /** The logged-in account from page globals only the MAIN world sees ($CONFIG, Vue roots, wx). */
  identity?(): Account | undefined;
  /** The JSON a refused request answers with (HTTP 200), in the platform's own error shape. */
  rejection(message: string): unknown;
}

/** How long the guard has to acknowledge a held request before the gate tells the editor. */
export const ACK_MS = 1000;
/** How long a request stays held without any answer before it is refused. */
export const GIVE_UP_MS = 60_000;

const NOT_READY = '政务新媒体发布守卫未就绪，已拦截本次发布请求。请刷新页面后重试。';
const NO_ANSWER = '政务新媒体发布守卫暂未响应，本次发布请求已暂停，等待检查结果……';

export function installMainWorld(spec: MainWorldSpec): void {
  // Taken now, before any page script can replace them; called later with .call() on the page's
  // own request objects.
  /* eslint-disable @typescript-eslint/unbound-method -- see above: kept unbound on purpose */
  const originalFetch = window.fetch;
  const xhrOpen = XMLHttpRequest.prototype.open;
  const xhrSend = XMLHttpRequest.prototype.send;
  /* eslint-enable @typescript-eslint/unbound-method */
  const beacon = navigator.sendBeacon?.bind(navigator);
  const channel = new MessageChannel();
  const port = channel.port1;
  let connected = false;
  let closed = false;
  let seq = 0;
  const waiting = new Map<
    string,
    { settle: (ok: boolean, message?: string) => void; acked: boolean; ackTimer: number }
  >();
  const hideIfAllAcked = () => {
    if ([...waiting.values()].every((w) => w.acked)) hideGateNotice();
  };

  // --- handshake (see ../bridge.ts) ---
  // The guard runs in the top frame only. A frame's gate must not offer its port at all: a
  // script-made blank frame runs it while the page's own script is still running, which could
  // take the port. Such frames refuse publish requests (fail closed).
  let offering = window === window.top;
  const offer = () => {
    if (connected || !offering) return;
    const taken = !window.dispatchEvent(new MessageEvent(PORT_EVENT, { cancelable: true, ports: [channel.port2] }));
    if (taken) {
      connected = true;
      window.removeEventListener(READY_EVENT, offer, true);
    }
  };
  window.addEventListener(READY_EVENT, offer, true);
  offer();
  // Only the guard, injected at document_start before any page script, may take the port; once a
  // page script could ask for it, the offer ends (without a guard, publishing fails closed).
  untilPageScripts(() => {
    offering = false;
    window.removeEventListener(READY_EVENT, offer, true);
  });

  port.onmessage = (e: MessageEvent<GuardMessage>) => {
    const msg = e.data;
    switch (msg.type) {
      case 'ack': {
        const w = waiting.get(msg.id);
        if (w) {
          w.acked = true;
          clearTimeout(w.ackTimer);
        }
        hideIfAllAcked();
        break;
      }
      case 'release':
      case 'reject':
        waiting.get(msg.id)?.settle(msg.type === 'release', msg.type === 'reject' ? msg.message : undefined);
        break;
      case 'identity?': {
        let account: Account | undefined;
        try {
          account = spec.identity?.();
        } catch {
          account = undefined;
        }
        port.postMessage({ type: 'identity', id: msg.id, account } satisfies GateMessage);
        break;
      }
      case 'bye':
        closed = true;
        for (const w of waiting.values()) w.settle(false, NOT_READY);
        break;
      case 'hello':
        break;
    }
  };

  /** Holds a publish request until the guard answers: true to send it, false to refuse it. */
  const hold = (request: Omit<HeldRequest, 'id'>): Promise<{ ok: boolean; message: string }> =>
    new Promise((resolve) => {
      if (!connected || closed) {
        showGateNotice(NOT_READY);
        resolve({ ok: false, message: NOT_READY });
        return;
      }
      const id = `r${++seq}`;
      const giveUp = window.setTimeout(() => settle(false, NOT_READY), GIVE_UP_MS);
      const settle = (ok: boolean, message = '') => {
        clearTimeout(giveUp);
        const w = waiting.get(id);
        if (w) clearTimeout(w.ackTimer);
        waiting.delete(id);
        if (!ok && message === NOT_READY) showGateNotice(NOT_READY);
        else hideIfAllAcked();
        resolve({ ok, message });
      };
      const ackTimer = window.setTimeout(() => showGateNotice(NO_ANSWER), ACK_MS);
      waiting.set(id, { settle, acked: false, ackTimer });
      port.postMessage({ type: 'held', request: { ...request, id } } satisfies GateMessage);
    });

  // A blank or srcdoc frame resolves URLs against its creator's base and shares its origin, so
  // neither is read from `location` (which says about:blank there).
  const resolve = (url: string | URL) => new URL(String(url), document.baseURI);
  const pageHost = () => new URL(document.baseURI).host;
  const ruleFor = (method: string, url: URL) => {
    const rule = matchEndpoint(spec.endpoints, method, url, pageHost());
    return rule?.role === 'publish' ? rule : undefined;
  };
  const describe = (
    rule: EndpointRule,
    method: string,
    url: URL,
    fields: Record<string, string> | null,
    via: HeldRequest['via'],
  ) => ({
    endpoint: rule.id,
    method: method.toUpperCase(),
    url: url.href,
    // An unreadable body is sent as no fields plus a marker; the guard treats it as a check failure.
    fields: fields ?? { '': '\u0000unreadable' },
    query: Object.fromEntries(url.searchParams),
    via,
  });
  const rejectionJson = (message: string) => JSON.stringify(spec.rejection(message));

  // --- fetch ---
  window.fetch = function guardedFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : null;
    const method = init?.method ?? request?.method ?? 'GET';
    let url: URL;
    try {
      url = resolve(input instanceof Request ? input.url : String(input));
    } catch {
      return originalFetch.call(this, input, init);
    }
    const rule = ruleFor(method, url);
    if (!rule) return originalFetch.call(this, input, init);
    return (async () => {
      const body = init?.body !== undefined ? init.body : request ? await request.clone().text() : null;
      const answer = await hold(describe(rule, method, url, await readBody(body).catch(() => null), 'fetch'));
      if (answer.ok) return originalFetch.call(this, input, init);
      return new Response(rejectionJson(answer.message), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    })();
  };

  // --- XMLHttpRequest ---
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: URL | null; async: boolean }>();
  XMLHttpRequest.prototype.open = function guardedOpen(
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    let parsed: URL | null;
    try {
      parsed = resolve(url);
    } catch {
      parsed = null;
    }
    opened.set(this, { method, url: parsed, async: rest.length === 0 || rest[0] !== false });
    return (xhrOpen as (...a: unknown[]) => void).call(this, method, url, ...rest);
  };

  XMLHttpRequest.prototype.send = function guardedSend(
    this: XMLHttpRequest,
    body?: Document | XMLHttpRequestBodyInit | null,
  ) {
    const state = opened.get(this);
    const rule = state?.url ? ruleFor(state.method, state.url) : undefined;
    if (!state || !state.url || !rule) return xhrSend.call(this, body);
    const refuse = (message: string) => {
      // Answer with the platform's error shape from a local blob, so the page's own handlers run.
      const blob = URL.createObjectURL(new Blob([rejectionJson(message)], { type: 'application/json' }));
      xhrOpen.call(this, 'GET', blob, true);
      xhrSend.call(this);
      setTimeout(() => URL.revokeObjectURL(blob), 30_000);
    };
    if (!state.async) {
      // A synchronous request cannot wait for the editor: refuse it (fail closed).
      showGateNotice(NOT_READY);
      throw new DOMException('发布请求已被合规守卫拦截', 'NetworkError');
    }
    const url = state.url;
    void readBody(body instanceof Document ? null : body)
      .catch(() => null)
      .then((fields) => hold(describe(rule, state.method, url, fields, 'xhr')))
      .then((answer) => (answer.ok ? xhrSend.call(this, body) : refuse(answer.message)));
  };

  // --- sendBeacon: answers "queued" at once and sends only after approval ---
  if (beacon) {
    navigator.sendBeacon = function guardedBeacon(url: string | URL, data?: BodyInit | null): boolean {
      let parsed: URL;
      try {
        parsed = resolve(url);
      } catch {
        return beacon(url, data);
      }
      const rule = ruleFor('POST', parsed);
      if (!rule) return beacon(url, data);
      void readBody(data)
        .catch(() => null)
        .then((fields) => hold(describe(rule, 'POST', parsed, fields, 'beacon')))
        .then((answer) => answer.ok && beacon(url, data));
      return true;
    };
  }
}
