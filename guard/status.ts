/** Reports this tab's guard status to the background (popup, badge), coalescing bursts of changes. */
import { sendMessage } from '../utils/messaging';
import type { TabStatus } from '../utils/protocol';

const COALESCE_MS = 400;

export class StatusReporter {
  private timer = 0;

  constructor(private status: TabStatus) {}

  update(patch: Partial<TabStatus>, now = false): void {
    this.status = { ...this.status, ...patch };
    if (now) {
      clearTimeout(this.timer);
      this.timer = 0;
      this.send();
    } else if (!this.timer) {
      this.timer = window.setTimeout(() => {
        this.timer = 0;
        this.send();
      }, COALESCE_MS);
    }
  }

  private send(): void {
    sendMessage('reportTabStatus', this.status).catch(() => undefined);
  }
}
