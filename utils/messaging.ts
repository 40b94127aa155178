/**
 * Typed request/response messaging over `runtime.sendMessage`. A request is
 * `{ govpost: name, data }`; an answer is `{ ok: true, value }` or `{ ok: false, error }`, so an
 * error thrown by a handler reaches the caller as a rejected promise with the same message.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { within } from './bounded';
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

/**
 * How long a caller waits for the background. The guard's own calls on a platform page are
 * short (a publish must end in the post going or an error panel within seconds); the extension's
 * pages wait longer (pack status, imports and fetches, a large log's status).
 */
const MESSAGE_TIMEOUT_MS = 30_000;
const GUARD: Partial<Record<Method, number>> = {
  getActivePack: 3000,
  getSettings: 5000,
  // A write-ahead entry: the background hashes and stores it; a cold service worker starts first.
  logAttempt: 4000,
  completeAttempt: 4000,
  reportAdapterProblem: 4000,
  reportTabStatus: 4000,
  setEditorIdentity: 4000,
  getLastReview: 4000,
};
const LONG: Partial<Record<Method, number>> = { importPack: 60_000, checkPackUpdate: 60_000 };

export async function sendMessage<K extends Method>(method: K, data: Request<K>): Promise<Answer<K>> {
  const timeoutMs = GUARD[method] ?? LONG[method] ?? MESSAGE_TIMEOUT_MS;
  const sent = browser.runtime.sendMessage<Envelope, Reply | undefined>({ govpost: method, data });
  const reply = await within(sent, timeoutMs, `后台对「${method}」`);
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
