/**
 * Drafts the editor already let go through a publish control. The request that control sends is
 * then released once without asking again; it is matched by content (the text with all
 * whitespace removed, since a page may trim or re-wrap it), used up on the first match, and
 * forgotten after a short while.
 */

export const APPROVAL_TTL_MS = 30_000;

const compact = (text: string) => text.replace(/\s+/g, '');

export class Approvals {
  private entries: { key: string; until: number }[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = APPROVAL_TTL_MS,
  ) {}

  add(body: string): void {
    this.entries.push({ key: compact(body), until: this.now() + this.ttlMs });
  }

  /** Whether `body` was let go at a control a moment ago (the approval stays for its request). */
  has(body: string): boolean {
    const t = this.now();
    const key = compact(body);
    return this.entries.some((e) => e.key === key && e.until > t);
  }

  /** Uses up the approval for `body`, if there is one. */
  take(body: string): boolean {
    const t = this.now();
    this.entries = this.entries.filter((e) => e.until > t);
    const key = compact(body);
    const i = this.entries.findIndex((e) => e.key === key);
    if (i < 0) return false;
    this.entries.splice(i, 1);
    return true;
  }
}

/** Whether two texts are the same post for matching purposes (whitespace aside). */
export function sameText(a: string, b: string): boolean {
  return compact(a) === compact(b);
}
