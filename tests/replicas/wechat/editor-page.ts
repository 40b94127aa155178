/**
 * The mp.weixin.qq.com article editor (`/cgi-bin/appmsg?t=media/appmsg_edit_v2…type=77`) as a
 * replica page, after docs/platform-sources.md: stable ids and weui-desktop classes exact, Vue
 * scoped attributes randomised per build, the dialog chain of 发表 with its hidden templates,
 * the admin QR block outside any dialog, and an autosave timer. `createType=8` gives the 贴图
 * (image post) page. The page's behaviour is in editor.js; ProseMirror is emulated by
 * ../lib/prosemirror-emu.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomHash } from '../lib/endpoints';

export interface WechatEditorOptions {
  /** Modern `#ueditor_0` div holding a ProseMirror, or the legacy UEditor `<iframe id="ueditor_0">`. */
  body: 'prosemirror' | 'iframe';
  /** The visible title is a ProseMirror over a hidden `#title` textarea (2025–26 variants). */
  titleOverlay?: boolean;
  /** `createType=8`: the 贴图 image post. */
  imagePost?: boolean;
  nickname: string;
  userName: string;
  /** A reprint (转载) of another account's article: `#js_reprint_source` shown. */
  reprint?: { nickname: string; url: string };
  /** Milliseconds between autosaves. */
  autosaveMs: number;
  /**
   * How the dialogs are built: the platform's weui kit, or (a variant the adapter was not
   * written against) native <dialog> elements with another kit's classes, no `.mass-send`
   * settings table and buttons named by aria-label.
   */
  dialogs?: 'weui' | 'native';
}

const pmEmu = readFileSync(join(import.meta.dirname, '../lib/prosemirror-emu.js'), 'utf8');
const editorJs = readFileSync(join(import.meta.dirname, 'editor.js'), 'utf8');

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

let kit: 'weui' | 'native' = 'weui';

/** A `.weui-desktop-dialog__wrp`, hidden by inline style as the live page does for every template. */
function dialog(cls: string, title: string, body: string, buttons: string, v: string): string {
  if (kit === 'native') {
    const id = `dlg-${Math.random().toString(36).slice(2, 8)}`;
    return `<dialog class="ui-modal ${cls}" aria-labelledby="${id}" ${v}>
  <h2 id="${id}" class="ui-modal__title">${title}</h2>
  <div class="ui-modal__body">${body}</div>
  ${buttons ? `<div class="ui-modal__actions">${buttons}</div>` : ''}
</dialog>`;
  }
  return `<div class="weui-desktop-dialog__wrp ${cls}" style="display: none;" ${v}>
  <div class="weui-desktop-dialog">
    <div class="weui-desktop-dialog__hd"><h3 class="weui-desktop-dialog__title">${title}</h3>
      <button type="button" class="weui-desktop-icon-btn weui-desktop-dialog__close-btn" title="关闭">×</button></div>
    <div class="weui-desktop-dialog__bd">${body}</div>
    ${buttons ? `<div class="weui-desktop-dialog__ft">${buttons}</div>` : ''}
  </div>
</div>`;
}

const primary = (text: string, cls = '') =>
  kit === 'native'
    ? `<button type="button" class="ui-btn ui-btn--primary ${cls}" aria-label="${text}"><i class="ui-icon"></i><span>${text}</span></button>`
    : `<button type="button" class="weui-desktop-btn weui-desktop-btn_primary ${cls}">${text}</button>`;
const secondary = (text: string, cls = '') =>
  kit === 'native'
    ? `<button type="button" class="ui-btn ${cls}" aria-label="${text}"><span>${text}</span></button>`
    : `<button type="button" class="weui-desktop-btn weui-desktop-btn_default ${cls}">${text}</button>`;

