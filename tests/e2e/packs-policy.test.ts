/**
 * Rule packs pushed by enterprise policy, in Debian's Chromium: a managed policy file names a local
 * pack server and a test key; the extension fetches, verifies and activates the signed pack; a term
 * only that pack bans is then found (through the extension's own checker on the dashboard's 规则包 tab); a
 * tampered pack and an older pack are refused, logged and shown, and the active pack keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PackEvent, UpdateState } from '../../pack-trust/status';
import type { ActivePack } from '../../utils/protocol';
import { serveWeiboReplica } from '../replicas/weibo/server';
import {
  extensionStorage,
  guardPanel,
  installManagedPolicy,
  latestAttempt,
  launchGuardedBrowser,
  type GuardedBrowser,
} from './harness';
import { HOME_INPUT } from './weibo-session';
import { startPackServer, type PackServer } from './pack-server';
import { packWithTerm, signed, testKey } from '../pack-trust/helpers';

const TERM = '违规示范词';
const SAMPLE = `本周工作通报中出现了${TERM}，请注意。`;

let server: PackServer;
let removePolicy: (() => void) | undefined;
let browser: GuardedBrowser | undefined;
let page: Page;
let tampered: string;
let older: string;
let newer: string;

beforeAll(async () => {
  const key = await testKey('端到端测试密钥');
  const current = JSON.stringify(await signed(packWithTerm('1.1.0', TERM, '规范用语', 'block'), key));
  const changed = await signed(packWithTerm('1.2.0', TERM, '规范用语', 'block'), key);
  (changed.pack as { rules: Record<string, { severity: string }> }).rules['no-typo']!.severity = 'off';
  tampered = JSON.stringify(changed);
  older = JSON.stringify(await signed(packWithTerm('1.0.5', TERM, '规范用语', 'block'), key));
  newer = JSON.stringify(await signed(packWithTerm('1.3.0', '第二示范词', '规范用语'), key));

  server = await startPackServer();
  server.serve(current);
  const policy = { packUrl: server.url, trustedKeys: [key.publicEntry], packUpdateMinutes: 60 };
  removePolicy = installManagedPolicy('govpost-guard-e2e-packs', policy);
  browser = await launchGuardedBrowser({ managedPolicy: policy });
  page = await browser.context.newPage();
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    removePolicy?.();
    await server?.close();
  }
});

const active = () => extensionStorage<ActivePack>(browser!.worker, 'activePack');
const history = async () => (await extensionStorage<PackEvent[]>(browser!.worker, 'packHistory')) ?? [];

async function tryCheck(text: string) {
  await page.locator('.pack-try textarea').fill(text);
  return page.locator('.pack-try-result');
}

async function checkNow() {
  const before = (await extensionStorage<UpdateState>(browser!.worker, 'packUpdate'))?.lastCheck;
  await page.getByRole('button', { name: '立即检查更新' }).click();
  // A check fetches the pack and admits it (which times the whole pack on a reference text):
  // seconds on a busy machine.
  await expect
    .poll(async () => (await extensionStorage<UpdateState>(browser!.worker, 'packUpdate'))?.lastCheck, {
      timeout: 15_000,
    })
    .not.toBe(before);
}

describe('a pack pushed by enterprise policy', () => {
  it('reaches the extension through storage.managed', async () => {
    const managed = await browser!.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }
      ).chrome.storage.managed.get(),
    );
    expect(managed).toMatchObject({ packUrl: server.url, packUpdateMinutes: 60 });
  });

  it('is fetched, verified and activated, and its new term is found by the extension checker', async () => {
    await expect.poll(async () => (await active())?.pack.version, { timeout: 30_000 }).toBe('1.1.0');
    expect(await active()).toMatchObject({ origin: 'policy', source: server.url, keyIds: [expect.any(String)] });

    await page.goto(browser!.extensionUrl('dashboard.html#packs'));
    await expect.poll(() => page.locator('[data-field="version"]').innerText()).toBe('1.1.0');
    expect(await page.locator('[data-field="origin"]').innerText()).toContain('策略地址');

    const result = await tryCheck(SAMPLE);
    await expect.poll(() => result.getAttribute('data-pack')).toBe('baoding-default@1.1.0');
    expect(await result.locator(`li[data-rule="no-typo"]`).innerText()).toContain(`「${TERM}」`);
    // Chinese names for the verdict, the rule and the severity; the id only beside the name.
    expect(await result.innerText()).toMatch(/结论：拦截/);
    expect(await result.locator(`li[data-rule="no-typo"]`).innerText()).toMatch(/（错别字[^，]*，拦截）\s*no-typo/);
    expect(await result.innerText()).not.toMatch(/\b(pass|warn|justify|block)\b/);
  });

  it('blocks a post on the weibo.com replica for the term only the new pack bans', async () => {
    const replica = await serveWeiboReplica(browser!.context);
    const weibo = await browser!.context.newPage();
    try {
      await weibo.goto('https://weibo.com/');
      await weibo.locator(HOME_INPUT).fill(SAMPLE);
      await weibo.getByRole('button', { name: '发送' }).click();
      const panel = guardPanel(weibo);
      await panel.waitFor();
      expect(await panel.innerText()).toContain(TERM);
      expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
      expect(await latestAttempt(browser!.worker)).toMatchObject({
        verdict: 'block',
        pack: { id: 'baoding-default', version: '1.1.0' },
      });
      await panel.getByRole('button', { name: '返回修改' }).click();
      await weibo.waitForTimeout(700);
      expect(replica.published()).toHaveLength(0);
    } finally {
      await weibo.close();
    }
  });

  it('asks again conditionally and keeps the pack when nothing changed', async () => {
    await checkNow();
    const last = server.requests.filter((r) => r.method === 'GET').at(-1)!;
    expect(last.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(last.status).toBe(304);
    // The page re-reads the status after the stored state changed: wait for it.
    await expect.poll(() => page.locator('[data-field="outcome"]').getAttribute('data-outcome')).toBe('not-modified');
  });

  it('refuses a tampered pack, shows why, and the active pack keeps working', async () => {
    server.serve(tampered);
    await checkNow();
    expect((await history()).at(-1)).toMatchObject({
      kind: 'refused',
      origin: 'policy',
      reason: 'bad-signature',
      pack: { version: '1.2.0' },
    });
    expect((await active())?.pack.version).toBe('1.1.0');
    await expect.poll(() => page.locator('.pack-history tr[data-reason="bad-signature"]').count()).toBe(1);
    expect(await page.locator('.pack-history tr[data-reason="bad-signature"]').innerText()).toContain('签名无效');
    const result = await tryCheck(`${SAMPLE} `);
    expect(await result.locator(`li[data-rule="no-typo"]`).innerText()).toContain(`「${TERM}」`);
  });

  it('refuses an older pack (no rollback attack), and the active pack keeps working', async () => {
    server.serve(older);
    await checkNow();
    expect((await history()).at(-1)).toMatchObject({
      kind: 'refused',
      reason: 'not-newer',
      pack: { version: '1.0.5' },
    });
    expect((await active())?.pack.version).toBe('1.1.0');
    await expect.poll(() => page.locator('.pack-history tr[data-reason="not-newer"]').count()).toBe(1);
    expect(await page.locator('[data-field="version"]').innerText()).toBe('1.1.0');
    const result = await tryCheck(SAMPLE);
    await expect.poll(() => result.getAttribute('data-pack')).toBe('baoding-default@1.1.0');
    expect(await result.locator(`li[data-rule="no-typo"]`).count()).toBe(1);
  });
});

describe('an admin at the dashboard’s 规则包 tab', () => {
  it('imports a signed pack file (air-gapped networks)', async () => {
    await page
      .locator('.pack-import input[type="file"]')
      .setInputFiles({ name: 'baoding-1.3.0.signed.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
    await expect
      .poll(() =>
        page
          .locator('.pack-import .pack-ok')
          .innerText()
          .catch(() => ''),
      )
      .toContain('1.3.0');
    expect(await active()).toMatchObject({
      origin: 'import',
      source: 'baoding-1.3.0.signed.json',
      pack: { version: '1.3.0' },
    });
    await expect.poll(() => page.locator('[data-field="version"]').innerText()).toBe('1.3.0');
  });

  it('refuses an imported older file and shows why', async () => {
    await page
      .locator('.pack-import input[type="file"]')
      .setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(older) });
    await expect
      .poll(() =>
        page
          .locator('.pack-import .pack-refusal')
          .getAttribute('data-reason')
          .catch(() => null),
      )
      .toBe('not-newer');
    expect((await active())?.pack.version).toBe('1.3.0');
  });

  it('rolls back explicitly to an earlier signed pack, and the rollback is logged', async () => {
    const target = page.locator('.pack-rollback li[data-target="baoding-default@1.1.0"]');
    await target.getByRole('button', { name: '回滚' }).click();
    await target.getByRole('button', { name: '确认回滚' }).click();
    await expect.poll(async () => (await active())?.pack.version).toBe('1.1.0');
    expect(await active()).toMatchObject({ rollback: true, origin: 'policy' });
    expect((await history()).at(-1)).toMatchObject({
      kind: 'rolled-back',
      pack: { version: '1.1.0' },
      previous: { version: '1.3.0' },
    });
    await expect.poll(() => page.locator('.pack-history tr[data-kind="rolled-back"]').count()).toBe(1);
  });
});
