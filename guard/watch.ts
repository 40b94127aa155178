/**
 * Follows the page: one MutationObserver on the document (SPA routes, late-mounting composers,
 * virtual-scroll recycling), debounced into a single `tick`. Each tick re-reads the page kind when
 * the address changed, and — once the page has had time to settle — checks what the adapter says
 * the page must contain. Missing pieces are adapter problems: reported once per page address, and
 * withdrawn when they turn up again.
 */
import type { PageInfo } from './adapter';

export const TICK_MS = 150;
/** Composers mount late; expectations are checked only after the page had this long. */
export const SETTLE_MS = 4000;

export interface WatchDeps {
  page(): PageInfo | null;
  /** Whether an expectation is met now. */
  met(expectation: PageInfo['expects'][number]): boolean;
  onTick(): void;
  onPage(page: PageInfo | null): void;
  /** The set of open problems changed. */
  onProblems(problems: string[]): void;
}

export class PageWatcher {
  private href = '';
  private page: PageInfo | null = null;
  private settledAt = 0;
  private timer = 0;
  private problems: string[] = [];

  constructor(private readonly deps: WatchDeps) {}

  /**
   * Watches until `signal` aborts. `every` runs the once-a-second check; the content script's
   * context passes its own, which also notices when the extension was reloaded.
   */
  start(
    signal?: AbortSignal,
    every: (handler: () => void, ms: number) => unknown = (h, ms) => window.setInterval(h, ms),
  ): void {
    const observer = new MutationObserver(() => this.schedule());
    observer.observe(document, { childList: true, subtree: true });
    signal?.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(this.timer);
    });
    for (const type of ['popstate', 'hashchange', 'load'])
      window.addEventListener(type, () => this.schedule(), { signal });
    // Route changes through history.pushState are not observable from the isolated world; most
    // re-render the page (a mutation), and this interval catches the rest.
    every(() => {
      if (location.href !== this.href) this.schedule();
      else if (this.settledAt && Date.now() >= this.settledAt) this.checkExpectations();
    }, 1000);
    this.tick();
  }

  get current(): PageInfo | null {
    return this.page;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      this.tick();
    }, TICK_MS);
  }

  private tick(): void {
    if (location.href !== this.href) {
      this.href = location.href;
      this.page = this.deps.page();
      this.settledAt = Date.now() + SETTLE_MS;
      this.setProblems([]);
      this.deps.onPage(this.page);
    }
    this.deps.onTick();
    if (Date.now() >= this.settledAt) this.checkExpectations();
  }

  private checkExpectations(): void {
    const missing = (this.page?.expects ?? []).filter((e) => !this.deps.met(e)).map((e) => e.label);
    this.setProblems(missing);
  }

  private setProblems(problems: string[]): void {
    if (problems.join('\n') === this.problems.join('\n')) return;
    this.problems = problems;
    this.deps.onProblems(problems);
  }
}
