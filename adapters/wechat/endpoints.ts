/**
 * What leaves the WeChat editor (docs/platform-sources.md). Held: 发表 (`masssend`, immediate or
 * `action=time_send`) and 预览 (`operate_appmsg sub=preview`: the article goes to a phone).
 * Never held: draft saves (`operate_appmsg sub=create|update`), which autosave fires every few
 * seconds — holding them would lose the editor's work — and the pre-checks `masssend` makes
 * before publishing (`for_check=1`, `action=check_*` and the like). Pure data: also bundled into
 * the MAIN world.
 */
import type { EndpointRule } from '../../guard/endpoints';

export const WECHAT_ENDPOINTS: readonly EndpointRule[] = [
  { id: 'masssend', role: 'publish', path: '/cgi-bin/masssend', query: { action: null, for_check: null } },
  {
    id: 'masssend/time_send',
    role: 'publish',
    path: '/cgi-bin/masssend',
    query: { action: 'time_send', for_check: null },
  },
  { id: 'operate_appmsg/preview', role: 'publish', path: '/cgi-bin/operate_appmsg', query: { sub: 'preview' } },
  { id: 'operate_appmsg/save', role: 'autosave', path: '/cgi-bin/operate_appmsg', query: { sub: /^(create|update)$/ } },
];
