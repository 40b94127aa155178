/**
 * Every hook the card.weibo.com headline-article (头条文章) adapter uses, most stable first:
 * placeholders and button texts, then Naive UI and Tiptap classes (docs/platform-sources.md; WBA, BYW,
 * WS3 2025–26; the old v3 iframe editor from OLDV3). A rule pack may replace any key
 * (`sites.card-weibo.<key>`).
 */
import { css, text, type SelectorTable } from '../../guard/selectors';

export const CARD_WEIBO_SELECTORS = {
  title: css(['textarea[placeholder="请输入标题"]', 'input[placeholder="请输入标题"]'], 'BYW, MP, WBA 2025–26'),
  summary: css(
    [
      'textarea[placeholder="导语（选填）"]',
      'input[placeholder="导语（选填）"]',
      'textarea[placeholder*="导语"]',
      'input[placeholder*="导语"]',
    ],
    'BYW; an <input> in the old v3 editor',
  ),
  body: css(['.ProseMirror.tiptap', '.editor .ProseMirror', '.ProseMirror[contenteditable="true"]'], 'BYW 2026'),
  bodyFrame: css(['iframe.WB_editor_iframe_new'], 'OLDV3 ~2020'),
  publishLabel: text(['发布', '立即发布', '确认发布'], 'WBA 2025–26'),
  /** The publish step's checkboxes (Naive UI, or a native one): 声明原创 is found among them by its text. */
  checkbox: css(['.n-checkbox', '[role="checkbox"]', 'label:has(input[type="checkbox"])'], 'Naive UI checkbox'),
  originalLabel: text(['声明原创', '原创声明', '原创'], 'draft/publish `is_original` (JAL)'),
  /** A ticked checkbox that is no native input: ARIA, or Naive UI's own class. */
  checkboxTicked: css(['[aria-checked="true"]', '.n-checkbox--checked'], 'Naive UI checkbox'),
} satisfies SelectorTable;

export type CardWeiboSelectorKey = keyof typeof CARD_WEIBO_SELECTORS;
