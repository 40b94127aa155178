/**
 * The card.weibo.com adapter's MAIN-world half: endpoints, the v3 page's `$CONFIG` account, and
 * a refusal in the platform's `{code, msg}` shape so the editor shows the message.
 */
import type { MainWorldSpec } from '../../guard/main-world';
import { endpointsElsewhere } from '../endpoints';
import { CARD_WEIBO_ENDPOINTS } from './endpoints';

export const cardWeiboMainWorld: MainWorldSpec = {
  endpoints: CARD_WEIBO_ENDPOINTS,
  elsewhere: endpointsElsewhere('card-weibo'),
  identity() {
    const config = (window as unknown as { $CONFIG?: { uid?: string | number; nick?: string } }).$CONFIG;
    if (!config?.nick) return undefined;
    return config.uid ? { name: config.nick, id: String(config.uid) } : { name: config.nick };
  },
  rejection: (message) => ({ code: 100001, msg: message, data: null }),
};
