/**
 * The logged-in account for every draft: what the adapter reads in the isolated world first,
 * then what the MAIN world sees in page globals. Found once, it is kept for the page's life (an
 * SPA does not switch accounts without a reload).
 */
import type { Account } from './adapter';

export class AccountSource {
  private known: Account | undefined;
  private asking: Promise<Account | undefined> | null = null;

  constructor(
    private readonly fromDom: () => Account | undefined,
    private readonly fromMainWorld: () => Promise<Account | undefined>,
  ) {}

  /** The account if known now (never waits). */
  now(): Account | undefined {
    if (this.known) return this.known;
    try {
      this.known = this.fromDom();
    } catch {
      this.known = undefined;
    }
    if (!this.known) void this.lookup();
    return this.known;
  }

  /** Asks the MAIN world when the DOM does not tell. */
  lookup(): Promise<Account | undefined> {
    if (this.known) return Promise.resolve(this.known);
    this.asking ??= this.fromMainWorld()
      .then((a) => (this.known ??= a?.name ? a : undefined))
      .finally(() => (this.asking = null));
    return this.asking;
  }
}
