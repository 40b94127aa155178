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
  /** The draft box (草稿箱) page, whose cards publish a saved draft with no editor open. */
  draftListUrl(): string;
  /** Saves a draft on the server as `operate_appmsg` would (fields `title0`, `content0`…); answers its id. */
  saveDraft(fields: Record<string, string>): string;
  /** The fields of a saved draft as its last save left them. */
  savedDraft(id: string): Record<string, string> | undefined;
  /** The ids of the drafts saved on the server, oldest first. */
  draftIds(): string[];
  /** Makes reading saved drafts back fail with this HTTP status (undefined: answer normally). */
  failDraftReads(status: number | undefined): void;
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
/** A read of a saved draft's fields (the saved-draft editor address asked for JSON). */
export const isDraftRead = (c: RecordedCall) =>
  c.path === '/cgi-bin/appmsg' && c.query.get('t') === 'media/appmsg_edit' && c.query.get('f') === 'json';
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

/** 草稿箱: one card per saved draft; 发表 publishes it by id, with no editor open. */
function draftListPage(drafts: Map<string, Record<string, string>>): string {
  const cards = [...drafts]
    .map(
      ([id, f]) =>
        `<div class="weui-desktop-card card_appmsg" data-appmsgid="${id}"><div class="weui-desktop-mass-appmsg__title">${f.title0 ?? ''}</div>` +
        `<button class="weui-desktop-btn js_publish" type="button">发表</button></div>`,
    )
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>草稿箱</title></head><body class="zh_CN">
<div id="js_container_box">${cards}</div><p id="js_result"></p>
<script>
document.addEventListener('click', function (e) {
  var button = e.target.closest('.js_publish');
  if (!button) return;
  var id = button.closest('[data-appmsgid]').getAttribute('data-appmsgid');
  var token = new URLSearchParams(location.search).get('token');
  var xhr = new XMLHttpRequest();
  xhr.open('POST', '/cgi-bin/masssend?t=ajax-response&is_release_publish_page=1&token=' + token + '&lang=zh_CN');
  xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
  xhr.onload = function () { document.getElementById('js_result').textContent = '已发表'; };
  xhr.onerror = function () { document.getElementById('js_result').textContent = '发表失败'; };
  xhr.send(new URLSearchParams({ appmsgid: id, operation_seq: '3141592653', send_time: '0', type: '10', isFreePublish: '1', isMulti: '0' }).toString());
});
</script></body></html>`;
}

/** A saved draft as the saved-draft editor address answers it in JSON. */
function draftAnswer(id: string, f: Record<string, string>) {
  const articles = Math.max(1, Number(f.count ?? 1));
  const multi_item = Array.from({ length: articles }, (_, i) => ({
    title: f[`title${i}`] ?? '',
    author: f[`author${i}`] ?? '',
    digest: f[`digest${i}`] ?? '',
    content: f[`content${i}`] ?? '',
    source_url: f[`sourceurl${i}`] ?? '',
    copyright_type: Number(f[`copyright_type${i}`] ?? 0),
  }));
  return { base_resp: { ret: 0, err_msg: 'ok' }, app_msg_info: { item: [{ app_id: Number(id), multi_item }] } };
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
  /** Saved drafts by id: the fields of their last save. */
  const drafts = new Map<string, Record<string, string>>();
  let draftReadStatus: number | undefined;
  const scans = new Map<string, number>();

  async function handle(route: Route) {
    const request = route.request();
    const url = new URL(request.url());
    const q = url.searchParams;
    const path = url.pathname;
    if (request.method() === 'GET' && path === '/cgi-bin/appmsg' && q.get('f') === 'json') {
      const call = await record(log, request);
      const id = call.query.get('appmsgid') ?? '';
      const draft = drafts.get(id);
      if (draftReadStatus !== undefined) return route.fulfill({ status: draftReadStatus, body: 'error' });
      if (!draft) return fulfillJson(route, { base_resp: { ret: 200003, err_msg: 'invalid appmsgid' } });
      return fulfillJson(route, draftAnswer(id, draft));
    }
    if (request.method() === 'GET' && path === '/cgi-bin/appmsg' && q.get('action') === 'list_card')
      return fulfillHtml(route, draftListPage(drafts));
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
        if (sub === 'create' || sub === 'update') {
          const id = sub === 'create' ? String(nextAppMsgId) : (call.form.get('AppMsgId') ?? '');
          drafts.set(id, Object.fromEntries(call.form));
        }
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
    draftListUrl: () =>
      `${MP_ORIGIN}/cgi-bin/appmsg?begin=0&count=10&type=77&action=list_card&token=${TOKEN}&lang=zh_CN`,
    saveDraft(fields) {
      const id = String(nextAppMsgId++);
      drafts.set(id, { count: '1', ...fields });
      return id;
    },
    savedDraft: (id) => drafts.get(id),
    draftIds: () => [...drafts.keys()],
    failDraftReads(status) {
      draftReadStatus = status;
    },
  };
}
