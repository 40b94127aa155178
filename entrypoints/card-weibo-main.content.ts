/**
 * The network gate on card.weibo.com (头条文章), in the page's MAIN world at document_start (before any page
 * script), on the whole host and in every frame, blank, srcdoc and blob: frames included; frames
 * and pages without a guard refuse publish requests (fail closed).
 * The old v3 editor keeps its body in an iframe: the gate covers it too.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { cardWeiboMainWorld } from '../adapters/card-weibo/main-world';
import { CARD_WEIBO_GATE_MATCHES } from '../adapters/card-weibo/matches';
import { installMainWorld } from '../guard/main-world';

export default defineContentScript({
  matches: CARD_WEIBO_GATE_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  // blob: and about: frames take their creator's origin: the gate must sit there too.
  matchOriginAsFallback: true,
  main: () => installMainWorld(cardWeiboMainWorld),
});
