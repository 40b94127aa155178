/**
 * The editor's last 三审 record (who passed each 关), to fill the panel's form in again: editors
 * mostly name the same reviewers. The background keeps it for the browser (storage.local, outside
 * the log); this tab remembers its own last one at once.
 */
import { sendMessage } from '../utils/messaging';
import type { Review } from '../utils/protocol';

export class ReviewMemory {
  private value: Review | undefined;

  /** Asks the background once for the last record on this browser (bounded; none on failure). */
  start(): void {
    sendMessage('getLastReview', {}).then(
      ({ review }) => (this.value ??= review),
      () => undefined,
    );
  }

  get last(): Review | undefined {
    return this.value;
  }

  remember(review: Review): void {
    this.value = review;
  }
}
