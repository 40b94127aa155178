/**
 * Every adapter's endpoints in one place, so that each platform's network gate can refuse what
 * goes to another platform's publish endpoints (it has no guard for them). Data only.
 */
import type { EndpointRule } from '../guard/endpoints';
import { CARD_WEIBO_ENDPOINTS } from './card-weibo/endpoints';
import { WECHAT_ENDPOINTS } from './wechat/endpoints';
import { WEIBO_ENDPOINTS } from './weibo/endpoints';

const ALL: Record<string, readonly EndpointRule[]> = {
  weibo: WEIBO_ENDPOINTS,
  'card-weibo': CARD_WEIBO_ENDPOINTS,
  wechat: WECHAT_ENDPOINTS,
};

/** The endpoints of every adapter but `id`. */
export function endpointsElsewhere(id: string): EndpointRule[] {
  return Object.entries(ALL)
    .filter(([other]) => other !== id)
    .flatMap(([, rules]) => rules);
}

export function allEndpoints(): EndpointRule[] {
  return Object.values(ALL).flat();
}
