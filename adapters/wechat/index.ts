/**
 * The WeChat Official Accounts Platform adapter: the article editor (ProseMirror or the legacy
 * UEditor iframe) and the 贴图 image post on `/cgi-bin/appmsg?t=media/appmsg_edit(_v2)`.
 *
 * Where it gates: 发表 is a chain (#js_send → `.mass-send` settings dialog → 发表 → 继续发表 →
 * admin QR → `masssend`). The guard stops the chain at the `.mass-send` dialog's 发表, where the
 * editor decides to publish now or on schedule; a confirm dialog that appears without that
 * dialog on the page (an older or shortened flow) is gated itself. 预览 is gated at its dialog's
 * 确定, which sends the article to a phone. The page keeps hidden copies of all these dialogs,
 * so a control counts only inside a dialog that is on screen. Whatever slips past a control is
 * held by the network gate (endpoints.ts).
 */
import type { DraftKind } from '../../rules/engine/types';
import { defineSiteAdapter, type ControlHit } from '../../guard/adapter';
import { fieldText, type HeldRequest } from '../../guard/endpoints';
import type { Selectors } from '../../guard/selectors';
import { isShown } from '../../guard/visible';
import { pageDocument } from '../lib/frames';
import { htmlText } from '../lib/html-text';
import { inlineScriptValue, keyedValue } from '../lib/inline-scripts';
import { wechatBody, wechatComposer } from './composer';
import { WECHAT_ENDPOINTS } from './endpoints';
import { wechatSavedDraft } from './saved-draft';
import { WECHAT_SELECTORS, type WechatSelectorKey } from './selectors';

type S = Selectors<WechatSelectorKey>;

const EDITOR_PAGE = /^media\/appmsg_edit(_v2)?$/;

function isEditorUrl(location: Pick<Location, 'pathname' | 'search'>): boolean {
  return (
    location.pathname === '/cgi-bin/appmsg' && EDITOR_PAGE.test(new URLSearchParams(location.search).get('t') ?? '')
  );
}

function pageName(kind: DraftKind, action: 'editor' | 'preview' | 'scheduled'): string {
  return `${kind === 'image-post' ? 'image-post' : 'article'}-${action}`;
}

/** The button at or above `target`, if it is one. */
function buttonAt(target: Element): Element | null {
  return target.closest('button, a, [role="button"]');
}

/** The on-screen dialog holding `el`, or null (hidden templates do not count). */
function openDialog(el: Element, s: S): Element | null {
  const dialog = s.closest(el, 'dialog');
  return dialog && isShown(dialog) ? dialog : null;
}

function scheduled(doc: Document, s: S): boolean {
  return s
    .all(doc, 'timerSwitch')
    .some((input) => (input as HTMLInputElement).checked && isShown(input.closest('.mass-send') ?? input));
}

function hit(doc: Document, s: S, control: Element, action: 'preview' | 'publish'): ControlHit | null {
  const composer = wechatComposer(doc, s);
  if (!composer) return null;
  const page = pageName(composer.kind, action === 'preview' ? 'preview' : scheduled(doc, s) ? 'scheduled' : 'editor');
  return { composer: { ...composer, page, control }, control };
}

export const wechatAdapter = defineSiteAdapter({
  id: 'wechat',
  platform: 'wechat',
  label: '微信公众平台',
  selectors: WECHAT_SELECTORS,

  page(location, doc, s) {
    if (!isEditorUrl(location)) return null;
    const imagePost =
      new URLSearchParams(location.search).get('createType') === '8' || wechatBody(doc, s)?.kind === 'image-post';
    return {
      kind: pageName(imagePost ? 'image-post' : 'article', 'editor'),
      expects: [
        {
          label: imagePost ? '找不到贴图描述编辑框' : '找不到正文编辑区',
          found: (d, sel) => wechatBody(d, sel) !== null,
        },
        { label: '找不到标题输入框', found: (d, sel) => (sel as S).first(d, 'title') !== null },
        { label: '找不到“发表”按钮', found: (d, sel) => (sel as S).first(d, 'send') !== null },
      ],
    };
  },

  composers(doc, s) {
    const composer = wechatComposer(doc, s);
    return composer ? [composer] : [];
  },

  controlAt(target, s) {
    const button = buttonAt(target);
    if (!button) return null;
    const doc = button.ownerDocument;
    const dialog = openDialog(button, s);
    if (!dialog) return null;
    const massSend = s.first(dialog, 'massSend');
    if (massSend) {
      // The settings dialog's own primary 发表 (not 取消, not a switch).
      return s.matches(button, 'primaryButton') && s.hasText(button, 'publishConfirmLabel')
        ? hit(doc, s, button, 'publish')
        : null;
    }
    if (s.first(dialog, 'previewInput')) {
      return s.hasText(button, 'previewConfirmLabel') ? hit(doc, s, button, 'preview') : null;
    }
    // A publish dialog with no weui settings dialog in the page (an older or shortened flow, or
    // dialogs built another way): its main action named 发表/继续发表… is the publish control.
    if (s.matches(button, 'primaryAction') && s.hasText(button, 'publishConfirmLabel') && !s.first(doc, 'massSend')) {
      return hit(doc, s, button, 'publish');
    }
    return null;
  },

  composerAt(target, s) {
    const composer = wechatComposer(pageDocument(target), s);
    if (!composer) return null;
    const inside = Object.values(composer.surfaces).some((surface) => surface && surface.element.contains(target));
    return inside ? composer : null;
  },

  account(doc) {
    const name =
      inlineScriptValue(doc, keyedValue('nick_name')) ??
      doc.querySelector(WECHAT_SELECTORS.nickname.values.join(','))?.textContent?.trim();
    if (!name) return undefined;
    const id = inlineScriptValue(doc, keyedValue('user_name'));
    return id ? { name, id } : { name };
  },

  network: {
    endpoints: WECHAT_ENDPOINTS,
    // After the guard lets 发表 go come 继续发表 and the admin's QR scan on a phone; the scan ticket
    // lasts minutes, and a post approved at the dialog must not be asked about again for it.
    approvalMs: 5 * 60_000,
    savedDraft: wechatSavedDraft,
    toDraft(request: HeldRequest) {
      const f = request.fields;
      const text = (name: string) => fieldText(f, name);
      const kind: DraftKind = (f.share_page_type0 ?? []).includes('8') ? 'image-post' : 'article';
      if (request.endpoint !== 'operate_appmsg/preview') {
        // masssend carries only the saved draft's id: what it publishes is that draft as saved,
        // read back from the platform (saved-draft.ts), whatever the editor shows.
        const id = text('appmsgid') ?? text('AppMsgId');
        if (!id) throw new Error('发表请求中没有稿件编号（appmsgid）');
        return { kind, saved: { id } };
      }
      const body = htmlText(text('content0') ?? '', request.url);
      const sourceUrl = text('share_copyright_url0') || text('sourceurl0');
      const copyright = f.copyright_type0;
      return {
        kind,
        page: pageName(kind, 'preview'),
        draft: {
          title: text('title0') ?? '',
          ...(text('author0') ? { author: text('author0') } : {}),
          ...(text('digest0') ? { summary: text('digest0') } : {}),
          body: body.text,
          ...(body.links.length ? { links: body.links } : {}),
          ...(sourceUrl ? { source: { url: sourceUrl } } : {}),
          original: copyright !== undefined ? copyright.some((v) => v !== '0') : undefined,
        },
      };
    },
  },

  // No keyboard shortcut publishes from this editor; keyboard activation of a button is a click.
  isSubmitKey: () => false,
});
