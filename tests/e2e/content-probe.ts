/**
 * Running code in the extension's content-script world on a page, to send protocol messages
 * exactly as a content script does (same extension id, a real tab, the page's URL as sender).
 *
 * The build is copied and its manifest given one extra, empty content script for the hosts a
 * test needs (guarded ones, and an unguarded one to prove it is refused); nothing else changes,
 * so the id (fixed by the manifest key) and the background are the real ones. DevTools protocol
 * `Runtime.evaluate` then runs code in that isolated world, where `chrome.runtime` is the
 * extension's.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from './harness';

export function extensionWithProbe(matches: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'govpost-probe-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(join(dir, 'e2e-probe.js'), '/* a content-script world for tests */\n');
  manifest.content_scripts = [
    ...(manifest.content_scripts ?? []),
    { matches, js: ['e2e-probe.js'], run_at: 'document_start' },
  ];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

/** Evaluates `expression` (may await) in the extension's content-script world of `page`. */
export async function inContentScript<T = unknown>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let world: ExecutionContext | undefined;
  while (
    !(world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')))
  ) {
    if (Date.now() > deadline) throw new Error(`页面 ${page.url()} 上没有扩展的内容脚本环境`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

/** Sends one protocol message from the content-script world and answers the raw reply. */
export function sendFromContentScript(
  page: Page,
  method: string,
  data: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  return inContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify({ govpost: method, data })})`);
}
