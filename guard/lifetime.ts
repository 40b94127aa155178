/**
 * The guard's lifetime in a page is its content script's: when the extension is reloaded or
 * updated with a guarded tab open, the old script is orphaned (its browser APIs are gone).
 * Everything it bound to the page — listeners, observers, timers — ends then, so an orphaned
 * guard never keeps holding clicks, and the editor is told plainly that the page needs a reload
 * before the next publish (the network gate refuses publish requests from then on).
 */

/** Runs a browser-API call that may throw once the extension context is gone. */
export function forget(call: () => void): void {
  try {
    call();
  } catch {
    // The context is already invalidated: there is nothing left to undo.
  }
}

const NOTICE = '发布守卫已更新或重新加载，本页的发布检查已停止，现在发布会被拦下。请先复制尚未发出的稿件，再刷新本页。';

/** A notice of its own (the guard's overlay went with the old script), with a reload button. */
export function showReloadNotice(doc: Document = document): void {
  if (doc.querySelector('govpost-guard-reload')) return;
  const host = doc.createElement('govpost-guard-reload');
  const root = host.attachShadow({ mode: 'open' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'alert');
  box.textContent = NOTICE;
  const reload = doc.createElement('button');
  reload.type = 'button';
  reload.textContent = '刷新本页';
  reload.addEventListener('click', () => location.reload());
  box.append(' ', reload);
  const style = doc.createElement('style');
  style.textContent = `div{position:fixed;top:12px;left:50%;transform:translateX(-50%);z-index:2147483647;
    max-width:min(40em,92vw);padding:10px 14px;background:#fce8e6;color:#5f2120;border:1px solid #d93025;
    border-radius:6px;font:14px/1.5 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;box-shadow:0 2px 10px #0003}
    button{margin-left:8px;font:inherit;padding:2px 10px;border-radius:4px;border:1px solid #d93025;background:#fff;cursor:pointer}`;
  root.append(style, box);
  (doc.body ?? doc.documentElement).append(host);
}
