/**
 * A plain notice the network gate shows on its own when the guard does not answer (it cannot use
 * the guard's panel, which lives in the isolated world). Closed shadow root, no framework, and
 * only built-ins taken when the gate was installed (see ../net/natives.ts).
 */
import type { Natives } from '../net/natives';

export interface GateNotice {
  show(text: string): void;
  hide(): void;
}

const STYLE =
  'position:fixed;top:16px;left:50%;transform:translateX(-50%);z-index:2147483647;max-width:36em;padding:12px 16px;' +
  'background:#fff4f4;color:#7a1010;border:1px solid #d33;border-radius:6px;font:14px/1.5 system-ui,sans-serif;box-shadow:0 2px 12px #0003';

export function gateNotice(n: Natives): GateNotice {
  let host: HTMLElement | null = null;
  let box: HTMLElement | null = null;
  return {
    show(text) {
      if (!n.createElement || !n.documentElement) return;
      try {
        if (!host || !box) {
          host = n.createElement('govpost-gate-notice');
          const shadow = n.attachShadow!(host, n.record({ mode: 'closed' }));
          box = n.createElement('div');
          n.setAttribute!(box, 'role', 'alert');
          n.setAttribute!(box, 'style', STYLE);
          n.append!(shadow, box);
        }
        n.setTextContent!(box, text);
        const root = n.documentElement();
        if (root && !n.isConnected!(host)) n.append!(root, host);
      } catch {
        // A page that broke its own DOM loses the notice, never the refusal.
      }
    },
    hide() {
      try {
        if (host) n.remove!(host);
      } catch {
        // As above.
      }
    },
  };
}