function massSendBody(v: string): string {
  const days = Array.from(
    { length: 7 },
    (_, i) => `<li class="weui-desktop-dropdown__list-ele" data-day="${i}">${i === 0 ? '今天' : `${i} 天后`}</li>`,
  ).join('');
  return `<div class="${kit === 'native' ? 'publish-settings' : 'mass-send'}" ${v}>
  <div class="mass-send__tips">文章发表后将出现在公众号主页，并可推送给关注用户</div>
  <table class="mass-send__table"><tbody>
    <tr><th>群发通知</th><td class="mass-send__td-setting group_setting"><div class="mass-send__timer-wrp">
      <label class="weui-desktop-switch"><input type="checkbox" class="weui-desktop-switch__input js_group_switch"><span class="weui-desktop-switch__box"></span></label>
      <span class="mass-send__quota">今天还可以群发 1 次</span></div></td></tr>
    <tr><th>定时发表</th><td class="mass-send__td-setting timer_setting"><div class="mass-send__timer-wrp">
      <label class="weui-desktop-switch"><input type="checkbox" class="weui-desktop-switch__input js_timer_switch"><span class="weui-desktop-switch__box"></span></label></div>
      <div class="mass-send__timer" style="display: none;">
        <div class="weui-desktop-form__dropdown"><span class="weui-desktop-form__dropdown__value js_send_day">今天</span>
          <ul class="weui-desktop-dropdown__list" style="display: none;">${days}</ul></div>
        <dl class="weui-desktop-picker__time"><dt>时间</dt><dd><input class="weui-desktop-form__input js_send_time" value="20:00"></dd></dl>
      </div>
      <dl class="weui-desktop-picker__time weui-desktop-picker__time_tpl" style="display: none;"><dt>时间</dt><dd><input class="weui-desktop-form__input" value="00:00"></dd></dl>
    </td></tr>
  </tbody></table>
  <div class="mass-send__footer">${primary('发表', 'js_mass_send_confirm')}${secondary('取消', 'js_cancel')}</div>
</div>`;
}

function dialogs(v: string): string {
  return [
    // The live page keeps a template copy of the mass-send dialog; it must never be taken for the open one.
    dialog('mass-send-dialog mass-send-dialog_tpl', '发表', massSendBody(v), '', v),
    dialog('mass-send-dialog js_mass_send_dialog', '发表', massSendBody(v), '', v),
    dialog(
      'js_publish_confirm_tpl',
      '提示',
      '<p>发表后，文章将推送给关注用户，且无法撤回。</p>',
      primary('继续发表') + secondary('取消'),
      v,
    ),
    dialog(
      'js_publish_confirm',
      '提示',
      '<p>发表后，文章将推送给关注用户，且无法撤回。是否继续？</p>',
      primary('继续发表', 'js_continue') + secondary('取消', 'js_cancel'),
      v,
    ),
    dialog(
      'js_preview_dialog',
      '发送预览',
      '<p class="weui-desktop-dialog__desc">预览文章将发送至手机微信，请输入预览者的微信号</p><input type="text" class="weui-desktop-form__input js_preview_user" placeholder="请输入微信号/QQ号/手机号">',
      primary('确定', 'js_preview_confirm') + secondary('取消', 'js_cancel'),
      v,
    ),
    dialog(
      'js_original_dialog',
      '原创声明',
      '<label class="original_agreement weui-desktop-form__check-label"><input type="checkbox" class="weui-desktop-form__checkbox js_original_agree"><i class="weui-desktop-icon-checkbox"></i>我已阅读并同意《原创声明须知》</label>',
      primary('确定', 'js_original_ok') + secondary('取消', 'js_cancel'),
      v,
    ),
    dialog(
      'claim-source_dialog',
      '创作来源',
      '<div class="claim-source_dialog_panel">' +
        ['内容由AI生成', '个人观点，仅供参考', '素材来源官方媒体/网络新闻']
          .map((t) => `<label class="weui-desktop-form__check-label"><input type="radio" name="claim">${t}</label>`)
          .join('') +
        '</div>',
      primary('确认') + secondary('取消', 'js_cancel'),
      v,
    ),
    dialog('js_new_feature', '新功能', '<p>文章支持插入合集啦</p>', primary('我知道了', 'js_cancel'), v),
    dialog('js_tip_dialog', '提示', '<p class="js_tip_text"></p>', primary('确定', 'js_cancel'), v),
  ].join('\n');
}

function titleBlock(o: WechatEditorOptions, v: string): string {
  const max = o.imagePost ? 20 : 64;
  const textarea = `<textarea id="title" class="js_title js_counter js_field frm_input" name="title" placeholder="请在这里输入标题" maxlength="${max}"${o.titleOverlay ? ' style="display: none;"' : ''}></textarea>`;
  const overlayClass = o.imagePost ? 'title-editor-overlay' : 'title-editor__input';
  const overlay = o.titleOverlay
    ? `<div class="${overlayClass}" ${v}><div class="ProseMirror" contenteditable="true"><p><br class="ProseMirror-trailingBreak"></p></div></div>`
    : '';
  return `<div id="js_title_main" class="js_title_main appmsg_edit_item title" ${v}>${textarea}${overlay}<em class="frm_input_append frm_counter">0/${max}</em></div>`;
}

