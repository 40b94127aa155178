/**
 * The weibo.com adapter: the home composer (发送), comment and reply boxes (评论 / 回复, with
 * 同时转发), and the repost composer (转发), on both page generations (Vue 2 `#app`, Vue 3
 * `[data-v-app]`). Composers mount late and feed cards are recycled by virtual scrolling, so
 * nothing is cached on elements: every call reads the page as it is now.
 *
 * A composer is found from its text box (placeholder first): its root is the nearest ancestor
 * that also holds the publish button with the label for that kind (发送/评论/回复/转发). A button
 * is a publish control only if it is exactly that button of some composer — the feed toolbar's
 * own 评论/转发 entries are not.
 */
import type { DraftKind } from '../../rules/engine/types';
import { defineSiteAdapter, type Composer, type RequestDraft } from '../../guard/adapter';
import { fieldText, type HeldRequest } from '../../guard/endpoints';
import type { Selectors } from '../../guard/selectors';
import { surfaceFor } from '../../guard/surface';
import { accountFromScripts } from './account';
import { WEIBO_ENDPOINTS } from './endpoints';
import { WEIBO_SELECTORS, type WeiboSelectorKey } from './selectors';

type S = Selectors<WeiboSelectorKey>;

// Most specific first: the home box's fallbacks (#homeWrap textarea…) also match other boxes.
const INPUTS = [
  { key: 'commentInput', kind: 'comment', label: 'commentLabel', page: undefined },
  { key: 'replyInput', kind: 'reply', label: 'replyLabel', page: undefined },
  { key: 'repostInput', kind: 'repost', label: 'repostLabel', page: 'repost' },
  { key: 'homeInput', kind: 'post', label: 'sendLabel', page: undefined },
] as const satisfies readonly {
  key: WeiboSelectorKey;
  kind: DraftKind;
  label: WeiboSelectorKey;
  page: string | undefined;
}[];

/** What a text box is for: its draft kind, the label of its publish button, its page kind. */
interface InputKind {
  kind: DraftKind;
  label: WeiboSelectorKey;
  page: string | undefined;
}

/**
 * Editable elements of any build: a page generation that drops the placeholders (a rebuilt
 * front end, a contenteditable box) is still recognised by what the element is and by the
 * publish button beside it.
 */
const EDITABLE =
  'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], [role="textbox"]';
/** The publish buttons' labels, in the order a button is told by (a 发送 button first). */
const LABELS = ['sendLabel', 'commentLabel', 'replyLabel', 'repostLabel'] as const;
/** What a text box beside each publish button is for, as INPUTS says. */
const KIND_BY_LABEL: readonly InputKind[] = LABELS.map((label) => INPUTS.find((i) => i.label === label)!);

/** How far up from a text box the publish button may be (the Composer component is shallow). */
const MAX_DEPTH = 8;
const BUTTONS = 'button, [role="button"]';

function inputKind(el: Element, s: S): InputKind | undefined {
  if (el.tagName !== 'TEXTAREA') return undefined;
  return INPUTS.find((i) => s.matches(el, i.key));
}

/** The editing root that holds `el` (an editor's inner blocks belong to it). */
function editableRoot(el: Element): HTMLElement | null {
  let root = el.closest<HTMLElement>(EDITABLE);
  for (let up = root?.parentElement?.closest<HTMLElement>(EDITABLE); up; up = up.parentElement?.closest(EDITABLE))
    root = up;
  if (!root || root.tagName === 'INPUT') return null;
  if (root.tagName !== 'TEXTAREA' && !root.isContentEditable) return null;
  return root;
}

/** An unknown text box's kind, from the publish button nearest to it; none: not a composer. */
function kindByButton(input: Element, s: S): InputKind | undefined {
  let node: Element | null = input.parentElement;
  for (
    let depth = 0;
    node && depth < MAX_DEPTH && node !== input.ownerDocument.body;
    depth++, node = node.parentElement
  ) {
    for (const b of node.querySelectorAll(BUTTONS)) {
      if (input.contains(b)) continue;
      const which = KIND_BY_LABEL.find((k) => s.hasText(b, k.label));
      if (which) return which;
    }
  }
  return undefined;
}

