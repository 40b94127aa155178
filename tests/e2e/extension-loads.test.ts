import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXTENSION_ID, launchGuardedBrowser, type GuardedBrowser } from './harness';

let browser: GuardedBrowser;
beforeAll(async () => {
  browser = await launchGuardedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('loads with the fixed id and answers the popup with the bundled pack', async () => {
  expect(browser.extensionId).toBe(EXTENSION_ID);
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('popup.html'));
  // A fresh profile: the background admits the bundled pack (signature, tests, cost, models)
  // before the popup can name it, which takes more than a second on a small machine.
  await expect
    .poll(() => page.locator('main').innerText(), { timeout: 10_000 })
    .toContain('保定市政务新媒体默认规则包');
});
