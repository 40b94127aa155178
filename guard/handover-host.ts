/**
 * The handover (handover.ts) wired to the content script: the page's localStorage for sealed
 * attempts, the extension's storage.local for the key, the background for delivery. Delivery is
 * tried when the guard starts and then every half minute while anything is left, so an attempt
 * an orphaned guard sealed is written as soon as a background answers again.
 */
import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { within } from '../utils/bounded';
import type { AttemptCompletion, AttemptStart } from '../utils/protocol';
import { Handover, HANDOVER_KEY, loadKey, type ExtensionStore } from './handover';

const STORAGE_MS = 3000;
const RETRY_MS = 30_000;

const local: ExtensionStore = {
  get: async (key) => (await within(browser.storage.local.get(key), STORAGE_MS, 'storage.local'))[key],
  set: (key, value) => within(browser.storage.local.set({ [key]: value }), STORAGE_MS, 'storage.local'),
};

export function startHandover(
  ctx: ContentScriptContext,
  send: { start(attempt: AttemptStart): Promise<{ id: string }>; complete(done: AttemptCompletion): Promise<unknown> },
): Handover {
  const handover = new Handover({
    page: {
      read: () => localStorage.getItem(HANDOVER_KEY),
      write: (value) =>
        value === null ? localStorage.removeItem(HANDOVER_KEY) : localStorage.setItem(HANDOVER_KEY, value),
    },
    local,
    key: loadKey(local).catch(() => undefined),
    orphaned: () => ctx.isInvalid,
    now: () => new Date(),
    uuid: () => crypto.randomUUID(),
  });
  const deliver = () => void handover.deliver(send).catch(() => undefined);
  deliver();
  ctx.setInterval(() => {
    if (localStorage.getItem(HANDOVER_KEY) !== null) deliver();
  }, RETRY_MS);
  ctx.onInvalidated(() => void handover.orphaned());
  return handover;
}
