/**
 * The engine as the content script holds it: the active pack compiled once, recompiled when the
 * background activates another (storage key `activePack`), and publish checks run against a time
 * budget (see check-budget.ts).
 */
import browser from 'webextension-polyfill';
import { forget } from './lifetime';
import { compilePack, type Checker, type Pack } from '../rules/engine';
import type { Draft, Report } from '../rules/engine/types';
import { RULES } from '../rules';
import { TimeoutError, within } from '../utils/bounded';
import { sendMessage } from '../utils/messaging';
import { CHECK_BUDGET_MS, runCheck, type CheckOutcome } from './check-budget';

export class CheckerHost {
  private checker: Checker | null = null;
  private current: Pack | null = null;
  private loading: Promise<Checker> | null = null;
  private listeners = new Set<(pack: Pack) => void>();
  /** The last answer of `checkNow`, for the same draft asked again by another part of the page. */
  private lastNow: { checker: Checker; draft: string; report: Report } | null = null;

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

  /**
   * The live check (never waits): the report for the draft, or null while no pack is compiled.
   * While the editor types, the panel's re-check and the live check ask about the same text
   * moments apart (and 检查当前稿件 may ask again): a draft asked about last time, with the same
   * pack, is answered from that check instead of running the whole pack again.
   */
  checkNow(draft: Draft): Report | null {
    const checker = this.checker;
    if (!checker) return null;
    const key = JSON.stringify(draft);
    if (this.lastNow?.checker === checker && this.lastNow.draft === key) return this.lastNow.report;
    const report = checker.check(draft);
    this.lastNow = { checker, draft: key, report };
    return report;
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
      try {
        checker = await within(this.loading ?? this.load(), this.budgetMs, '规则包');
      } catch (e) {
        const failure =
          e instanceof TimeoutError
            ? `规则包未能在 ${this.budgetMs} 毫秒内加载`
            : `规则包无法加载：${e instanceof Error ? e.message : String(e)}`;
        return { failure, ms: performance.now() - t0 };
      }
    }
    return runCheck(checker, draft, t0, this.budgetMs);
  }
}