function kindOf(el: Element, s: S): InputKind | undefined {
  return inputKind(el, s) ?? kindByButton(el, s);
}

function findButton(root: Element, s: S, label: WeiboSelectorKey): Element | null {
  for (const b of root.querySelectorAll(BUTTONS)) if (s.hasText(b, label)) return b;
  return null;
}

/** The composer a text box belongs to. */
function composerOf(input: HTMLElement, which: InputKind, s: S): Composer {
  let root: Element | null = null;
  let control: Element | null = null;
  let node: Element | null = input.parentElement;
  for (
    let depth = 0;
    node && depth < MAX_DEPTH && node !== input.ownerDocument.body;
    depth++, node = node.parentElement
  ) {
    control = findButton(node, s, which.label);
    if (control) {
      root = node;
      break;
    }
  }
  root ??= s.closest(input, 'composerRoot') ?? input.parentElement ?? input;
  const alsoRepost = which.kind === 'comment' || which.kind === 'reply' ? isAlsoRepostChecked(root, s) : false;
  const kind: DraftKind = alsoRepost ? 'repost' : which.kind;
  return {
    root,
    kind,
    ...(which.page ? { page: which.page } : {}),
    surfaces: { body: surfaceFor(input) },
    control,
    extra: () => {
      const quoted = which.kind === 'reply' && !alsoRepost ? quotedComment(root, s) : quotedPost(root, s);
      return quoted ? { quoted } : {};
    },
  };
}

function isAlsoRepostChecked(root: Element, s: S): boolean {
  for (const label of root.querySelectorAll('label')) {
    if (!s.hasText(label, 'alsoRepostLabel')) continue;
    const box =
      label.querySelector<HTMLInputElement>('input[type="checkbox"]') ??
      (label.htmlFor ? root.ownerDocument.getElementById(label.htmlFor) : null);
    return (box as HTMLInputElement | null)?.checked === true;
  }
  return false;
}

/** The post a composer answers: its feed card, or the card shown in the repost dialog. */
function quotedPost(root: Element, s: S): { author?: string; text: string } | undefined {
  const scope = s.closest(root, 'dialog') ?? root;
  let card = s.closest(root, 'feedCard');
  if (!card || scope !== root) card = s.all(scope, 'feedCard').find((c) => !c.contains(root)) ?? card;
  if (!card) return undefined;
  const text = s.first(card, 'cardText')?.textContent?.trim();
  if (!text) return undefined;
  const authorEl = s.first(card, 'cardAuthor');
  const author = (authorEl?.getAttribute('title') || authorEl?.textContent || '').trim();
  return { ...(author ? { author } : {}), text };
}

/** The comment a reply answers. */
function quotedComment(root: Element, s: S): { author?: string; text: string } | undefined {
  const item = s.closest(root, 'commentItem');
  if (!item) return quotedPost(root, s);
  const text = s.first(item, 'commentText')?.textContent?.trim();
  if (!text) return quotedPost(root, s);
  const author = s.first(item, 'commentAuthor')?.textContent?.trim().replace(/^@/, '');
  return { ...(author ? { author } : {}), text };
}

/**
 * The composer text boxes under `root`, each classified once: by its most specific hook, else
 * (an editable element the hooks do not name) by the publish button beside it.
 */
function textBoxes(root: ParentNode, s: S): { el: HTMLElement; which: InputKind }[] {
  const seen = new Set<Element>();
  const out: { el: HTMLElement; which: InputKind }[] = [];
  for (const i of INPUTS) {
    for (const el of s.all(root, i.key)) {
      if (seen.has(el) || el.tagName !== 'TEXTAREA') continue;
      seen.add(el);
      out.push({ el: el as HTMLTextAreaElement, which: inputKind(el, s)! });
    }
  }
  for (const candidate of root.querySelectorAll(EDITABLE)) {
    const el = editableRoot(candidate);
    if (!el || seen.has(el)) continue;
    seen.add(el);
    const which = kindByButton(el, s);
    if (which) out.push({ el, which });
  }
  return out;
}