function bodyBlock(o: WechatEditorOptions, v: string): string {
  if (o.imagePost) {
    return `<div class="image-post__images js_upload_btn_container" ${v}>
    <div class="image-post__list"><div class="image-post__item"><img src="https://mmbiz.qpic.cn/mmbiz_jpg/replica/0?wx_fmt=jpeg" alt=""></div></div>
    <label class="image-post__add">添加图片<input type="file" accept="image/*" multiple style="display: none;"></label>
  </div>
  <div id="guide_words_main" class="guide-words" ${v}><div class="ProseMirror" contenteditable="true" data-placeholder="填写描述信息，让大家了解更多内容"><p><br class="ProseMirror-trailingBreak"></p></div>
    <em class="frm_counter js_guide_counter">0/1000</em></div>`;
  }
  if (o.body === 'iframe') {
    return `<div id="js_editor" class="edui_editor_wrp edui-default" ${v}>
    <div id="edui1_toolbarbox" class="edui-editor-toolbarbox"></div>
    <div id="edui1_iframeholder" class="edui-editor-iframeholder" style="height: 500px;">
      <iframe id="ueditor_0" width="100%" height="100%" frameborder="0"></iframe>
    </div>
    <div id="edui1_contentplaceholder" class="editor_content_placeholder">从这里开始写正文</div>
  </div>`;
  }
  return `<div id="js_editor" class="edui_editor_wrp" ${v}><div id="ueditor_0" class="rich_media_content_wrp">
    <div class="mock-iframe-body rich_media_content" ${v}><div class="ProseMirror" contenteditable="true"><p><br class="ProseMirror-trailingBreak"></p></div></div>
  </div></div>`;
}

function reprintBlock(o: WechatEditorOptions, v: string): string {
  const r = o.reprint;
  return `<div id="js_reprint_source" class="reprint_source" ${v}${r ? '' : ' style="display: none;"'}>
    <p class="reprint_source__desc">文章来源于 <span class="js_reprint_biz_nickname">${r ? r.nickname : ''}</span></p>
    <input type="hidden" name="share_copyright_url" class="js_share_copyright_url" value="${r ? escapeAttr(r.url) : ''}">
    <input type="text" name="reprint_recommend_title" class="weui-desktop-form__input" placeholder="编者荐语：">
    <div class="js_reprint_recommend_content" contenteditable="true"></div>
  </div>`;
}

function settings(o: WechatEditorOptions, v: string): string {
  const urlArea = o.imagePost
    ? ''
    : `<div id="js_article_url_area" class="js_url_area setting-group__item" ${v}>
      <label class="weui-desktop-form__check-label"><input type="checkbox" class="js_url_checkbox js_field weui-desktop-form__checkbox" name="source_url_checked">
        <div class="allow_click_opr js_article_url_allow_click">原文链接 <span class="article_url_setting js_article_url_setting">未添加</span></div></label>
      <div class="popover-article-setting js_url_popover" style="display: none;">
        <div class="popover-article-setting__content"><input type="text" class="weui-desktop-form__input js_url" placeholder="输入或粘贴原文链接"></div>
        <div class="popover-article-setting__ft"><a href="javascript:;" class="weui-desktop-btn weui-desktop-btn_primary weui-desktop-btn_mini js_url_confirm">确定</a>
          <a href="javascript:;" class="weui-desktop-btn weui-desktop-btn_default weui-desktop-btn_mini js_url_cancel">取消</a></div>
      </div>
    </div>`;
  const cover = o.imagePost
    ? ''
    : `<div id="js_cover_area" class="js_cover_area" ${v}>
      <div class="select-cover__btn js_cover_btn_area">拖拽或选择封面</div>
      <div class="js_cover_preview_new select-cover__preview" style="background-image: url(&quot;https://mmbiz.qpic.cn/mmbiz_jpg/replica/0?wx_fmt=jpeg&quot;);"></div>
    </div>`;
  const description = o.imagePost
    ? ''
    : `<div class="js_desc_area"><textarea id="js_description" class="js_desc js_counter js_field frm_textarea" name="digest" placeholder="选填，不填写则默认抓取正文开头部分文字，摘要会在转发卡片和公众号会话展示。" maxlength="120"></textarea></div>`;
  return `<div id="article_setting_area" class="setting-area" ${v}>
    ${cover}
    ${description}
    <div id="js_original" class="js_original_area" ${v}>
      <div class="unorigin js_original_type">原创：未声明 <a href="javascript:;" class="js_original_apply">声明原创</a></div>
      <div id="js_original_open" class="origined js_original_type" style="display: none;">原创：已声明 <span class="js_original_author"></span>
        <a href="javascript:;" class="js_original_apply">编辑声明</a> <a href="javascript:;" class="js_original_cancel">撤销声明</a></div>
    </div>
    ${urlArea}
    <div id="js_comment_and_fansmsg_area" class="selected"><span>留言</span> 已开启</div>
    <div id="js_article_tags_area"><span class="js_article_tags_label">合集 未添加</span></div>
    <div id="js_claim_source_area"><span class="js_claim_source_desc">创作来源 未添加</span></div>
    <div id="js_not_recommend_area"><span class="js_not_recommend_desc">平台推荐</span></div>
  </div>`;
}

