/**
 * Every hook the WeChat Official Accounts Platform adapter uses, most stable first (ids and
 * weui-desktop classes held from the 2018 template to 2026 scripts; see docs/platform-sources.md). A rule
 * pack may replace any key (`sites.wechat.<key>`) when the platform changes its page.
 */
import { css, text, type SelectorTable } from '../../guard/selectors';

export const WECHAT_SELECTORS = {
  editor: css(['#js_appmsg_editor', '.appmsg_editor'], 'SAVE 2020, TOY'),
  title: css(['#title', 'textarea.js_title', 'input[name="title"]'], 'BY, GZH, APID, FIX; <input> in 2020'),
  titleOverlay: css(
    ['#js_title_main .ProseMirror', '.title-editor__input .ProseMirror', '.title-editor-overlay .ProseMirror'],
    'SKL, GZH 2025–26',
  ),
  author: css(['#author', 'input.js_author', 'input[name="author"]'], 'SAVE, TPL'),
  digest: css(['#js_description', 'textarea[name="digest"]'], 'SAVE, BY'),
  body: css(
    ['#ueditor_0 .ProseMirror', '.rich_media_content .ProseMirror', '#ueditor_0 [contenteditable="true"]'],
    'MOCK 2026, SKL, TOY',
  ),
  bodyFrame: css(['iframe#ueditor_0', '#edui1_iframeholder iframe'], 'SAVE 2020, WS2 fallback'),
  imageText: css(['#guide_words_main .ProseMirror', '.js_pmEditorArea'], '贴图: GZH, BY'),
  originalOn: css(['#js_original .origined', '#js_original_open'], 'TPL, TOY'),
  originalOff: css(['#js_original .unorigin'], 'TPL, TOY'),
  sourceUrlChecked: css(
    ['#js_article_url_area input.js_url_checkbox', '#js_article_url_area input[name="source_url_checked"]'],
    'SAVE',
  ),
  sourceUrlLabel: css(
    ['#js_article_url_area .js_article_url_setting', '#js_article_url_area .article_url_setting'],
    'SAVE',
  ),
  sourceUrlInput: css(
    [
      '#js_article_url_area input.js_url',
      '.popover-article-setting__content input.js_url',
      'input[placeholder="输入或粘贴原文链接"]',
    ],
    'TOY 2025',
  ),
  reprint: css(['#js_reprint_source'], 'SAVE, WS1'),
  reprintName: css(['#js_reprint_source .js_reprint_biz_nickname'], 'SAVE'),
  reprintUrl: css(
    ['#js_reprint_source input[name="share_copyright_url"]', 'input[name="share_copyright_url0"]'],
    'SAVE field share_copyright_url0',
  ),
  send: css(['#js_send button', '#js_send .mass_send'], 'BY, GZH, SKL'),
  sendLabel: text(['发表', '保存并群发'], '2020: 保存并群发'),
  preview: css(['#js_preview button', '#js_preview'], 'SAVE, BY'),
  dialog: css(
    [
      '.weui-desktop-dialog__wrp',
      '.weui-desktop-dialog',
      'dialog',
      '[role="dialog"]',
      '[role="alertdialog"]',
      '[aria-modal="true"]',
    ],
    'weui-desktop, 2020–2026; any dialog by its role',
  ),
  massSend: css(['.mass-send'], 'GZH 2026'),
  timerSwitch: css(['.mass-send__td-setting.timer_setting input.weui-desktop-switch__input'], 'GZH 2026'),
  primaryButton: css(['button.weui-desktop-btn_primary', '.weui-desktop-btn_primary'], 'weui-desktop'),
  /** A dialog's main action however the dialog is built (a rebuilt or third-party dialog kit). */
  primaryAction: css(
    ['.weui-desktop-btn_primary', '[class*="primary"]', 'button[type="submit"]', '[data-action="confirm"]'],
    'weui-desktop; generic dialog kits',
  ),
  publishConfirmLabel: text(['继续发表', '确认发表', '发表', '继续群发', '群发'], 'GZH, SKL'),
  previewInput: css(['input[placeholder*="微信号"]', 'input.js_preview_user'], '预览 dialog'),
  previewConfirmLabel: text(['确定', '发送'], '预览 dialog'),
  nickname: css(
    ['.weui-desktop-account__nickname', '.weui-desktop_name', '.weui-desktop-account__info'],
    'SAVE 2020, GZH 2026, SKL',
  ),
} satisfies SelectorTable;

export type WechatSelectorKey = keyof typeof WECHAT_SELECTORS;
