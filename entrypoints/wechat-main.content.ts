/**
 * The network gate on mp.weixin.qq.com, in the page's MAIN world at document_start (before any page
 * script), in every frame; frames without a guard refuse publish requests (fail closed).
 * The legacy UEditor body lives in an about:blank iframe: the gate covers it too.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { wechatMainWorld } from '../adapters/wechat/main-world';
import { WECHAT_MATCHES } from '../adapters/wechat/matches';
import { installMainWorld } from '../guard/main-world';

export default defineContentScript({
  matches: WECHAT_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  // blob: and about: frames take their creator's origin: the gate must sit there too.
  matchOriginAsFallback: true,
  main: () => installMainWorld(wechatMainWorld),
});
