/**
 * Live checking while the editor types: debounced, paused during IME composition (a half-typed
 * pinyin syllable is not text yet), and drawn over the page — a count badge by the composer and
 * underlines under each finding, positioned from the editor's geometry. The editor's DOM is never
 * touched. Results are keyed by the composer's root element and re-validated against the current
 * text on every refresh, because virtual scrolling recycles elements for other posts.
 */
import { isShown, severityRank, type Draft, type Report } from '../rules/engine/types';
import type { Composer } from './adapter';
import { toBox, type LiveBadge, type LiveMark, type OverlayState, type Store } from './overlay/store';
import { stillAt, textsOnce, type TextSurface } from './surface';

export const LIVE_DEBOUNCE_MS = 300;

interface LiveResult {
  key: string;
  composer: Composer;
  /** The body text the report was made for; a different text makes the result stale. */
  text: string;
  report: Report;
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
}

let keys = 0;

export class LiveChecker {
  private results = new Map<Element, LiveResult>();
  private timers = new Map<Element, number>();
  private composing = new WeakSet<Element>();
  private frame = 0;
  /** What was last drawn, to leave the overlay alone when nothing moved. */
  private drawn = '';

  constructor(
    private readonly store: Store<OverlayState>,
    private readonly deps: LiveDeps,
  ) {}

  install(win: Window): void {
    const opts = { capture: true, passive: true } as const;
    win.addEventListener('input', (e) => this.onInput(e), opts);
    win.addEventListener('compositionstart', (e) => this.onComposition(e, true), opts);
    win.addEventListener('compositionend', (e) => this.onComposition(e, false), opts);
    win.addEventListener('scroll', () => this.schedulePaint(), opts);
    win.addEventListener('resize', () => this.schedulePaint(), opts);
  }

  /** The live result behind a badge. */
  result(key: string): { composer: Composer; report: Report } | null {
    for (const r of this.results.values()) if (r.key === key) return r;
    return null;
  }

  /** Re-validates results after DOM changes (recycled or removed composers) and repaints. */
  refresh(): void {
    if (!this.deps.enabled()) {
      this.clear();
      return;
    }
    for (const [root, r] of this.results) {
      if (!root.isConnected || !r.composer.surfaces.body.element.isConnected) this.results.delete(root);
      else if (r.composer.surfaces.body.text() !== r.text) this.schedule(r.composer);
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
    if ((e as InputEvent).isComposing || !this.deps.enabled()) return;
    const composer = this.composerOf(e);
    if (composer && !this.composing.has(composer.root)) this.schedule(composer);
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
    if (!report) return;
    const previous = this.results.get(composer.root);
    this.results.set(composer.root, { key: previous?.key ?? `c${++keys}`, composer, text: draft.body, report });
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
        count: findings.length,
        severity: worst.severity,
      });
      // One geometry pass per surface for all its findings.
      const bySurface = new Map<TextSurface, { f: (typeof findings)[number]; i: number }[]>();
      findings.forEach((f, i) => {
        const surface = (r.composer.surfaces as Record<string, TextSurface | undefined>)[f.field];
        if (!surface || !stillAt(textOf(surface), f)) return;
        bySurface.set(surface, [...(bySurface.get(surface) ?? []), { f, i }]);
      });
      for (const [surface, list] of bySurface) {
        const rects = surface.rectsOf(list.map(({ f }) => f.range));
        list.forEach(({ f, i }, k) =>
          marks.push({ key: `${r.key}-${i}`, severity: f.severity, boxes: (rects[k] ?? []).map(toBox) }),
        );
      }
    }
    const drawn = JSON.stringify([badges, marks]);
    if (drawn === this.drawn) return;
    this.drawn = drawn;
    this.store.set({ badges, marks });
  }
}
