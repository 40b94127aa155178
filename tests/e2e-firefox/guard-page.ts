/** The guard on a platform page in Firefox: its panel, found by role and name as the Chromium tests find it. */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Waiter } from '../e2e/recorded';
import { click, count, fill, find, innerText, sleep } from './dom';

/** For the shared assertions (tests/e2e/recorded.ts) that pause between looks. */
export const waiter: Waiter = { waitForTimeout: sleep };

export const PANEL_NAME = '发布前检查';

export const guardPanel = (page: Page, timeoutMs?: number) => find(page, 'dialog', PANEL_NAME, undefined, timeoutMs);
export const panelCount = (page: Page) => count(page, 'dialog', PANEL_NAME);

/** Answers the open panel: 返回修改, or 仍要发布 with a 发布理由 when given. */
export async function answerPanel(page: Page, button: '返回修改' | '仍要发布', reason?: string): Promise<void> {
  const panel = await guardPanel(page);
  if (reason !== undefined) await fill(await find(panel, 'textbox', /^发布理由/), reason);
  await click(await find(panel, 'button', button));
  if (button === '返回修改') await expect.poll(() => panelCount(page)).toBe(0);
}

export async function panelText(page: Page): Promise<string> {
  return innerText(await guardPanel(page));
}
