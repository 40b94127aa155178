/**
 * The card.weibo.com headline-article editor (头条文章) as a replica page, after the public code
 * listed in docs/platform-sources.md: a Vue 3 app with Naive UI (`.n-button`, dialogs mounted at body level), title and
 * summary textareas found by their placeholders, a Tiptap/ProseMirror body, the footer
 * 保存草稿/预览/下一步, a publish-settings step with 发布 and a 确定 confirm. Hash routes
 * `#/draft/<id>`; v3 and v5 differ in the account script and the publish request (`_rid`,
 * `SN-REQID`). Scoped-style attributes and component classes are randomised per build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomHash } from '../lib/endpoints';

export interface CardWeiboEditorOptions {
  version: 'v3' | 'v5';
  uid: string;
  nick: string;
  autosaveMs: number;
}

const pmEmu = readFileSync(join(import.meta.dirname, '../lib/prosemirror-emu.js'), 'utf8');
const editorJs = readFileSync(join(import.meta.dirname, 'editor.js'), 'utf8');

/** `\uXXXX` escapes for non-ASCII, as the v5 page's `JSON.parse('…')` literal carries them. */
function escapeNonAscii(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => `\\\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function accountScript(o: CardWeiboEditorOptions): string {
  if (o.version === 'v3') {
    return `<script>var $CONFIG = {};
$CONFIG['uid'] = ${o.uid};
$CONFIG['nick'] = '${o.nick}';
$CONFIG['avatar_large'] = 'https://tvax1.sinaimg.cn/crop.0.0.180.180.180/replica.jpg';
</script>`;
  }
  const json = escapeNonAscii(
    JSON.stringify({ uid: o.uid, nick: o.nick, avatar_large: 'https://tvax1.sinaimg.cn/replica.jpg' }),
  );
  return `<script>window.__INITIAL_STATE__ = { config: JSON.parse('${json}'), env: 'prod' };</script>`;
}

export const nButton = (label: string, type = 'default', extra = '') =>
  `<button class="n-button n-button--${type}-type n-button--medium-type ${extra}" tabindex="0" type="button"><span class="n-button__content">${label}</span><div class="n-base-wave"></div><div class="n-button__border"></div><div class="n-button__state-border"></div></button>`;

export function cardWeiboEditorPage(o: CardWeiboEditorOptions): string {
  const h = randomHash();
  const v = `data-v-${randomHash(8)}`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>头条文章</title>
${accountScript(o)}
<style>
  .n-modal-container { position: fixed; inset: 0; z-index: 2000; }
  .n-modal-mask { position: absolute; inset: 0; background: rgba(0,0,0,.4); }
  .n-dialog, .n-card { position: relative; background: #fff; width: 480px; margin: 100px auto; padding: 20px; }
  .ProseMirror { min-height: 300px; border: 1px solid #eee; outline: none; }
  .n-message { position: fixed; top: 20px; left: 45%; background: #fff; border: 1px solid #ddd; padding: 8px; z-index: 3000; }
</style>
</head>
<body data-autosave-ms="${o.autosaveMs}">
<div id="app" data-v-app="">
  <div class="n-config-provider layout_${h}" ${v}>
    <header class="header_${h}" ${v}><span class="logo_${h}">头条文章</span><span class="user_${h}">${o.nick}</span></header>
    <div class="draft-list_${h} js-list" ${v} style="display: none;">${nButton('写文章', 'primary')}<ul class="list_${h}"></ul></div>
    <div class="editor editor_${h} js-editor" ${v} style="display: none;">
      <div class="title_${h}"><div class="n-input n-input--textarea n-input--autosize"><div class="n-input-wrapper"><div class="n-input__textarea">
        <textarea class="n-input__textarea-el" placeholder="请输入标题" maxlength="32" rows="1"></textarea></div></div></div>
        <span class="count_${h}">0/32</span></div>
      <div class="summary_${h}"><div class="n-input n-input--textarea"><div class="n-input-wrapper"><div class="n-input__textarea">
        <textarea class="n-input__textarea-el" placeholder="导语（选填）" maxlength="44" rows="1"></textarea></div></div></div></div>
      <div class="cover-empty">设置文章封面</div>
      <div class="content_${h}" ${v}><div class="ProseMirror tiptap" contenteditable="true"><p><br class="ProseMirror-trailingBreak"></p></div></div>
    </div>
    <footer class="footer_${h} js-footer" ${v} style="display: none;">
      <span class="save-state_${h} js-save-state"></span>
      ${nButton('保存草稿', 'default', 'js-save')}${nButton('预览', 'default', 'js-preview')}${nButton('下一步', 'primary', 'js-next')}
    </footer>
  </div>
</div>
<!-- Naive UI leaves a closed dialog in the DOM for its leave transition; it must never be taken for an open one. -->
<div class="n-modal-container" style="display: none;"><div class="n-dialog n-modal" role="dialog">
  <div class="n-dialog__title">提示</div><div class="n-dialog__content">确定发布吗？</div>
  <div class="n-dialog__action">${nButton('取消')}${nButton('确定', 'primary')}</div></div></div>
<script>${pmEmu}</script>
<script>${editorJs}</script>
</body></html>`;
}
