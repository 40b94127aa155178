/**
 * Every hook the weibo.com adapter uses, most stable first (sources: docs/platform-sources.md). Placeholders and
 * button texts have held from the Vue 2 "V7" front end (2021–2025) into the Vue 3 one (2026);
 * hashed CSS-module classes changed between them, so they appear only by substring and last.
 * A rule pack may replace any list under `sites.weibo.<key>`.
 */
import { css, text } from '../../guard/selectors';

export const WEIBO_SELECTORS = {
  homeInput: css(
    [
      'textarea[placeholder="有什么新鲜事想分享给大家？"]',
      '#homeWrap textarea',
      '[composerconfig] textarea[class*="_input_"]',
    ],
    'WBP, MP 2024–25, BYW 2026; #homeWrap BYW 2026; composerconfig AW 2026',
  ),
  commentInput: css(['textarea[placeholder="发布你的评论"]'], 'WBI, SEL 2022–26'),
  replyInput: css(['textarea[placeholder="发布你的回复"]', 'textarea[placeholder^="回复"]'], 'SEL 2022–24'),
  repostInput: css(['textarea[placeholder*="说说分享心得"]'], 'unattributed Playwright probe 2025–26'),
  sendLabel: text(['发送'], 'woo-button-content, MP, WBP 2021–26'),
  commentLabel: text(['评论'], 'woo-button-content, WBI'),
  replyLabel: text(['回复'], 'SEL'),
  repostLabel: text(['转发'], 'woo-button-content, WBI'),
  /** A fallback for the composer's outer element when no publish button is found near the input. */
  composerRoot: css(
    ['[composerconfig]', '[class*="Composer_mar1_"]', '[class*="_mar1_"]'],
    'AW 2024 (V7), 2026 (Vue 3)',
  ),
  alsoRepostLabel: text(['同时转发'], 'WBI'),
  feedCard: css(['article'], 'WBI 2025–26'),
  cardAuthor: css(['header [title]', 'header a[usercard]', 'header a[href^="/u/"]'], 'WBI'),
  cardText: css(
    ['[class*="_wbtext_"]', '[node-type="feed_list_content"]'],
    'V7 detail_wbtext_, 2026 _wbtext_; V6 node-type',
  ),
  dialog: css(['[role="dialog"]', '[class*="woo-modal-main"]'], 'woo kit'),
  commentItem: css(['[class*="_item1_"]', '[class*="CommentItem"]', '[class*="comment-item"]']),
  commentAuthor: css(['a[usercard]', 'a[href^="/u/"]', '[class*="_name_"]']),
  commentText: css(['[class*="_text_"]', '[class*="_con_"] span']),
  vueRoot: css(['#app', '[data-v-app]'], 'YF (V7), AW (2026)'),
};

export type WeiboSelectorKey = keyof typeof WEIBO_SELECTORS;
