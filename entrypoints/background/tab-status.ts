/**
 * Per-tab guard status for the toolbar popup, and the toolbar badge: "!" on red while an adapter
 * problem is open on the tab (the platform changed its page), cleared when the page is fine
 * again. Kept in storage.session so a restarted service worker still knows.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { AdapterProblem, TabStatus } from '../../utils/protocol';

const key = (tabId: number) => `tab:${tabId}`;

function tabOf(sender: Runtime.MessageSender): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('只接受来自标签页的状态');
  return id;
}

async function setBadge(tabId: number, problems: readonly string[]): Promise<void> {
  const text = problems.length ? '!' : '';
  await browser.action.setBadgeText({ tabId, text });
  if (problems.length) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#d93025' });
    await browser.action.setTitle({ tabId, title: `发布守卫需要更新：${problems.join('；')}` });
  } else {
    await browser.action.setTitle({ tabId, title: '' });
  }
}

export async function reportTabStatus(status: TabStatus, sender: Runtime.MessageSender): Promise<{ ok: true }> {
  const tabId = tabOf(sender);
  await browser.storage.session.set({ [key(tabId)]: status });
  await setBadge(tabId, status.problems);
  return { ok: true };
}

export async function getTabStatus({ tabId }: { tabId: number }): Promise<TabStatus | null> {
  const { [key(tabId)]: status } = await browser.storage.session.get(key(tabId));
  return (status as TabStatus | undefined) ?? null;
}

/** An adapter problem shows on the badge at once, before the next status report. */
export async function badgeAdapterProblem(problem: AdapterProblem, sender: Runtime.MessageSender): Promise<void> {
  const tabId = tabOf(sender);
  const status = await getTabStatus({ tabId });
  const problems = [...new Set([...(status?.problems ?? []), problem.problem])];
  if (status) await browser.storage.session.set({ [key(tabId)]: { ...status, problems } });
  await setBadge(tabId, problems);
}

export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(key(tabId)));
}
