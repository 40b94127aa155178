/**
 * What leaves the WeChat editor (docs/platform-sources.md). Held: 发表 (`masssend`, immediate or
 * `action=time_send`) and 预览 (`operate_appmsg sub=preview`: the article goes to a phone).
 * Never held: draft saves (`operate_appmsg sub=create|update`), which autosave fires every few
 * seconds — holding them would lose the editor's work — and the pre-checks `masssend` makes
 * before publishing (`for_check=1`, `action=check_*`).
 *
 * `masssend` publishes unless it is unmistakably a pre-check: `for_check=0`, a second `action`,
 * `ACTION=…` or an `action` in the body are all held (net/classify.ts). Pure data: also bundled
 * into the MAIN world.
 */
import type { EndpointRule } from '../../guard/endpoints';

const hosts = ['mp.weixin.qq.com'];
const PRE_CHECKS = ['check_same_material', 'get_appmsg_copyright_stat', 'check_ad', 'check_music'];

export const WECHAT_ENDPOINTS: readonly EndpointRule[] = [
  { id: 'masssend', role: 'publish', hosts, path: '/cgi-bin/masssend' },
  { id: 'masssend/time_send', role: 'publish', hosts, path: '/cgi-bin/masssend', params: { action: 'time_send' } },
  {
    id: 'masssend/for_check',
    role: 'check',
    hosts,
    path: '/cgi-bin/masssend',
    params: { for_check: '1', action: null },
  },
  {
    id: 'masssend/check',
    role: 'check',
    hosts,
    path: '/cgi-bin/masssend',
    params: { action: PRE_CHECKS, for_check: null },
  },
  { id: 'operate_appmsg/preview', role: 'publish', hosts, path: '/cgi-bin/operate_appmsg', params: { sub: 'preview' } },
  {
    id: 'operate_appmsg/save',
    role: 'autosave',
    hosts,
    path: '/cgi-bin/operate_appmsg',
    params: { sub: ['create', 'update'] },
  },
];
