/**
 * Serves the replica WeChat Official Accounts Platform at https://mp.weixin.qq.com through the
 * test browser's request routing, with mock endpoints that answer in the live shapes
 * (`{base_resp:{ret:0}, appMsgId}`) and record everything that reaches them.
 */
import {
  CallLog,
  fulfillHtml,
  fulfillJson,
  record,
  type RecordedCall,
  type Route,
  type RouteHost,
} from '../lib/endpoints';
import { wechatEditorPage, type WechatEditorOptions } from './editor-page';

export const MP_ORIGIN = 'https://mp.weixin.qq.com';
export const TOKEN = '1234567890';

export type WechatReplicaOptions = Partial<WechatEditorOptions>;

export interface WechatReplica {
  log: CallLog;
  /** The new-article (or, with `imagePost`, new 贴图) editor address, as the home page opens it. */
  editorUrl(kind?: 'article' | 'image-post'): string;
  /** Changes the page served from now on (the next navigation or reload). */
  configure(options: WechatReplicaOptions): void;
}

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Draft saves, including autosave: must never be held by the guard. */
export const isSave = (c: RecordedCall) =>
  c.path === '/cgi-bin/operate_appmsg' && /^(create|update)$/.test(c.query.get('sub') ?? '');
export const isPreview = (c: RecordedCall) => c.path === '/cgi-bin/operate_appmsg' && c.query.get('sub') === 'preview';
/** The publish request proper (immediate or scheduled), not the pre-checks. */
export const isPublish = (c: RecordedCall) =>
  c.path === '/cgi-bin/masssend' &&
  !c.query.has('for_check') &&
  (!c.query.has('action') || c.query.get('action') === 'time_send');
export const isScheduledPublish = (c: RecordedCall) => isPublish(c) && c.query.get('action') === 'time_send';

function homePage(o: WechatEditorOptions): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>公众号</title>
<script>window.wx = { commonData: { data: { t: new URLSearchParams(location.search).get('token'), user_name: ${JSON.stringify(o.userName)}, nick_name: ${JSON.stringify(o.nickname)} } } };</script>
</head><body class="zh_CN"><div class="weui-desktop-account__info"><a class="weui-desktop-account__nickname">${o.nickname}</a></div>
<div class="new-creation__menu">
  <div class="new-creation__menu-item"><div class="new-creation__menu-content"><div class="new-creation__menu-title">文章</div></div></div>
  <div class="new-creation__menu-item"><div class="new-creation__menu-content"><div class="new-creation__menu-title">贴图</div></div></div>
</div><p class="js_home_ready">首页</p></body></html>`;
}

export async function serveWechat(context: RouteHost, options: WechatReplicaOptions = {}): Promise<WechatReplica> {
  const log = new CallLog();
  let config: WechatEditorOptions = {
    body: 'prosemirror',
    nickname: '保定发布',
    userName: 'gh_0a1b2c3d4e5f',
    autosaveMs: 1500,
    ...options,
  };
  let nextAppMsgId = 2247483650;
  const imagePosts = new Set<string>();
  const scans = new Map<string, number>();

  async function handle(route: Route) {
    const request = route.request();
    const url = new URL(request.url());
    const q = url.searchParams;
    const path = url.pathname;
    if (
      request.method() === 'GET' &&
      path === '/cgi-bin/appmsg' &&
      /^media\/appmsg_edit(_v2)?$/.test(q.get('t') ?? '')
    ) {
      const imagePost = q.get('createType') === '8' || imagePosts.has(q.get('appmsgid') ?? '');
      return fulfillHtml(route, wechatEditorPage({ ...config, imagePost }));
    }
    if (request.method() === 'GET' && path === '/cgi-bin/home') return fulfillHtml(route, homePage(config));
    if (path === '/cgi-bin/safe/safeqrcode')
      return route.fulfill({ status: 200, contentType: 'image/png', body: PNG_1X1 });

    const call = await record(log, request);
    const ok = { base_resp: { ret: 0, err_msg: 'ok' } };
    switch (path) {
      case '/cgi-bin/operate_appmsg': {
        const sub = q.get('sub');
        if (sub === 'create') {
          const id = String(nextAppMsgId++);
          if (call.form.get('share_page_type0') === '8') imagePosts.add(id);
          return fulfillJson(route, { ...ok, appMsgId: Number(id), data_seq: '1', filter_content_html: [] });
        }
        if (sub === 'update')
          return fulfillJson(route, {
            ...ok,
            appMsgId: Number(call.form.get('AppMsgId')),
            data_seq: String(Number(call.form.get('data_seq')) + 1),
            filter_content_html: [],
          });
        return fulfillJson(route, ok);
      }
      case '/cgi-bin/masssendpage':
        return fulfillJson(route, {
          ...ok,
          operation_seq: 3141592653,
          mass_send_left: 1,
          strategy_info: { protect_status: 2 },
          quota_detail_list: [],
        });
      case '/cgi-bin/masssend':
        if (q.get('action') === 'get_appmsg_copyright_stat') return fulfillJson(route, { ...ok, stat: 154009 });
        return fulfillJson(route, isPublish(call) ? { ...ok, msg_id: 1000000001 } : ok);
      case '/cgi-bin/misc/safeassistant': {
        const uuid = `uuid${log.calls.length}`;
        scans.set(uuid, 0);
        return fulfillJson(route, { ...ok, ticket: 'ticket-replica', uuid });
      }
      case '/cgi-bin/safe/safeuuid': {
        // The admin scans on the second poll and confirms on the third: 401 waiting, 404 scanned, 405 confirmed.
        const uuid = q.get('uuid') ?? '';
        const polls = (scans.get(uuid) ?? 0) + 1;
        scans.set(uuid, polls);
        return fulfillJson(
          route,
          polls < 2 ? { errcode: 401 } : polls < 3 ? { errcode: 404 } : { errcode: 405, code: 'scan-confirmed' },
        );
      }
      default:
        return route.fulfill({ status: 404, body: 'not found' });
    }
  }

  await context.route(`${MP_ORIGIN}/**`, handle);
  await context.route('https://mmbiz.qpic.cn/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: PNG_1X1 }),
  );
  return {
    log,
    editorUrl: (kind = 'article') =>
      `${MP_ORIGIN}/cgi-bin/appmsg?t=media/appmsg_edit_v2&action=edit&isNew=1&type=77&createType=${kind === 'image-post' ? 8 : 0}&token=${TOKEN}&lang=zh_CN`,
    configure(next) {
      config = { ...config, ...next };
    },
  };
}
