/**
 * The WeChat adapter's MAIN-world half: its endpoints, the account from `window.wx` (which only
 * the page's own world sees), and a refusal in the platform's error shape so the page shows
 * 发表失败 instead of waiting forever. Kept small: bundled into every mp.weixin.qq.com page.
 */
import type { MainWorldSpec } from '../../guard/main-world';
import { endpointsElsewhere } from '../endpoints';
import { WECHAT_ENDPOINTS } from './endpoints';

interface WxData {
  nick_name?: string;
  user_name?: string;
}
interface Wx {
  data?: WxData;
  commonData?: { data?: WxData };
  cgiData?: WxData;
}

export const wechatMainWorld: MainWorldSpec = {
  endpoints: WECHAT_ENDPOINTS,
  elsewhere: endpointsElsewhere('wechat'),
  identity() {
    const wx = (window as unknown as { wx?: Wx }).wx;
    // Page data read as page data; no array method the page could have replaced.
    const candidates = [wx?.data, wx?.commonData?.data, wx?.cgiData];
    let data: WxData | undefined;
    for (let i = 0; i < candidates.length && !data; i++) if (candidates[i]?.nick_name) data = candidates[i];
    if (!data?.nick_name) return undefined;
    return data.user_name ? { name: data.nick_name, id: data.user_name } : { name: data.nick_name };
  },
  rejection: (message) => ({ base_resp: { ret: -1, err_msg: message } }),
};
