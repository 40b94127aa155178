/**
 * The WeChat article / 贴图 editor as one composer: its text surfaces (title, byline, digest,
 * body) and what the editor sets through controls rather than typing (原创, 原文链接, the
 * reprinted account, links in the rich text).
 */
import type { Draft, DraftKind } from '../../rules/engine/types';
import type { Composer } from '../../guard/adapter';
import type { Selectors } from '../../guard/selectors';
import { surfaceFor, type TextSurface } from '../../guard/surface';
import { isShown } from '../../guard/visible';
import { linksIn } from '../lib/html-text';
import type { WechatSelectorKey } from './selectors';

type S = Selectors<WechatSelectorKey>;

/** The body element: the ProseMirror, the legacy UEditor iframe's body, or the 贴图 text. */
export function wechatBody(doc: Document, s: S): { element: HTMLElement; kind: DraftKind } | null {
  const pm = s.first(doc, 'body');
  if (pm) return { element: pm as HTMLElement, kind: 'article' };
  const frame = s.first(doc, 'bodyFrame') as HTMLIFrameElement | null;
  if (frame) {
    // Same-origin about:blank document written by UEditor; null while it is still being built.
    const body = frame.contentDocument?.body;
    return body ? { element: body, kind: 'article' } : null;
  }
  const imageText = s.first(doc, 'imageText');
  return imageText ? { element: imageText as HTMLElement, kind: 'image-post' } : null;
}

/** The visible title: a ProseMirror over a hidden textarea in 2025–26 variants, else the textarea. */
function titleElement(doc: Document, s: S): HTMLElement | null {
  const overlay = s.first(doc, 'titleOverlay');
  if (overlay && isShown(overlay)) return overlay as HTMLElement;
  return s.first(doc, 'title') as HTMLElement | null;
}

function original(doc: Document, s: S): boolean | undefined {
  const on = s.first(doc, 'originalOn');
  if (on && isShown(on)) return true;
  const off = s.first(doc, 'originalOff');
  if (off && isShown(off)) return false;
  return undefined;
}

const isUrl = (v: string | null | undefined): v is string => !!v && /^https?:\/\/\S+$/i.test(v.trim());

/** 原文链接 (when ticked) and, for a reprint, the account it comes from. */
function source(doc: Document, s: S): Draft['source'] {
  const out: NonNullable<Draft['source']> = {};
  const reprint = s.first(doc, 'reprint');
  if (reprint && isShown(reprint)) {
    const name = s.first(doc, 'reprintName')?.textContent?.trim();
    const url = (s.first(doc, 'reprintUrl') as HTMLInputElement | null)?.value?.trim();
    if (name) out.name = name;
    if (isUrl(url)) out.url = url;
  }
  const ticked = (s.first(doc, 'sourceUrlChecked') as HTMLInputElement | null)?.checked;
  if (ticked && !out.url) {
    const label = s.first(doc, 'sourceUrlLabel')?.textContent?.trim();
    const typed = (s.first(doc, 'sourceUrlInput') as HTMLInputElement | null)?.value?.trim();
    const url = isUrl(label) ? label : isUrl(typed) ? typed : undefined;
    if (url) out.url = url.trim();
  }
  return out.name || out.url ? out : undefined;
}

export function wechatComposer(doc: Document, s: S): Composer | null {
  const body = wechatBody(doc, s);
  if (!body) return null;
  const surfaces: Composer['surfaces'] = { body: surfaceFor(body.element) };
  const optional: [keyof Composer['surfaces'], HTMLElement | null][] = [
    ['title', titleElement(doc, s)],
    ['author', s.first(doc, 'author') as HTMLElement | null],
    ['summary', s.first(doc, 'digest') as HTMLElement | null],
  ];
  for (const [field, el] of optional) if (el) (surfaces as Record<string, TextSurface>)[field] = surfaceFor(el);
  return {
    root: s.first(doc, 'editor') ?? doc.body,
    kind: body.kind,
    surfaces,
    extra: () => {
      const links = linksIn(body.element, doc.URL);
      return { original: original(doc, s), source: source(doc, s), ...(links.length ? { links } : {}) };
    },
    control: s.first(doc, 'send'),
  };
}
