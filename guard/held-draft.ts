/**
 * What the guard checks for a publish request the network gate holds: the draft the request
 * carries, read by the adapter, completed from the editor on the page that holds the same text.
 * A request that names a draft saved on the server (`RequestDraft.saved`) publishes that draft:
 * it is read back from the platform (saved-draft.ts) and checked exactly as saved, whatever an
 * editor shows; when it cannot be read, the request is unreadable (fail closed). A request that
 * names a saved draft the adapter cannot read back publishes what the page's editor holds: that
 * editor is checked instead, and with no editor the request is unreadable.
 * Pure given its inputs: run.tsx only wires it to the page.
 */
import type { Draft } from '../rules/engine/types';
import type { Composer, DraftFields, RequestDraft, SiteAdapter } from './adapter';
import { sameText } from './approvals';
import type { HeldRequest } from './endpoints';
import { SAVED_UNREADABLE } from './saved-draft';

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
  /** The draft was read back from the platform: the editor's fields take no part in it. */
  fromServer: boolean;
}

/** The saved draft a request names, as read back from the platform, or why it could not be. */
export type SavedRead = { draft: DraftFields } | { failure: string };

/**
 * Reads a held request against the editors on the page; `saved` is the draft the request names,
 * read back from the platform (readHeldRequest does that).
 */
export function readHeldDraft(
  request: HeldRequest,
  network: Pick<SiteAdapter['network'], 'toDraft'>,
  composers: readonly Composer[],
  saved?: SavedRead,
): HeldRead {
  return withSaved(parseHeld(request, network), composers, saved);
}

/** Reads a held request, reading back from the platform the saved draft it names, if any. */
export async function readHeldRequest(
  request: HeldRequest,
  network: Pick<SiteAdapter['network'], 'toDraft'>,
  composers: readonly Composer[],
  loadSaved: (id: string) => Promise<DraftFields>,
): Promise<HeldRead> {
  // The request is parsed once: its saved draft's id and the rest come from the same read.
  const parsed = parseHeld(request, network);
  const id = parsed.read?.saved?.id;
  const saved: SavedRead | undefined =
    id === undefined
      ? undefined
      : await loadSaved(id).then(
          (draft) => ({ draft }),
          (e: unknown) => ({ failure: e instanceof Error ? e.message : String(e) }),
        );
  return withSaved(parsed, composers, saved);
}

interface ParsedHeld {
  read: RequestDraft | null;
  unreadable?: string;
}

/** What the adapter reads in the request's body, or why nothing could be read. */
function parseHeld(request: HeldRequest, network: Pick<SiteAdapter['network'], 'toDraft'>): ParsedHeld {
  if (request.unreadable) return { read: null, unreadable: `${UNREADABLE}：${request.unreadable}` };
  try {
    const read = network.toDraft(request);
    return read ? { read } : { read: null, unreadable: UNREADABLE };
  } catch (e) {
    return { read: null, unreadable: `${UNREADABLE}：${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The parsed request with the saved draft it names put in (or the reason it is unreadable). */
function withSaved({ read, unreadable }: ParsedHeld, composers: readonly Composer[], saved?: SavedRead): HeldRead {
  const fromServer = read?.saved !== undefined && saved !== undefined && 'draft' in saved;
  if (read?.saved && !read.draft) {
    if (saved && 'draft' in saved) read = { ...read, draft: withRequest(saved.draft, read.saved) };
    else unreadable = saved?.failure ?? SAVED_UNREADABLE;
  }
  return locate(read, unreadable, composers, fromServer);
}

/** The saved draft with what the publish request itself sets and adds. */
function withRequest(draft: DraftFields, { fields, also }: NonNullable<RequestDraft['saved']>): DraftFields {
  const extra = also?.trim();
  const body = extra && !sameText(extra, draft.title ?? '') ? `${draft.body}\n\n${extra}` : draft.body;
  return { ...draft, ...fields, body };
}

function locate(
  read: RequestDraft | null,
  unreadable: string | undefined,
  composers: readonly Composer[],
  fromServer: boolean,
): HeldRead {
  const saved =
    read && !read.draft && !read.saved ? (composers.find((c) => c.kind === read.kind) ?? composers[0]) : undefined;
  if (read && !read.draft && !saved && unreadable === undefined) unreadable = UNREADABLE;
  const body = read?.draft?.body ?? saved?.surfaces.body.text() ?? '';
  const composer = saved ?? (read ? composers.find((c) => sameText(c.surfaces.body.text(), body)) : undefined);
  return {
    read,
    ...(unreadable !== undefined ? { unreadable } : {}),
    body,
    ...(composer ? { composer } : {}),
    saved: saved !== undefined,
    unknownEditor: read?.draft !== undefined && !fromServer && !composer,
    fromServer,
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
  // A draft read back from the platform is checked as saved: no field of it comes from an editor.
  const base: Draft =
    composer && !held.fromServer
      ? context.extract(composer)
      : {
          platform: context.platform,
          kind: read?.kind ?? 'post',
          body: '',
          url: context.url,
          account: context.account,
        };
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
