/**
 * Live checking while the editor types: debounced, paused during IME composition (a half-typed
 * pinyin syllable is not text yet), and drawn over the page — a count badge by the composer and
 * underlines under each finding, positioned from the editor's geometry. The editor's DOM is never
 * touched. Results are keyed by the composer's root element and re-validated against the current
 * text on every refresh, because virtual scrolling recycles elements for other posts.
 */
import { isShown, severityRank, type Draft, type Finding, type Report } from '../rules/engine/types';
import { ruleLabel } from '../utils/labels';
import type { Composer } from './adapter';
import { draftTexts, groupFindings } from './overlay/cards';
import { toBox, type HoverCard, type LiveBadge, type LiveMark, type OverlayState, type Store } from './overlay/store';
import { stillAt, textsOnce, type TextSurface } from './surface';

export const LIVE_DEBOUNCE_MS = 300;
/** Underlined findings per surface; the badge counts the panel's cards, the panel lists them all. */
export const MAX_MARKS = 400;
/** How long the pointer rests on an underline before its card shows. */
const HOVER_MS = 200;

interface LiveResult {
  key: string;
  composer: Composer;
  /** The body text the report was made for; a different text makes the result stale. */
  text: string;
  report: Report;
  /** How many cards the panel shows for this report: what the badge counts. */
  cards: number;
}

export interface LiveDeps {
  composerAt(target: Element): Composer | null;
  composers(): Composer[];
  extract(composer: Composer): Draft;
  check(draft: Draft): Report | null;
  enabled(): boolean;
  isOwn(e: Event): boolean;
  /** Called after each live check (for the popup's "last check"). */
  checked(draft: Draft, report: Report): void;
  /** The editor typed in a composer (whether or not live checking is on): the open panel re-checks. */
  edited?(composer: Composer): void;
  /** Alt+Shift+K in a composer: open its findings (the badge's panel) from the keyboard. */
  openFindings?(key: string): void;
}

let keys = 0;

export class LiveChecker {
  private results = new Map<Element, LiveResult>();
  private timers = new Map<Element, number>();
  private composing = new WeakSet<Element>();
  private frame = 0;
  /** What was last drawn, to leave the overlay alone when nothing moved. */
  private drawn = '';
  private hoverTimer = 0;
  private pointer: { x: number; y: number } | null = null;
  private pointerFrame = 0;

  constructor(
    private readonly store: Store<OverlayState>,
    private readonly deps: LiveDeps,
  ) {}

  /** Listens on `win` until `signal` aborts (the extension was reloaded or updated). */
  install(win: Window, signal?: AbortSignal): void {
    const opts = { capture: true, passive: true, signal } as const;
    win.addEventListener('input', (e) => this.onInput(e), opts);
    win.addEventListener('compositionstart', (e) => this.onComposition(e, true), opts);
    win.addEventListener('compositionend', (e) => this.onComposition(e, false), opts);
    win.addEventListener('scroll', () => this.schedulePaint(), opts);
    win.addEventListener('resize', () => this.schedulePaint(), opts);
    win.addEventListener('mousemove', (e) => this.onPointer(e), opts);
    win.addEventListener('keyup', (e) => this.onCaret(e), opts);
    win.addEventListener('mouseup', (e) => this.onCaret(e), opts);
    win.addEventListener('keydown', (e) => this.onShortcut(e), { capture: true, signal });
  }

  /** The live result behind a badge. */
  result(key: string): { composer: Composer; report: Report } | null {
    for (const r of this.results.values()) if (r.key === key) return r;
    return null;
  }

  /**
   * Re-validates results after DOM changes (recycled or removed composers) and repaints; checks
   * composers seen for the first time that already hold text (typed or pasted before the guard
   * saw them, or before the checker was ready), so live checking starts from the first character.
   */
  refresh(): void {
    if (!this.deps.enabled()) {
      this.clear();
      return;
    }
    for (const [root, r] of this.results) {
      if (!root.isConnected || !r.composer.surfaces.body.element.isConnected) this.results.delete(root);
      else if (r.composer.surfaces.body.text() !== r.text) this.schedule(r.composer);
    }
    let composers: Composer[] = [];
    try {
      composers = this.deps.composers();
    } catch {
      // An adapter that fails here is reported by the page watcher.
    }
    for (const composer of composers) {
      if (this.results.has(composer.root) || this.timers.has(composer.root) || this.composing.has(composer.root))
        continue;
      if (composer.surfaces.body.text().trim() !== '') this.run(composer);
    }
    this.schedulePaint();
  }

