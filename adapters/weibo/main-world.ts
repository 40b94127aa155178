/**
 * The weibo.com network gate's spec for the MAIN world: endpoints, the refusal shape, and the
 * logged-in account from page globals the isolated world cannot see (WBC in docs/platform-sources.md):
 * `$CONFIG.user`, then the Vue 2 root's config, then the Vue 3 store (id only).
 */
import type { Account } from '../../guard/adapter';
import type { MainWorldSpec } from '../../guard/main-world';
import type { Natives } from '../../guard/net/natives';
import { endpointsElsewhere } from '../endpoints';
import { WEIBO_ENDPOINTS, weiboRejection } from './endpoints';

interface WeiboUser {
  idstr?: string;
  id?: number | string;
  screen_name?: string;
}

function fromUser(user: WeiboUser | undefined): Account | undefined {
  if (!user?.screen_name) return undefined;
  const id = user.idstr ?? (user.id !== undefined ? String(user.id) : undefined);
  return { name: user.screen_name, ...(id ? { id } : {}) };
}

/** Page data is read as page data; the DOM is queried only through the gate's own built-ins. */
function identity(n: Natives): Account | undefined {
  const w = window as unknown as { $CONFIG?: { user?: WeiboUser } };
  const fromConfig = fromUser(w.$CONFIG?.user);
  if (fromConfig) return fromConfig;
  // The rule takes a cast to a type of optional fields for a no-op (typescript-eslint#12270).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const vue2 = n.querySelector!(n.document, '#app') as
    (Element & { __vue__?: { config?: { user?: WeiboUser } } }) | null;
  const fromVue2 = fromUser(vue2?.__vue__?.config?.user);
  if (fromVue2) return fromVue2;
  type Vue3 = {
    __vue_app__?: {
      config?: { globalProperties?: { $store?: { state?: { config?: { config?: { uid?: string | number } } } } } };
    };
  };
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- as above
  const vue3 = n.querySelector!(n.document, '[data-v-app]') as (Element & Vue3) | null;
  const uid = vue3?.__vue_app__?.config?.globalProperties?.$store?.state?.config?.config?.uid;
  return uid !== undefined ? { name: `uid ${uid}`, id: String(uid) } : undefined;
}

export const weiboMainWorld: MainWorldSpec = {
  endpoints: WEIBO_ENDPOINTS,
  elsewhere: endpointsElsewhere('weibo'),
  identity,
  rejection: weiboRejection,
};
