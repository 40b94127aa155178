/**
 * The private channel between the guard (isolated world) and its network gate (the page's MAIN
 * world). Both scripts run at document_start, before any page script, and hand over one end of a
 * MessageChannel through a synchronous DOM event there. Afterwards they talk only over the port,
 * which the page never sees, so a page script can neither read a verdict nor forge one.
 *
 * Whichever script runs second completes the handshake: the guard listens for the port and
 * announces itself (READY); the gate offers the port at once and again on READY. The guard takes
 * the first port and cancels the offer event, which tells the gate synchronously that its port is
 * taken, so the gate never offers it again. Both stop offering and listening once the turn that
 * injected them is over: from then on only page scripts could answer.
 */
import type { Account } from './adapter';
import type { HeldRequest } from './endpoints';

/** MessageEvent (cancelable) carrying the port, dispatched by the gate on `window`. */
export const PORT_EVENT = 'govpost-guard:port';
/** Plain event dispatched by the guard on `window` once it listens for the port. */
export const READY_EVENT = 'govpost-guard:ready';

/** Gate → guard. */
export type GateMessage = { type: 'held'; request: HeldRequest } | { type: 'identity'; id: number; account?: Account };

/** Guard → gate. */
export type GuardMessage =
  | { type: 'hello' }
  /** The guard received the request and is deciding (the editor may take a while). */
  | { type: 'ack'; id: string }
  | { type: 'release'; id: string }
  | { type: 'reject'; id: string; message: string }
  | { type: 'identity?'; id: number }
  /** The guard is going away (extension reloaded or updated): fail closed from now on. */
  | { type: 'bye' };
