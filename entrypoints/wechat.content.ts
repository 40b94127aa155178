/** The guard on mp.weixin.qq.com (isolated world). Starts at document_start to meet its network gate. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { wechatAdapter } from '../adapters/wechat';
import { WECHAT_MATCHES } from '../adapters/wechat/matches';
import { runGuard } from '../guard/run';

export default defineContentScript({
  matches: WECHAT_MATCHES,
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  main: (ctx) => runGuard(ctx, wechatAdapter),
});
