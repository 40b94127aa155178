/**
 * The engine as the content script holds it: the active pack compiled once, recompiled when the
 * background activates another (storage key `activePack`), and publish checks run against a time
 * budget (see check-budget.ts).
 */
import browser from 'webextension-polyfill';
import { forget } from './lifetime';
import { compilePack, type Checker, type Pack } from '../rules/engine';
import type { Draft } from '../rules/engine/types';
import { RULES } from '../rules';
import { sendMessage } from '../utils/messaging';
import { CHECK_BUDGET_MS, runCheck, type CheckOutcome } from './check-budget';

export class CheckerHost {
  private checker: Checker | null = null;
  private current: Pack | null = null;
  private loading: Promise<Checker> | null = null;
  private listeners = new Set<(pack: Pack) => void>();

  constructor(private readonly budgetMs = CHECK_BUDGET_MS) {}

  /** Loads the active pack now and follows changes to it. */
  start(signal?: AbortSignal): void {
    void this.load().catch(() => undefined);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'activePack' in changes) void this.load().catch(() => undefined);
    };
    browser.storage.onChanged.addListener(listener);
    signal?.addEventListener('abort', () => forget(() => browser.storage.onChanged.removeListener(listener)));
  }

  get pack(): Pack | null {
    return this.current;
  }

  /** Called with each newly compiled pack (selector overrides, popup status). */
  onPack(listener: (pack: Pack) => void): void {
    this.listeners.add(listener);
    if (this.current) listener(this.current);
  }

  /** The compiled checker if it is ready, for live checking (which never waits). */
  get ready(): Checker | null {
    return this.checker;
  }

  /** Compiles the active pack: the one given, or the one the background names now. */
  private load(known?: Pack): Promise<Checker> {
    const loading = (known ? Promise.resolve({ pack: known }) : sendMessage('getActivePack', {})).then(({ pack }) => {
      const checker = compilePack(pack, RULES);
      this.checker = checker;
      this.current = pack;
      for (const l of this.listeners) l(pack);
      return checker;
    });
    this.loading = loading;
    loading.catch(() => {
      if (this.loading === loading) this.loading = null;
    });
    return loading;
  }

  /**
   * After the background refused an entry: whether the pack in force differs from the one the
   * draft was checked with. If it does, the new pack is loaded before this answers, so the next
   * check uses it (the storage event that would load it may not have arrived yet).
   */
  async refreshIfStale(checked: { id: string; version: string }): Promise<boolean> {
    const { pack } = await sendMessage('getActivePack', {});
    if (pack.id === checked.id && pack.version === checked.version) return false;
    await this.load(pack);
    return true;
  }

  /** The publish check: waits for the pack within the budget, then checks synchronously. */
  async check(draft: Draft): Promise<CheckOutcome> {
    const t0 = performance.now();
    let checker = this.checker;
    if (!checker) {
      const pending = this.loading ?? this.load();
      const timeout = new Promise<null>((r) => setTimeout(() => r(null), this.budgetMs));
      try {
        checker = await Promise.race([pending, timeout]);
      } catch (e) {
        return { failure: `规则包无法加载：${e instanceof Error ? e.message : String(e)}`, ms: performance.now() - t0 };
      }
      if (!checker) return { failure: `规则包未能在 ${this.budgetMs} 毫秒内加载`, ms: performance.now() - t0 };
    }
    return runCheck(checker, draft, t0, this.budgetMs);
  }
}
