/** The guard on weibo.com (isolated world). Starts at document_start to meet its network gate. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { weiboAdapter } from '../adapters/weibo';
import { WEIBO_MATCHES } from '../adapters/weibo/matches';
import { runGuard } from '../guard/run';

export default defineContentScript({
  matches: WEIBO_MATCHES,
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  main: (ctx) => runGuard(ctx, weiboAdapter),
});
