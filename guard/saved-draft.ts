/**
 * Reading the draft a publish request names (WeChat `masssend` carries only `appmsgid`) from the
 * platform's own API, so that the guard checks what will be published rather than what an
 * editor on the page shows — and can check it when no editor is open at all (publishing from
 * the draft list). Bounded: a platform that does not answer in time leaves the draft unreadable,
 * and the attempt fails closed. Pure given the fetcher.
 */
import type { DraftFields, SavedDraftReader } from './adapter';
import type { HeldRequest } from './endpoints';
import { within } from '../utils/bounded';

export const SAVED_UNREADABLE = '无法从平台读取要发表的稿件';

/** How long the platform has to answer the draft's fields. */
export const SAVED_DRAFT_MS = 8000;

/** Fetches a JSON answer with the page's session; rejects on a network error or a non-2xx status. */
export type FetchJson = (url: string, signal: AbortSignal) => Promise<unknown>;

export class SavedDraftUnreadable extends Error {}

export async function loadSavedDraft(
  reader: SavedDraftReader | undefined,
  id: string,
  request: HeldRequest,
  pageUrl: string,
  fetchJson: FetchJson,
  timeoutMs = SAVED_DRAFT_MS,
): Promise<DraftFields> {
  if (!reader) throw new SavedDraftUnreadable(`${SAVED_UNREADABLE}：本平台不提供读取方式`);
  let url: string;
  try {
    url = reader.url(id, request, pageUrl);
  } catch (e) {
    throw new SavedDraftUnreadable(`${SAVED_UNREADABLE}：${message(e)}`);
  }
  const stop = new AbortController();
  try {
    const answer = await within(fetchJson(url, stop.signal), timeoutMs, '平台', {
      message: `平台 ${timeoutMs} ms 内未应答`,
      onTimeout: () => stop.abort(),
    });
    return reader.parse(answer, url);
  } catch (e) {
    throw new SavedDraftUnreadable(`${SAVED_UNREADABLE}：${message(e)}`);
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The content script's fetcher: same-origin, with the platform's cookies, JSON only. */
export const pageFetchJson: FetchJson = async (url, signal) => {
  const response = await fetch(url, { credentials: 'include', signal, cache: 'no-store' });
  if (!response.ok) throw new Error(`平台答复 HTTP ${response.status}`);
  return (await response.json()) as unknown;
};
