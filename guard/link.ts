/**
 * The guard's end of the private channel to the MAIN-world network gate (see bridge.ts). Call
 * `connect()` synchronously at document_start: the handshake must finish before page scripts run.
 */
import type { Account } from './adapter';
import {
  PORT_EVENT,
  READY_EVENT,
  untilPageScripts,
  type GateMessage,
  type GuardMessage,
  type RequestSnapshot,
} from './bridge';
import { readHeld, type HeldRequest } from './endpoints';
import type { Classifier } from './net/classify';

export type HeldHandler = (request: HeldRequest) => Promise<{ release: true } | { release: false; message: string }>;

export class GateLink {
  private port: MessagePort | null = null;
  private handler: HeldHandler | null = null;
  private queued: RequestSnapshot[] = [];
  private identitySeq = 0;
  private identityWaiters = new Map<number, (a: Account | undefined) => void>();

  /** Answers once the handshake is over: whether the gate is connected. */
  readonly ready: Promise<boolean>;
  private settle!: (connected: boolean) => void;

  /** `classifier`: the adapter's endpoints, to tell what a held request's whole body shows. */
  constructor(private readonly classifier: Classifier) {
    this.ready = new Promise((resolve) => (this.settle = resolve));
  }

  connect(): void {
    const take = (e: Event) => {
      const port = (e as MessageEvent).ports?.[0];
      if (this.port || !port) return;
      e.preventDefault(); // tells the gate synchronously that its port is taken
      window.removeEventListener(PORT_EVENT, take, true);
      this.port = port;
      port.onmessage = (m: MessageEvent<GateMessage>) => this.receive(m.data);
      this.post({ type: 'hello' });
      this.settle(true);
    };
    window.addEventListener(PORT_EVENT, take, true);
    window.dispatchEvent(new Event(READY_EVENT));
    if (this.port) return;
    // The gate may be injected after this script, before any page script: its own offer then
    // reaches this listener. Once page scripts may run, no port is taken (one could offer it).
    untilPageScripts(() => {
      if (this.port) return;
      window.removeEventListener(PORT_EVENT, take, true);
      this.settle(false);
    });
  }

  /** Sets who decides held requests; requests that arrived earlier are handed over now. */
  onHeld(handler: HeldHandler): void {
    this.handler = handler;
    for (const r of this.queued.splice(0)) this.decide(r);
  }

  /** The account from page globals (MAIN world), or undefined after `timeoutMs`. */
  identity(timeoutMs = 500): Promise<Account | undefined> {
    if (!this.port) return Promise.resolve(undefined);
    const id = ++this.identitySeq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.identityWaiters.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.identityWaiters.set(id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
      this.post({ type: 'identity?', id });
    });
  }

  /** The guard is going away: the gate refuses publish requests from now on (fail closed). */
  close(): void {
    this.post({ type: 'bye' });
    this.port?.close();
    this.port = null;
  }

  private post(msg: GuardMessage) {
    this.port?.postMessage(msg);
  }

  private receive(msg: GateMessage) {
    if (msg.type === 'identity') {
      this.identityWaiters.get(msg.id)?.(msg.account);
      this.identityWaiters.delete(msg.id);
    } else if (msg.type === 'held') {
      if (this.handler) this.decide(msg.request);
      else this.queued.push(msg.request);
    }
  }

  private decide(snapshot: RequestSnapshot) {
    const id = typeof snapshot?.id === 'string' ? snapshot.id : '';
    this.post({ type: 'ack', id });
    const reject = (e: unknown) =>
      this.post({ type: 'reject', id, message: `发布前检查失败：${e instanceof Error ? e.message : String(e)}` });
    readHeld(snapshot, this.classifier).then((request: HeldRequest | null) => {
      if (request === null) {
        this.post({ type: 'release', id });
        return;
      }
      this.handler!(request).then(
        (answer) =>
          this.post(answer.release ? { type: 'release', id } : { type: 'reject', id, message: answer.message }),
        reject,
      );
    }, reject);
  }
}
