/** The guard on card.weibo.com (头条文章) (isolated world). Starts at document_start to meet its network gate. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { cardWeiboAdapter } from '../adapters/card-weibo';
import { CARD_WEIBO_MATCHES } from '../adapters/card-weibo/matches';
import { runGuard } from '../guard/run';

export default defineContentScript({
  matches: CARD_WEIBO_MATCHES,
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  main: (ctx) => runGuard(ctx, cardWeiboAdapter),
});