export function wechatEditorPage(o: WechatEditorOptions): string {
  kit = o.dialogs ?? 'weui';
  const v = `data-v-${randomHash(8)}`;
  const wx = {
    uin: '3000000001',
    data: { t: '', ticket: 'replica', user_name: o.userName, nick_name: o.nickname, time: '0' },
    commonData: { data: { t: '', user_name: o.userName, nick_name: o.nickname } },
    cgiData: { nick_name: o.nickname, appmsg_autosave_ms: o.autosaveMs },
  };
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>公众号</title>
<style>
  .weui-desktop-dialog__wrp { position: fixed; inset: 0; background: rgba(0,0,0,.5); z-index: 5000; }
  .weui-desktop-dialog { background: #fff; width: 560px; margin: 80px auto; padding: 16px; }
  .safe_check { position: fixed; right: 40px; bottom: 40px; background: #fff; border: 1px solid #ccc; padding: 20px; z-index: 6000; }
  .weui-desktop-toast { position: fixed; top: 40%; left: 45%; background: #333; color: #fff; padding: 8px 16px; z-index: 7000; }
  #ueditor_0 .ProseMirror, #guide_words_main .ProseMirror, .title-editor__input .ProseMirror, .title-editor-overlay .ProseMirror { min-height: 24px; border: 1px solid #eee; outline: none; }
  #ueditor_0 .ProseMirror { min-height: 300px; }
</style>
<script>
  window.wx = ${JSON.stringify(wx)};
  wx.data.t = wx.commonData.data.t = new URLSearchParams(location.search).get('token') || '';
</script>
</head>
<body class="zh_CN weui-desktop-page_simple page_appmsg_new${o.imagePost ? ' page_share_img' : ''}">
<div id="header" class="mp-head" ${v}>
  <div class="weui-desktop-account__info" id="js_div_account_opr">
    <img class="weui-desktop-account__thumb" src="https://mmbiz.qpic.cn/mmbiz_png/replica/0" alt="">
    <a href="javascript:;" class="weui-desktop-account__nickname">${o.nickname}</a>
  </div>
</div>
<div id="js_mp_sidemenu" ${v}><div id="js_appmsg_preview"><div class="card_appmsg_item">${o.imagePost ? '贴图' : '文章'}</div></div>
  <a id="js_add_appmsg" href="javascript:;">+</a></div>
<div id="js_appmsg_editor" class="appmsg_editor" ${v}>
  <span id="js_autosave" class="auto_save_container"></span>
  ${titleBlock(o, v)}
  ${o.imagePost ? '' : `<div id="js_author_area" class="js_author_container" ${v}><input id="author" class="js_author js_counter js_field frm_input" name="author" placeholder="请输入作者" maxlength="8"></div>`}
  ${o.imagePost ? '' : reprintBlock(o, v)}
  ${bodyBlock(o, v)}
  ${settings(o, v)}
  <div id="bottom_main" class="tool_area_wrp" ${v}>
    <p class="js_send_tip weui-desktop-form__tips_warn" style="display: none;"></p>
    <div id="js_save_success" class="page_tips success" style="display: none;">已保存</div>
    <span id="js_submit" class="weui-desktop-btn_wrp"><button type="button" class="weui-desktop-btn weui-desktop-btn_default">保存为草稿</button></span>
    <span id="js_preview" class="weui-desktop-btn_wrp"><button type="button" class="weui-desktop-btn weui-desktop-btn_default">预览</button></span>
    <span id="js_send" class="weui-desktop-btn_wrp"><button type="button" class="weui-desktop-btn weui-desktop-btn_primary mass_send">发表</button></span>
  </div>
</div>
${dialogs(v)}
<div class="safe_check js_safe_check" style="display: none;"><div class="qrcode_scan">
  <img class="qrcode js_qrcode" alt="" width="160" height="160"><p class="qrcode_tips">请使用管理员微信扫描二维码验证身份</p></div></div>
<script>${pmEmu}</script>
<script>${editorJs}</script>
</body></html>`;
}
