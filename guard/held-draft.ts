/**
 * What the guard checks for a publish request the network gate holds: the draft the request
 * carries, read by the adapter, completed from the editor on the page that holds the same text.
 * A request that only names a draft saved on the server publishes what the page's editor holds:
 * that editor is checked instead, and with no editor the request is unreadable (fail closed).
 * Pure given its inputs: run.tsx only wires it to the page.
 */
import type { Draft } from '../rules/engine/types';
import type { Composer, RequestDraft, SiteAdapter } from './adapter';
import { sameText } from './approvals';
import type { HeldRequest } from './endpoints';

export const UNREADABLE = '无法读取发布请求的内容';

export interface HeldRead {
  /** What the adapter made of the request; null when it could not read it. */
  read: RequestDraft | null;
  /** Why the request cannot be checked: the attempt fails closed without a check. */
  unreadable?: string;
  /** The text that will be published (what an earlier approval is matched against). */
  body: string;
  /** The editor on the page that holds this post, if any. */
  composer?: Composer;
  /** The request named a saved draft: `composer` is the editor whose content it publishes. */
  saved: boolean;
  /** The request carried a body no editor on the page holds (an adapter problem to report). */
  unknownEditor: boolean;
}

/** Reads a held request against the editors on the page. */
export function readHeldDraft(
  request: HeldRequest,
  network: Pick<SiteAdapter['network'], 'toDraft'>,
  composers: readonly Composer[],
): HeldRead {
  let read: RequestDraft | null = null;
  let unreadable: string | undefined;
  try {
    read = request.unreadable ? null : network.toDraft(request);
    if (!read) unreadable = request.unreadable ? `${UNREADABLE}：${request.unreadable}` : UNREADABLE;
  } catch (e) {
    unreadable = `${UNREADABLE}：${e instanceof Error ? e.message : String(e)}`;
  }
  const saved = read && !read.draft ? (composers.find((c) => c.kind === read.kind) ?? composers[0]) : undefined;
  if (read && !read.draft && !saved) unreadable = UNREADABLE;
  const body = read?.draft?.body ?? saved?.surfaces.body.text() ?? '';
  const composer = saved ?? (read ? composers.find((c) => sameText(c.surfaces.body.text(), body)) : undefined);
  return {
    read,
    ...(unreadable !== undefined ? { unreadable } : {}),
    body,
    ...(composer ? { composer } : {}),
    saved: saved !== undefined,
    unknownEditor: read?.draft !== undefined && !composer,
  };
}

export interface HeldDraftContext {
  platform: Draft['platform'];
  url: string;
  account: Draft['account'];
  /** The draft an editor on the page holds. */
  extract(composer: Composer): Draft;
}

/**
 * The draft to check: the editor's draft (account, title, source…) overlaid with what the
 * request carries, its body always the request's; `composer` only when the editor holds exactly
 * that text, so the panel can locate and fix findings in place.
 */
export function heldDraft(
  held: HeldRead,
  context: HeldDraftContext,
): { draft: Draft; page?: string; composer?: Composer } {
  const { read, composer } = held;
  const base: Draft = composer
    ? context.extract(composer)
    : { platform: context.platform, kind: read?.kind ?? 'post', body: '', url: context.url, account: context.account };
  const draft: Draft = {
    ...base,
    ...(read?.draft ?? {}),
    kind: held.saved && composer ? composer.kind : (read?.kind ?? base.kind),
    platform: context.platform,
    body: held.body,
  };
  const page = read?.page ?? composer?.page;
  return {
    draft,
    ...(page !== undefined ? { page } : {}),
    ...(composer && composer.surfaces.body.text() === held.body ? { composer } : {}),
  };
}
