/**
 * Serves the replica headline-article editor at https://card.weibo.com/article/v3|v5/editor
 * through the test browser's request routing, with mock `aj/editor/draft/*` endpoints that
 * answer in the live shape (`{code: 100000, data}`) and record everything that reaches them.
 */
import {
  CallLog,
  fulfillHtml,
  fulfillJson,
  record,
  type RecordedCall,
  type Route,
  type RouteHost,
} from '../lib/endpoints';
import { cardWeiboEditorPage, type CardWeiboEditorOptions } from './editor-page';

export const CARD_ORIGIN = 'https://card.weibo.com';

export interface CardWeiboReplica {
  log: CallLog;
  /** The editor on an existing draft: /article/<version>/editor#/draft/<id>. */
  draftUrl(version?: 'v3' | 'v5'): string;
  /** The list view, where 写文章 creates a draft. */
  listUrl(version?: 'v3' | 'v5'): string;
  /**
   * Stores a draft as `draft/save` would (another tab, the phone app); returns its id. With `last`,
   * that save stays the last: the editor's later autosaves of the draft are answered but not
   * stored, as when another tab saves after this one stopped editing.
   */
  saveDraft(fields: Partial<SavedArticle>, id?: string, options?: { last?: boolean }): string;
  /** A draft as the server holds it. */
  savedDraft(id: string): SavedArticle | undefined;
  /** Makes `draft/load` answer with this HTTP status, or normally again with undefined. */
  failDraftReads(status: number | undefined): void;
  /** Forgets saved drafts and recorded calls (the server keeps drafts between page loads). */
  reset(): void;
}

interface SavedArticle {
  title: string;
  summary: string;
  content: string;
  writer: string;
}

/**
 * Runs in the page: what the draft list, a second tab or a page script sends to publish a saved
 * draft by id, with no editor open. Not awaited: a held request answers only when the panel is
 * done with it. For `page.evaluate` in Playwright and Puppeteer alike.
 */
export function publishSavedDraft([id, feed]: readonly [string, string]): void {
  const body = new URLSearchParams({ id, text: feed, is_original: '0', ver: '4.0' });
  void fetch(`/article/v5/aj/editor/draft/publish?uid=5123456789&id=${id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  }).catch(() => undefined);
}

const action = (c: RecordedCall) => /^\/article\/v\d\/aj\/editor\/draft\/([a-z]+)$/.exec(c.path)?.[1];
/** Draft saves, including autosave: must never be held by the guard. */
export const isSave = (c: RecordedCall) => action(c) === 'save';
export const isPublish = (c: RecordedCall) => action(c) === 'publish';
export const isDraftRead = (c: RecordedCall) => action(c) === 'load';

export async function serveCardWeibo(
  context: RouteHost,
  options: Partial<Omit<CardWeiboEditorOptions, 'version'>> = {},
): Promise<CardWeiboReplica> {
  const log = new CallLog();
  const config = { uid: '5123456789', nick: '保定发布', autosaveMs: 1500, ...options };
  let nextId = 4960000000000001;
  const empty: SavedArticle = { title: '', summary: '', content: '', writer: '' };
  const drafts = new Map<string, SavedArticle>();
  let readFailure: number | undefined;
  const pinned = new Set<string>();
  const reset = () => {
    drafts.clear();
    drafts.set('4960000000000000', empty);
    readFailure = undefined;
    pinned.clear();
    log.clear();
  };
  reset();

  async function handle(route: Route) {
    const request = route.request();
    const url = new URL(request.url());
    const page = /^\/article\/(v3|v5)\/editor\/?$/.exec(url.pathname);
    if (request.method() === 'GET' && page)
      return fulfillHtml(route, cardWeiboEditorPage({ ...config, version: page[1] as 'v3' | 'v5' }));
    const call = await record(log, request);
    const ok = { code: 100000, msg: '' };
    switch (action(call)) {
      case 'create': {
        const id = String(nextId++);
        drafts.set(id, empty);
        return fulfillJson(route, { ...ok, data: { id } });
      }
      case 'load':
        if (readFailure !== undefined) return route.fulfill({ status: readFailure, body: 'error' });
        return fulfillJson(route, {
          ...ok,
          data: { id: call.query.get('id'), ...drafts.get(call.query.get('id') ?? '') },
        });
      case 'save': {
        const id = call.form.get('id') ?? '';
        if (!pinned.has(id))
          drafts.set(id, {
            title: call.form.get('title') ?? '',
            summary: call.form.get('summary') ?? '',
            content: call.form.get('content') ?? '',
            writer: call.form.get('writer') ?? '',
          });
        return fulfillJson(route, { ...ok, data: { id, save_time: Math.floor(Date.now() / 1000) } });
      }
      case 'publish':
        return fulfillJson(route, {
          ...ok,
          data: { url: `https://weibo.com/ttarticle/p/show?id=230940${call.form.get('id')}`, mid: '5000000000000001' },
        });
      default:
        return route.fulfill({ status: 404, body: 'not found' });
    }
  }

  await context.route(`${CARD_ORIGIN}/**`, handle);
  return {
    log,
    draftUrl: (version = 'v5') => `${CARD_ORIGIN}/article/${version}/editor#/draft/4960000000000000`,
    listUrl: (version = 'v5') => `${CARD_ORIGIN}/article/${version}/editor#/`,
    saveDraft(fields, id = String(nextId++), options = {}) {
      drafts.set(id, { ...empty, ...fields });
      if (options.last) pinned.add(id);
      return id;
    },
    savedDraft: (id) => drafts.get(id),
    failDraftReads(status) {
      readFailure = status;
    },
    reset,
  };
}
