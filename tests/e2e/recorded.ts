/**
 * Assertions shared by the end-to-end tests of replica editors that record their endpoints
 * (tests/replicas/lib/endpoints.ts): what reached a mock endpoint, what the log holds, and the
 * panel's way back to the editor.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CallLog, RecordedCall } from '../replicas/lib/endpoints';
import { guardPanel, storedAttempts, type ExtensionRealm } from './harness';

/** Drafts that trigger rules that ship now: no-typo (warn) and no-id-number (block). */
export const SAMPLES = {
  warn: '做为基层干部，我们要再接再励，把惠民实事办好。',
  block: '失主身份证号11010519491231002X，请联系保定市公安局。',
  /** `block` as the log keeps it by default: the ID number masked (audit/mask.ts). */
  blockLogged: '失主身份证号1101**********002X，请联系保定市公安局。',
  /** The blocked draft after the editor fixed it. */
  fixed: '失主请携带本人身份证件到保定市公安局领取。',
} as const;

/** Anything that can wait: a Playwright page, or the Firefox harness's stand-in. */
export type Waiter = Pick<Page, 'waitForTimeout'>;

/** Waits for exactly one matching request, then makes sure no second one follows. */
export async function reachesOnce(
  page: Waiter,
  log: CallLog,
  match: (c: RecordedCall) => boolean,
): Promise<RecordedCall> {
  await expect.poll(() => log.count(match), { timeout: 10_000 }).toBe(1);
  await page.waitForTimeout(700);
  expect(log.count(match)).toBe(1);
  return log.where(match)[0]!;
}

export async function neverReaches(page: Waiter, log: CallLog, match: (c: RecordedCall) => boolean): Promise<void> {
  await page.waitForTimeout(900);
  expect(log.where(match)).toEqual([]);
}

/** The newest attempt in the log, once its decision is in. */
export async function lastAttempt(worker: ExtensionRealm) {
  await expect.poll(async () => (await storedAttempts(worker)).at(-1)?.decision, { timeout: 5000 }).not.toBe('pending');
  return (await storedAttempts(worker)).at(-1)!;
}

/** 返回修改 in the panel, and the panel gone. */
export async function goBack(page: Page): Promise<void> {
  const panel = guardPanel(page);
  await panel.waitFor();
  await panel.getByRole('button', { name: '返回修改' }).click();
  await expect.poll(() => panel.count()).toBe(0);
}
