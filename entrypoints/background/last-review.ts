/**
 * The 三审 record of the last override that carried one on this browser (storage.local
 * `lastReview`, outside the log — the log keeps every record in its outcome): the panel fills its
 * form in again with it, since editors mostly name the same reviewers.
 */
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { Review } from '../../utils/protocol';

const KEY = 'lastReview';

export async function lastReview(): Promise<{ review?: Review }> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = v.safeParse(Review, stored);
  return parsed.success ? { review: parsed.output } : {};
}

export async function rememberReview(review: Review): Promise<void> {
  await browser.storage.local.set({ [KEY]: review });
}
