/**
 * The private channel between the guard (isolated world) and its network gate (the page's MAIN
 * world). Both scripts run at document_start, before any page script, and hand over one end of a
 * MessageChannel through a synchronous DOM event there. Afterwards they talk only over the port,
 * which the page never sees, so a page script can neither read a verdict nor forge one; the gate
 * reads and answers the port only through built-ins it took before any page script ran
 * (net/natives.ts).
 *
 * Whichever script runs second completes the handshake: the guard listens for the port and
 * announces itself (READY); the gate offers the port at once and again on READY. The guard takes
 * the first port and cancels the offer event, which tells the gate synchronously that its port is
 * taken, so the gate never offers it again. Both stop offering and listening once a page script
 * could run (`untilPageScripts`): from then on only page scripts could answer.
 */
import type { Account } from './adapter';

/** MessageEvent (cancelable) carrying the port, dispatched by the gate on `window`. */
export const PORT_EVENT = 'govpost-guard:port';
/** Plain event dispatched by the guard on `window` once it listens for the port. */
export const READY_EVENT = 'govpost-guard:ready';

/** A request as the gate took it, once, before anything was sent: what the guard checks is what goes. */
export interface RequestSnapshot {
  /** Unique per request within the page. */
  id: string;
  /** The rule the gate matched, or null when the guard must decide (the body tells). */
  endpoint: string | null;
  method: string;
  /** Absolute URL. */
  url: string;
  /** Header lines `name: value\n`, as they will be sent. */
  headers: string;
  /** The body's bytes, exactly as they will be sent; null without a body. */
  body: Uint8Array | null;
  via: 'fetch' | 'xhr' | 'beacon';
}

/** Gate → guard. */
export type GateMessage =
  { type: 'held'; request: RequestSnapshot } | { type: 'identity'; id: number; account?: Account };

/** Guard → gate. Every message carries every field its type names (the gate reads no others). */
export type GuardMessage =
  | { type: 'hello' }
  /** The guard received the request and is deciding (the editor may take a while). */
  | { type: 'ack'; id: string }
  | { type: 'release'; id: string }
  | { type: 'reject'; id: string; message: string }
  | { type: 'identity?'; id: number }
  /** The guard is going away (extension reloaded or updated): fail closed from now on. */
  | { type: 'bye' };

/**
 * Calls `end` once page scripts may run. Chromium runs both content scripts in one task at
 * document_start; Firefox may run them in separate tasks while it holds the parser for the second
 * one to compile (document.blockParsing), so a 0 ms timer can fire between them. Until the parser
 * adds the first node to the document, though, no page script has run: a MutationObserver sees
 * that node in the microtask checkpoint the parser makes before running any script of the page.
 * A document that is past loading, or already has content (a frame written by script), ends the
 * handshake after this task as before.
 */
export function untilPageScripts(end: () => void): void {
  const root = document.documentElement;
  if (!root || root.firstChild || document.readyState !== 'loading') {
    setTimeout(end, 0);
    return;
  }
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    document.removeEventListener('readystatechange', finish);
    end();
  };
  const observer = new MutationObserver(finish);
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('readystatechange', finish);
}
