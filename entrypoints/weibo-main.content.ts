/**
 * weibo.com's network gate, in the page's MAIN world at document_start (before any page script).
 * In every frame, so a script cannot publish from a blank iframe's untouched fetch; frames without
 * a guard refuse publish requests (fail closed).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { weiboMainWorld } from '../adapters/weibo/main-world';
import { WEIBO_MATCHES } from '../adapters/weibo/matches';
import { installMainWorld } from '../guard/main-world';

export default defineContentScript({
  matches: WEIBO_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  // blob: and about: frames take their creator's origin: the gate must sit there too.
  matchOriginAsFallback: true,
  main: () => installMainWorld(weiboMainWorld),
});
