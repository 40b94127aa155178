/**
 * The card.weibo.com headline-article (头条文章) adapter: title, 导语 and the Tiptap body (or the
 * old v3 iframe body) on `/article/v3|v5/editor#/draft/<id>`. It gates 发布, the step where the
 * editor publishes the article (a 确定 confirm may follow); the network gate holds
 * `draft/publish` whatever sends it. The publish request names the saved draft only: what it
 * publishes is that draft as saved, read back from the platform (saved-draft.ts) and checked,
 * whatever the editor shows and whether or not an editor is open.
 */
import { defineSiteAdapter, type Composer } from '../../guard/adapter';
import type { HeldRequest } from '../../guard/endpoints';
import type { Selectors } from '../../guard/selectors';
import { surfaceFor } from '../../guard/surface';
import { isShown } from '../../guard/visible';
import { pageDocument } from '../lib/frames';
import { linksIn } from '../lib/html-text';
import { inlineScriptValue, keyedNumber, keyedValue } from '../lib/inline-scripts';
import { CARD_WEIBO_ENDPOINTS } from './endpoints';
import { cardWeiboSavedDraft } from './saved-draft';
import { CARD_WEIBO_SELECTORS, type CardWeiboSelectorKey } from './selectors';

type S = Selectors<CardWeiboSelectorKey>;

/** The feed post `draft/publish` sends with the article, as the editor writes it. */
const FEED_LINE = /^发布了头条文章[：:]\s*《(.*)》$/s;

const EDITOR_PATH = /^\/article\/v\d+\/editor\/?$/;

function bodyElement(doc: Document, s: S): HTMLElement | null {
  const pm = s.first(doc, 'body');
  if (pm) return pm as HTMLElement;
  return (s.first(doc, 'bodyFrame') as HTMLIFrameElement | null)?.contentDocument?.body ?? null;
}

/**
 * Whether the publish step declares the article original (声明原创), read from its checkbox when
 * the step is open: the request sends it as `is_original`, and an approval given at 发布 must
 * hold for that request. Undefined where the step (or the checkbox) is not on screen.
 */
function original(doc: Document, s: S): boolean | undefined {
  const box = s.all(doc, 'checkbox').find((el) => isShown(el) && s.hasText(el, 'originalLabel'));
  if (!box) return undefined;
  const input = box.matches('input') ? box : box.querySelector('input[type="checkbox"]');
  if (input) return (input as HTMLInputElement).checked;
  return s.matches(box, 'checkboxTicked') || s.first(box, 'checkboxTicked') !== null;
}

function composer(doc: Document, s: S): Composer | null {
  const body = bodyElement(doc, s);
  if (!body || !isShown(body.ownerDocument === doc ? body : (s.first(doc, 'bodyFrame') ?? body))) return null;
  const surfaces: Composer['surfaces'] = { body: surfaceFor(body) };
  const title = s.first(doc, 'title') as HTMLElement | null;
  const summary = s.first(doc, 'summary') as HTMLElement | null;
  if (title) surfaces.title = surfaceFor(title);
  if (summary) surfaces.summary = surfaceFor(summary);
  return {
    root: doc.querySelector('#app') ?? doc.body,
    kind: 'article',
    surfaces,
    extra: () => {
      const links = linksIn(body, doc.URL);
      const declared = original(doc, s);
      return { ...(links.length ? { links } : {}), ...(declared !== undefined ? { original: declared } : {}) };
    },
    control: null,
  };
}

export const cardWeiboAdapter = defineSiteAdapter({
  id: 'card-weibo',
  platform: 'weibo',
  label: '微博头条文章',
  selectors: CARD_WEIBO_SELECTORS,

  page(location) {
    if (!EDITOR_PATH.test(location.pathname)) return null;
    if (!/^#\/draft\/\d+/.test(location.hash)) return { kind: 'article-list', expects: [] };
    return {
      kind: 'article-editor',
      expects: [
        { label: '找不到标题输入框', found: (d, sel) => (sel as S).first(d, 'title') !== null },
        { label: '找不到正文编辑区', found: (d, sel) => bodyElement(d, sel) !== null },
      ],
    };
  },

  composers(doc, s) {
    const c = composer(doc, s);
    return c ? [c] : [];
  },

  controlAt(target, s) {
    const button = target.closest('button, [role="button"]');
    if (!button || !s.hasText(button, 'publishLabel') || !isShown(button)) return null;
    const c = composer(button.ownerDocument, s);
    return c ? { composer: { ...c, control: button }, control: button } : null;
  },

  composerAt(target, s) {
    const c = composer(pageDocument(target), s);
    if (!c) return null;
    return Object.values(c.surfaces).some((surface) => surface && surface.element.contains(target)) ? c : null;
  },

  account(doc) {
    const name = inlineScriptValue(doc, keyedValue('nick'));
    if (!name) return undefined;
    const id = inlineScriptValue(doc, keyedNumber('uid'));
    return id ? { name, id } : { name };
  },

  network: {
    endpoints: CARD_WEIBO_ENDPOINTS,
    savedDraft: cardWeiboSavedDraft,
    toDraft(request: HeldRequest) {
      // The request names the saved draft by id (query and form may both carry it: one id only)
      // and sets 声明原创 itself; the article is the draft as saved.
      const ids = [...new Set(request.fields.id ?? [])];
      if (ids.length !== 1) throw new Error(ids.length ? '发布请求中的文章编号不唯一' : '发布请求中没有文章编号（id）');
      const original = request.fields.is_original;
      // The feed line the platform writes is 发布了头条文章：《title》; what else it says is published too.
      const feed = (request.fields.text ?? []).map((t) => FEED_LINE.exec(t.trim())?.[1] ?? t).join('\n');
      return {
        kind: 'article',
        saved: {
          id: ids[0]!,
          ...(original?.length ? { fields: { original: original.some((v) => v !== '0') } } : {}),
          ...(feed.trim() ? { also: feed } : {}),
        },
      };
    },
  },

  // Tiptap's Mod-Enter inserts a line break; no shortcut publishes.
  isSubmitKey: () => false,
});
