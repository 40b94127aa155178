/** The anchor state in the extension's storage.local (see log-anchor.ts). */
import browser from 'webextension-polyfill';
import { ANCHOR_KEY, type AnchorState, type AnchorStore } from './log-anchor';

export function browserAnchorStore(): AnchorStore {
  return {
    async read() {
      const stored = (await browser.storage.local.get(ANCHOR_KEY))[ANCHOR_KEY] as AnchorState | undefined;
      return stored && { ...stored, breaks: Array.isArray(stored.breaks) ? stored.breaks : [] };
    },
    write: (state) => browser.storage.local.set({ [ANCHOR_KEY]: state }),
  };
}
