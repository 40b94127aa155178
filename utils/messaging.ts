/**
 * Typed request/response messaging over `runtime.sendMessage`. A request is
 * `{ govpost: name, data }`; an answer is `{ ok: true, value }` or `{ ok: false, error }`, so an
 * error thrown by a handler reaches the caller as a rejected promise with the same message.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { classifySender } from './callers';
import { ACCESS, type CallerKind, type Protocol } from './protocol';

export type Method = keyof Protocol;
export type Request<K extends Method> = Parameters<Protocol[K]>[0];
export type Answer<K extends Method> = Awaited<ReturnType<Protocol[K]>>;

interface Envelope {
  govpost: Method;
  data: unknown;
}
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export async function sendMessage<K extends Method>(method: K, data: Request<K>): Promise<Answer<K>> {
  const reply = await browser.runtime.sendMessage<Envelope, Reply | undefined>({ govpost: method, data });
  if (!reply) throw new Error(`后台没有响应「${method}」`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as Answer<K>;
}

export type Handlers = {
  [K in Method]: (
    data: Request<K>,
    caller: { kind: CallerKind; sender: Runtime.MessageSender },
  ) => Answer<K> | Promise<Answer<K>>;
};

/** Classifies a sender: this extension's own pages, or its content scripts on the guarded sites. */
export function callerKind(sender: Runtime.MessageSender): CallerKind | null {
  return classifySender(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).govpost === 'string';
}

/** Serves the protocol in the background. Unknown methods and unauthorised callers are refused. */
export function serveProtocol(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    const method = message.govpost;
    const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
    if (!handler) return Promise.resolve({ ok: false, error: `未知的请求「${String(method)}」` } satisfies Reply);
    const kind = callerKind(sender);
    if (!kind || !ACCESS[method].includes(kind)) {
      return Promise.resolve({
        ok: false,
        error: `拒绝来自 ${sender.url ?? '未知来源'} 的「${method}」请求`,
      } satisfies Reply);
    }
    return Promise.resolve()
      .then(() => handler(message.data as never, { kind, sender }))
      .then(
        (value): Reply => ({ ok: true, value }),
        (e: unknown): Reply => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
  });
}
