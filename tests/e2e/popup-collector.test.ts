/**
 * The toolbar popup under a policy that names the city's collector: one line says where uploads
 * stand (in Chinese), how many entries wait and how many were refused. The collector here is a
 * loopback address nothing listens on, so uploads cannot succeed and the line must say so.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UPLOAD_STATE_LABELS } from '../../utils/labels';
import type { UploadState } from '../../utils/protocol';
import { installManagedPolicy, launchGuardedBrowser, type GuardedBrowser } from './harness';

let browser: GuardedBrowser | undefined;
let removePolicy: (() => void) | undefined;

beforeAll(async () => {
  const policy = { collectorUrl: 'http://127.0.0.1:9/', collectorEnrollmentCode: 'popup-e2e-code' };
  removePolicy = installManagedPolicy('govpost-guard-e2e-popup-collector', policy);
  browser = await launchGuardedBrowser({ managedPolicy: policy });
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    removePolicy?.();
  }
});

it('shows the collector upload state in one line, in Chinese, with the entries waiting', async () => {
  const popup = await browser!.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(browser!.extensionUrl('popup.html'));
  const line = popup.getByTestId('collector-line');
  await line.waitFor({ timeout: 20_000 });
  const state = (await line.getAttribute('data-state')) as UploadState;
  expect(state).not.toBe('off');
  expect(Object.keys(UPLOAD_STATE_LABELS)).toContain(state);
  expect(await line.innerText()).toMatch(
    new RegExp(`^上传到汇聚服务器：${UPLOAD_STATE_LABELS[state].replace(/[()（）]/g, '.')}；待上传 \\d+ 条`),
  );
  // Nothing listens there: uploads are in trouble, and the line is marked as a warning.
  expect(state).not.toBe('idle');
  expect(await line.getAttribute('class')).toBe('warn');
  mkdirSync('test-results/screenshots', { recursive: true });
  await popup.screenshot({ path: 'test-results/screenshots/popup-collector.png' });
});