function composerAt(target: Element, s: S): Composer | null {
  const el = target.tagName === 'TEXTAREA' ? (target as HTMLElement) : editableRoot(target);
  const which = el && kindOf(el, s);
  return el && which ? composerOf(el, which, s) : null;
}

function controlAt(target: Element, s: S) {
  const button = target.closest(BUTTONS);
  if (!button || !LABELS.some((l) => s.hasText(button, l))) return null;
  // Nearest ancestor of the button that holds a composer text box; the button must be exactly
  // that composer's publish button.
  for (
    let node: Element | null = button.parentElement, depth = 0;
    node && depth < MAX_DEPTH;
    node = node.parentElement, depth++
  ) {
    const inputs = textBoxes(node, s);
    if (!inputs.length) continue;
    for (const { el, which } of inputs) {
      const composer = composerOf(el, which, s);
      if (composer.control === button) return { composer, control: button };
    }
    return null;
  }
  return null;
}

function toDraft(request: HeldRequest): RequestDraft {
  const f = request.fields;
  // Every value a server might keep is checked (request-fields.ts): one field given twice is both.
  const text = (name: string) => fieldText(f, name) ?? '';
  const flag = (name: string) => (f[name] ?? []).includes('1');
  switch (request.endpoint) {
    case 'statuses/update':
    case 'statuses/schedule':
      return { kind: 'post', draft: { body: text('content') } };
    case 'v6/mblog/add':
      return { kind: 'post', draft: { body: text('text') } };
    case 'statuses/normal_repost':
    case 'statuses/repost':
      return { kind: 'repost', draft: { body: text('comment') }, page: 'repost' };
    case 'comments/create':
      return { kind: flag('is_repost') ? 'repost' : 'comment', draft: { body: text('comment') } };
    case 'comments/reply':
      return { kind: flag('is_repost') ? 'repost' : 'reply', draft: { body: text('comment') } };
    case 'v6/comment/add':
      return { kind: flag('forward') ? 'repost' : 'comment', draft: { body: text('content') } };
    default:
      throw new Error(`未知的微博发布端点 ${request.endpoint}`);
  }
}

const DETAIL = /^\/\d+\/[A-Za-z0-9]+$/;

export const weiboAdapter = defineSiteAdapter<WeiboSelectorKey>({
  id: 'weibo',
  platform: 'weibo',
  label: '微博',
  selectors: WEIBO_SELECTORS,
  page(location, _doc, s) {
    const path = location.pathname.replace(/\/+$/, '') || '/';
    if (path === '/' || path === '/home' || path === '/mygroups') {
      return {
        kind: 'home',
        label: '首页',
        expects: [
          {
            label: '找不到首页发布框',
            found: (doc) =>
              s.first(doc, 'homeInput') !== null || textBoxes(doc, s).some((b) => b.which.kind === 'post'),
          },
          {
            label: '找不到首页“发送”按钮',
            found: (doc) => {
              const input = s.first(doc, 'homeInput');
              const which = input && inputKind(input, s);
              if (which) return composerOf(input as HTMLTextAreaElement, which, s).control !== null;
              return textBoxes(doc, s).some((b) => b.which.kind === 'post' && composerOf(b.el, b.which, s).control);
            },
          },
        ],
      };
    }
    if (DETAIL.test(path)) {
      return {
        kind: 'detail',
        label: '微博正文页',
        expects: [
          { label: '找不到微博正文', found: (doc) => s.first(doc, 'feedCard') !== null },
          { label: '找不到评论框', found: (doc) => s.first(doc, 'commentInput') !== null },
        ],
      };
    }
    if (/^\/u\/\d+$/.test(path)) return { kind: 'profile', label: '个人主页', expects: [] };
    return { kind: 'other', label: '其他页面', expects: [] };
  },
  composers(doc, s) {
    return textBoxes(doc, s).map(({ el, which }) => composerOf(el, which, s));
  },
  controlAt,
  composerAt,
  account: (doc) => accountFromScripts(doc),
  network: { endpoints: WEIBO_ENDPOINTS, toDraft },
});
