/**
 * Commands the toolbar popup sends to the guard in its tab (tabs.sendMessage): 检查当前稿件 checks
 * the editor's draft now and opens the findings on the page. Only this extension's own pages may
 * send them; a page script cannot reach this channel at all.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { forget } from './lifetime';

export interface CheckNowAnswer {
  /** Whether the page has a composer with text to check. */
  found: boolean;
}

export interface TabCommand {
  govpostTab: 'checkNow';
}

function isTabCommand(message: unknown): message is TabCommand {
  return typeof message === 'object' && message !== null && (message as TabCommand).govpostTab === 'checkNow';
}

/** Answers the popup's commands until `signal` aborts. */
export function serveTabCommands(checkNow: () => CheckNowAnswer, signal: AbortSignal): void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (!isTabCommand(message)) return undefined;
    // From this extension's own pages only (the popup), never from another tab's content script.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    return Promise.resolve(checkNow());
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => forget(() => browser.runtime.onMessage.removeListener(listener)));
}
