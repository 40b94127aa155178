/**
 * Adapter problems — what the guard cannot find on a page where it should — are never silent:
 * each shows in the page's notice and the toolbar badge, and is reported to the log once per page
 * address.
 */
import { sendMessage } from '../utils/messaging';
import { serialQueue } from '../utils/serial';
import type { SiteAdapter } from './adapter';
import { sameText } from './approvals';

/**
 * Open adapter problems from every source (page expectations, pack overrides, the gate, editors
 * the adapter did not know), each reported to the background once per page address.
 */
export class ProblemBoard {
  private sources = new Map<string, string[]>();
  private reported = new Set<string>();
  /** Reports go one after another: the store reads and rewrites its list for each. A failed one is dropped. */
  private readonly sending = serialQueue();

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly changed: (all: string[]) => void,
    /** The adapter's page kind now (home, article…), as the log records pages; `unknown` before it is known. */
    private readonly pageKind: () => string,
  ) {}

  set(source: string, list: string[]): void {
    this.sources.set(source, list);
    const all = [...new Set([...this.sources.values()].flat())];
    for (const problem of all) {
      const key = `${location.href}\n${problem}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      const report = { platform: this.adapter.platform, page: this.pageKind(), url: location.href, problem };
      void this.sending(() => sendMessage('reportAdapterProblem', report)).catch(() => undefined);
    }
    this.changed(all);
  }

  /**
   * A publish request whose text sits in an editable element the adapter does not recognise: the
   * editor used a composer the adapter does not know, so the first line missed it.
   */
  noteUnknownEditor(body: string): void {
    if (!body.trim()) return;
    const editors = document.querySelectorAll<HTMLElement>('textarea, [contenteditable=""], [contenteditable="true"]');
    for (const el of editors) {
      const text = el.tagName === 'TEXTAREA' ? (el as HTMLTextAreaElement).value : el.innerText;
      if (sameText(text, body)) {
        this.set('unknown-editor', ['发布请求来自适配器不认识的编辑框（第一道防线没有拦到）']);
        return;
      }
    }
  }
}
