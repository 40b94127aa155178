/**
 * The first line: capture-phase listeners on `window`, installed at document_start so they run
 * before any listener of the page. A click on a publish control, or a submit key (Ctrl/Cmd+Enter)
 * in a composer, is stopped (preventDefault + stopImmediatePropagation) and handed to the
 * attempt flow; if the post may go, the same action is replayed once on the same element with a
 * one-shot pass that only this gate can issue (the replayed Event objects themselves). While an
 * attempt is open, pointer and key events on its control and composer are swallowed, so nothing
 * slips past the panel. Event delegation only: nothing is bound to the page's elements.
 */
import { defaultIsSubmitKey, type Composer, type ControlHit, type SiteAdapter } from './adapter';
import type { Selectors } from './selectors';

export interface HeldAction {
  composer: Composer;
  /** The control or text field the action was aimed at. */
  control: Element;
  via: 'click' | 'key';
  /** Whether the action can still be replayed. */
  deliverable: () => boolean;
  /** Replays the action once, past the gate. */
  replay(): void;
}

const POINTER = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'auxclick', 'dblclick'];

function isDisabled(el: Element): boolean {
  return el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true';
}

export class UiGate {
  private readonly passes = new WeakSet<Event>();
  private readonly busy = new WeakSet<Element>();
  /** How many attempts are open: pointer events need no control lookup while none is. */
  private open = 0;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly selectors: () => Selectors<string>,
    /** Whether the event comes from the guard's own UI. */
    private readonly isOwn: (e: Event) => boolean,
    private readonly attempt: (action: HeldAction) => Promise<void>,
  ) {}

  /** Listens on `win` until `signal` aborts (the extension was reloaded or updated). */
  install(win: Window, signal?: AbortSignal): void {
    const opts = { capture: true, signal } as const;
    win.addEventListener('click', (e) => this.onClick(e as MouseEvent), opts);
    win.addEventListener('keydown', (e) => this.onKey(e), opts);
    win.addEventListener('keypress', (e) => this.onKey(e), opts);
    win.addEventListener('keyup', (e) => this.onKey(e), opts);
    for (const type of POINTER) win.addEventListener(type, (e) => this.onPointer(e), opts);
  }

  private targetOf(e: Event): Element | null {
    if (this.passes.has(e) || this.isOwn(e)) return null;
    const t = e.composedPath()[0] ?? e.target;
    return t instanceof Element ? t : t instanceof Node ? t.parentElement : null;
  }

  private controlHit(target: Element): ControlHit | null {
    try {
      return this.adapter.controlAt(target, this.selectors());
    } catch {
      return null;
    }
  }

  private composerOf(target: Element): Composer | null {
    try {
      return this.adapter.composerAt(target, this.selectors());
    } catch {
      return null;
    }
  }

  private static stop(e: Event): void {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  private onClick(e: MouseEvent): void {
    const target = this.targetOf(e);
    if (!target) return;
    const hit = this.controlHit(target);
    if (!hit || isDisabled(hit.control)) return;
    UiGate.stop(e);
    if (this.busy.has(hit.composer.root)) return;
    const init: PointerEventInit = {
      bubbles: true,
      cancelable: true,
      composed: true,
      view: window,
      detail: e.detail,
      screenX: e.screenX,
      screenY: e.screenY,
      clientX: e.clientX,
      clientY: e.clientY,
      ctrlKey: e.ctrlKey,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      metaKey: e.metaKey,
      button: e.button,
      buttons: e.buttons,
      pointerType: (e as PointerEvent).pointerType ?? 'mouse',
    };
    const aimed = target;
    this.hold(hit.composer, hit.control, 'click', () => {
      const on = aimed.isConnected && hit.control.contains(aimed) ? aimed : hit.control;
      const replay =
        typeof PointerEvent === 'function' ? new PointerEvent('click', init) : new MouseEvent('click', init);
      this.passes.add(replay);
      on.dispatchEvent(replay);
    });
  }

  private onKey(e: KeyboardEvent): void {
    const isSubmit = this.adapter.isSubmitKey ?? defaultIsSubmitKey;
    if (!isSubmit(e)) return;
    const target = this.targetOf(e);
    if (!target) return;
    const composer = this.composerOf(target);
    if (!composer) return;
    UiGate.stop(e);
    // keypress/keyup of the same chord are swallowed; the replay sends keydown and keyup together.
    if (e.type !== 'keydown' || e.repeat || this.busy.has(composer.root)) return;
    const init: KeyboardEventInit = {
      bubbles: true,
      cancelable: true,
      composed: true,
      view: window,
      key: e.key,
      code: e.code,
      location: e.location,
      ctrlKey: e.ctrlKey,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      metaKey: e.metaKey,
    };
    this.hold(composer, target, 'key', () => {
      for (const type of ['keydown', 'keyup']) {
        const replay = new KeyboardEvent(type, init);
        this.passes.add(replay);
        target.dispatchEvent(replay);
      }
    });
  }

  private onPointer(e: Event): void {
    if (this.open === 0) return;
    const target = this.targetOf(e);
    if (!target) return;
    const hit = this.controlHit(target);
    if (hit && this.busy.has(hit.composer.root)) UiGate.stop(e);
  }

  private hold(composer: Composer, control: Element, via: HeldAction['via'], replay: () => void): void {
    const root = composer.root;
    this.busy.add(root);
    this.open++;
    const action: HeldAction = {
      composer,
      control,
      via,
      deliverable: () => control.isConnected && !isDisabled(control),
      replay,
    };
    void this.attempt(action).finally(() => {
      this.busy.delete(root);
      this.open--;
    });
  }
}
