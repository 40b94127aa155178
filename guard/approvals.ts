/**
 * Drafts the editor already let go through a publish control. The request that control sends is
 * then released once without asking again; it is matched on every field the post publishes
 * (title, author, summary, body, source URL, 原创) — a title changed between approval and the
 * request is checked again — each compared with all whitespace removed, since a page may trim
 * or re-wrap it. An approval is used up on the first match and forgotten after a short while.
 */
import type { Draft } from '../rules/engine/types';

export const APPROVAL_TTL_MS = 30_000;

/** The fields of a draft an approval is bound to. */
export type ApprovedFields = Pick<Draft, 'title' | 'author' | 'summary' | 'body' | 'source' | 'original'>;

const compact = (text: string) => text.replace(/\s+/g, '');

/** One string per published content: two drafts match when every published field is the same. */
export function approvalKey(draft: ApprovedFields): string {
  return JSON.stringify([
    compact(draft.title ?? ''),
    compact(draft.author ?? ''),
    compact(draft.summary ?? ''),
    compact(draft.body),
    compact(draft.source?.url ?? ''),
    draft.original === true,
  ]);
}

export class Approvals {
  private entries: { key: string; until: number }[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = APPROVAL_TTL_MS,
  ) {}

  add(draft: ApprovedFields): void {
    this.entries.push({ key: approvalKey(draft), until: this.now() + this.ttlMs });
  }

  /** Whether `draft` was let go at a control a moment ago (the approval stays for its request). */
  has(draft: ApprovedFields): boolean {
    const t = this.now();
    const key = approvalKey(draft);
    return this.entries.some((e) => e.key === key && e.until > t);
  }

  /** Uses up the approval for `draft`, if there is one. */
  take(draft: ApprovedFields): boolean {
    const t = this.now();
    this.entries = this.entries.filter((e) => e.until > t);
    const key = approvalKey(draft);
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