  clear(): void {
    this.results.clear();
    this.drawn = '';
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.store.set({ badges: [], marks: [] });
  }

  private composerOf(e: Event): Composer | null {
    if (this.deps.isOwn(e)) return null;
    const t = e.composedPath()[0] as Node | undefined;
    // By node type, not instanceof: an iframe's elements come from another realm.
    return t?.nodeType === Node.ELEMENT_NODE ? this.deps.composerAt(t as Element) : null;
  }

  private onInput(e: Event): void {
    if ((e as InputEvent).isComposing) return;
    const composer = this.composerOf(e);
    if (!composer || this.composing.has(composer.root)) return;
    this.deps.edited?.(composer);
    if (this.deps.enabled()) this.schedule(composer);
  }

  // --- the card on an underline ---

  private onPointer(e: MouseEvent): void {
    if (this.deps.isOwn(e)) {
      clearTimeout(this.hoverTimer);
      return;
    }
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.pointerFrame) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      const at = this.pointer && this.markAt(this.pointer.x, this.pointer.y);
      clearTimeout(this.hoverTimer);
      const current = this.store.get().hover;
      if (at && current?.key === at.result && current.index === at.index) return;
      this.hoverTimer = window.setTimeout(() => this.showCard(at), at ? HOVER_MS : HOVER_MS * 2);
    });
  }

  /** The caret moved in a composer: inside an underline, its card shows (keyboard users too). */
  private onCaret(e: Event): void {
    // Every key release lands here: with nothing underlined, not even the composer is looked up.
    if (this.results.size === 0 || this.deps.isOwn(e)) return;
    const composer = this.composerOf(e);
    if (!composer) return;
    const result = this.results.get(composer.root);
    const el = composer.surfaces.body.element as HTMLTextAreaElement;
    const caret = typeof el.selectionStart === 'number' ? el.selectionStart : null;
    if (!result || caret === null) return;
    const index = result.report.findings.findIndex(
      (f) => isShown(f) && f.field === 'body' && f.range[0] <= caret && caret <= f.range[1],
    );
    const mark = index >= 0 ? this.store.get().marks.find((m) => m.result === result.key && m.index === index) : null;
    this.showCard(mark ? { result: result.key, index, box: mark.boxes[0]! } : null);
  }

  private onShortcut(e: KeyboardEvent): void {
    if (!(e.altKey && e.shiftKey && e.code === 'KeyK')) return;
    const composer = this.composerOf(e);
    const result = composer ? this.results.get(composer.root) : undefined;
    if (!result) return;
    e.preventDefault();
    e.stopPropagation();
    this.deps.openFindings?.(result.key);
  }

  private markAt(x: number, y: number): { result: string; index: number; box: LiveMark['boxes'][number] } | null {
    for (const m of this.store.get().marks) {
      for (const b of m.boxes) {
        // The underline's whole line box counts, not only its 2-pixel stroke.
        if (x >= b.left && x <= b.left + b.width && y >= b.top && y <= b.top + b.height + 3)
          return { result: m.result, index: m.index, box: b };
      }
    }
    return null;
  }

  private showCard(at: { result: string; index: number; box: LiveMark['boxes'][number] } | null): void {
    if (!at) {
      if (this.store.get().hover) this.store.set({ hover: null });
      return;
    }
    const r = this.result(at.result);
    const f = r?.report.findings[at.index];
    if (!f) return;
    const next: HoverCard = {
      key: at.result,
      index: at.index,
      box: at.box,
      title: ruleLabel(f.ruleId, f.category),
      message: f.message,
      ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    };
    // The same card already shown in the same place: no store change (each one re-renders the overlay).
    if (!sameCard(this.store.get().hover, next)) this.store.set({ hover: next });
  }

  /** Applies a live finding's suggestion from its card, through the editor's input path. */
  applyLive(key: string, index: number): boolean {
    const r = this.result(key);
    const f = r?.report.findings[index];
    const surface = f && (r.composer.surfaces as Record<string, TextSurface | undefined>)[f.field];
    this.store.set({ hover: null });
    if (!f || !surface || f.suggestion === undefined || !stillAt(surface.text(), f)) return false;
    const ok = surface.replace(f.range[0], f.range[1], f.suggestion);
    if (ok) this.run(r.composer);
    return ok;
  }

  hideCard(): void {
    clearTimeout(this.hoverTimer);
    if (this.store.get().hover) this.store.set({ hover: null });
  }

  private onComposition(e: Event, start: boolean): void {
    const composer = this.composerOf(e);
    if (!composer) return;
    if (start) {
      this.composing.add(composer.root);
      clearTimeout(this.timers.get(composer.root));
    } else {
      this.composing.delete(composer.root);
      if (this.deps.enabled()) this.schedule(composer);
    }
  }

  private schedule(composer: Composer): void {
    const root = composer.root;
    clearTimeout(this.timers.get(root));
    this.timers.set(
      root,
      window.setTimeout(() => {
        this.timers.delete(root);
        this.run(composer);
      }, LIVE_DEBOUNCE_MS),
    );
  }

  private run(composer: Composer): void {
    if (!composer.root.isConnected || this.composing.has(composer.root)) return;
    const draft = this.deps.extract(composer);
    const report = this.deps.check(draft);
    // The checker is not ready yet: refresh() checks this text once it is.
    if (!report) return;
    const previous = this.results.get(composer.root);
    // The badge counts what the panel will show (one card for an advertising paragraph, a term
    // found three times once), not raw findings, so the two never disagree.
    const cards = groupFindings(report.findings.filter(isShown), draftTexts(draft)).length;
    this.results.set(composer.root, { key: previous?.key ?? `c${++keys}`, composer, text: draft.body, report, cards });
    this.deps.checked(draft, report);
    this.schedulePaint();
  }

  private schedulePaint(): void {
    if (this.frame || this.results.size === 0) {
      if (this.results.size === 0 && (this.store.get().badges.length || this.store.get().marks.length)) {
        this.drawn = '';
        this.store.set({ badges: [], marks: [] });
      }
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  private paint(): void {
    const badges: LiveBadge[] = [];
    const marks: LiveMark[] = [];
    const vh = window.innerHeight;
    const textOf = textsOnce();
    for (const r of this.results.values()) {
      const findings = r.report.findings.filter(isShown);
      const body = r.composer.surfaces.body.element;
      const box = body.getBoundingClientRect();
      if (!findings.length || box.width === 0 || box.bottom < 0 || box.top > vh) continue;
      const worst = findings.reduce((a, f) => (severityRank(f.severity) > severityRank(a.severity) ? f : a));
      badges.push({
        key: r.key,
        left: box.right - 4,
        top: box.bottom - 4,
        count: r.cards,
        severity: worst.severity,
      });
      // One geometry pass per surface for all its findings, at most MAX_MARKS of them.
      const bySurface = new Map<TextSurface, { f: Finding; i: number }[]>();
      r.report.findings.forEach((f, i) => {
        if (!isShown(f)) return;
        const surface = (r.composer.surfaces as Record<string, TextSurface | undefined>)[f.field];
        if (!surface) return;
        let list = bySurface.get(surface);
        if (!list) bySurface.set(surface, (list = []));
        if (list.length < MAX_MARKS && stillAt(textOf(surface), f)) list.push({ f, i });
      });
      for (const [surface, list] of bySurface) {
        const rects = surface.rectsOf(list.map(({ f }) => f.range));
        list.forEach(({ f, i }, k) => {
          const boxes = (rects[k] ?? []).filter((b) => b.bottom > 0 && b.top < vh).map(toBox);
          if (boxes.length) marks.push({ key: `${r.key}-${i}`, result: r.key, index: i, severity: f.severity, boxes });
        });
      }
    }
    const drawn = JSON.stringify([badges, marks]);
    if (drawn === this.drawn) return;
    this.drawn = drawn;
    this.store.set({ badges, marks });
  }
}

function sameCard(a: HoverCard | null, b: HoverCard): boolean {
  return (
    a !== null &&
    a.key === b.key &&
    a.index === b.index &&
    a.title === b.title &&
    a.message === b.message &&
    a.suggestion === b.suggestion &&
    a.box.left === b.box.left &&
    a.box.top === b.box.top &&
    a.box.width === b.box.width &&
    a.box.height === b.box.height
  );
}
