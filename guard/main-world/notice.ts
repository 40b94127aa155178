/**
 * A plain notice the network gate shows on its own when the guard does not answer (it cannot use
 * the guard's panel, which lives in the isolated world). Closed shadow root, no framework.
 */
let host: HTMLElement | null = null;
let box: HTMLElement | null = null;

export function showGateNotice(text: string): void {
  if (!host || !box) {
    host = document.createElement('govpost-gate-notice');
    const shadow = host.attachShadow({ mode: 'closed' });
    box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.style.cssText =
      'position:fixed;top:16px;left:50%;transform:translateX(-50%);z-index:2147483647;max-width:36em;padding:12px 16px;' +
      'background:#fff4f4;color:#7a1010;border:1px solid #d33;border-radius:6px;font:14px/1.5 system-ui,sans-serif;box-shadow:0 2px 12px #0003';
    shadow.append(box);
  }
  box.textContent = text;
  if (!host.isConnected) document.documentElement.append(host);
}

export function hideGateNotice(): void {
  host?.remove();
}
