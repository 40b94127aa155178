/**
 * Which selectors a rule pack may override (Pack.sites), so that a platform's page change can be
 * answered by a signed pack within hours instead of an extension release.
 *
 * Shape: adapter id → selector key → kind. A `css` key takes CSS selectors; a `text` key takes the
 * visible texts of a control (button labels). This is the shape of each adapter's own selector
 * table (adapters/<id>/selectors.ts: `{ kind, values, note }` per key), so an adapter's table can
 * stand here as it is; the keys and kinds below are those of the weibo.com, card.weibo.com and
 * mp.weixin.qq.com adapters. A pack that names an adapter or key not listed here is refused: a
 * typo would otherwise be silently ignored in every browser.
 */

export type SelectorKind = 'css' | 'text';
export type SiteSchema = Readonly<Record<string, Readonly<Record<string, { readonly kind: SelectorKind }>>>>;

const css = { kind: 'css' } as const;
const text = { kind: 'text' } as const;

export const SITE_SCHEMA: SiteSchema = {
  weibo: {
    homeInput: css,
    commentInput: css,
    replyInput: css,
    repostInput: css,
    sendLabel: text,
    commentLabel: text,
    replyLabel: text,
    repostLabel: text,
    composerRoot: css,
    alsoRepostLabel: text,
    feedCard: css,
    cardAuthor: css,
    cardText: css,
    dialog: css,
    commentItem: css,
    commentAuthor: css,
    commentText: css,
    vueRoot: css,
  },
  'card-weibo': {
    title: css,
    summary: css,
    body: css,
    bodyFrame: css,
    publishLabel: text,
  },
  wechat: {
    editor: css,
    title: css,
    titleOverlay: css,
    author: css,
    digest: css,
    body: css,
    bodyFrame: css,
    imageText: css,
    originalOn: css,
    originalOff: css,
    sourceUrlChecked: css,
    sourceUrlLabel: css,
    sourceUrlInput: css,
    reprint: css,
    reprintName: css,
    reprintUrl: css,
    send: css,
    sendLabel: text,
    preview: css,
    dialog: css,
    massSend: css,
    timerSwitch: css,
    primaryButton: css,
    publishConfirmLabel: text,
    previewInput: css,
    previewConfirmLabel: text,
    nickname: css,
  },
};
