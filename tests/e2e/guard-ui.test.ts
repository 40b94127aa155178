/**
 * The guard's user interface end to end, on the weibo.com replica: the panel (locating and
 * fixing findings, keyboard-only use, policy), live checking, adapter-breakage notices and the
 * toolbar badge, the popup, and the private channel to the network gate.
 */
import { describe, expect, it } from 'vitest';
import { guardPanel, logRecords, storedAttempts, tabStatuses } from './harness';
import { DRAFTS, HOME_INPUT as HOME, openHome, weiboSession } from './weibo-session';

const { warn: WARN, fixed: FIXED } = DRAFTS;
const s = weiboSession({ heartbeatMs: 5000 });

const home = (query = '') => openHome(s.page, query);

/** Focus inside the guard's shadow root, described by role/text, or null when focus is elsewhere. */
function guardFocus(): Promise<string | null> {
  return s.page.evaluate(() => {
    const host = document.querySelector('govpost-guard');
    if (document.activeElement !== host) return null;
    const el = host!.shadowRoot!.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent}` : null;
  });
}

describe('the panel', () => {
  it('定位 shows a finding in the editor and keeps focus in the panel; 采用建议 edits through the page’s own input path, and the fixed post goes once', async () => {
    await home();
    await s.page.locator(HOME).fill(WARN);
    await s.page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(s.page);
    await panel.getByRole('button', { name: '定位 「再接再励」' }).click();
    // Highlighted over the editor, focus still in the panel; 返回修改 then puts the caret there.
    await expect
      .poll(() => s.page.locator('govpost-guard').evaluate((h) => h.shadowRoot!.querySelectorAll('.highlight').length))
      .toBeGreaterThan(0);
    expect(await guardFocus()).toMatch(/^button:定位 「再接再励」/);

    await panel.getByRole('button', { name: '采用建议' }).first().click();
    await expect.poll(() => panel.getByRole('button', { name: '采用建议' }).count()).toBe(1);
    await panel.getByRole('button', { name: '采用建议' }).click();
    await expect.poll(() => s.page.locator(HOME).inputValue()).toBe(FIXED);
    expect(await panel.innerText()).toContain('稿件已修改');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await expect.poll(guardFocus).toBe('button:重新检查并发布'); // focus came back into the panel
    await panel.getByRole('button', { name: '重新检查并发布' }).click();

    // The replica sends its v-model state, not the textarea: only input events could have set it.
    await expect.poll(() => s.replica.published('/ajax/statuses/update').length).toBe(1);
    await s.page.waitForTimeout(600);
    expect(s.replica.published().map((r) => r.fields.content)).toEqual([FIXED]);
    expect((await storedAttempts(s.browser.worker)).map((a) => [a.verdict, a.decision])).toEqual([
      ['warn', 'cancelled'],
      ['pass', 'published'],
    ]);
  });

  it('works by keyboard alone: focus starts on 返回修改 and stays in the dialog; Esc returns to the editor; Enter on 仍要发布 publishes', async () => {
    await home();
    const input = s.page.locator(HOME);
    await input.fill(WARN);
    await input.press('Control+Enter');
    await guardPanel(s.page).waitFor();
    await expect.poll(guardFocus).toBe('button:返回修改');
    const seen = new Set<string | null>();
    for (let i = 0; i < 12; i++) {
      await s.page.keyboard.press('Tab');
      seen.add(await guardFocus());
    }
    expect(seen.has(null)).toBe(false); // never left the dialog
    expect(seen).toContain('button:仍要发布');
    expect(seen).toContain('textarea:');

    await s.page.keyboard.press('Escape');
    await expect.poll(() => guardPanel(s.page).count()).toBe(0);
    expect(await s.page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe(
      '有什么新鲜事想分享给大家？',
    );
    expect(await input.evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd))).toBe(
      '做为',
    );
    await s.page.waitForTimeout(500);
    expect(s.replica.published()).toHaveLength(0);

    await input.press('Control+Enter');
    await guardPanel(s.page).waitFor();
    while ((await guardFocus()) !== 'button:仍要发布') await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.replica.published().length).toBe(1);
    expect((await storedAttempts(s.browser.worker)).map((a) => a.decision)).toEqual(['cancelled', 'published']);
  });

  it('a page script cannot press 仍要发布 for the editor', async () => {
    await home();
    await s.page.locator(HOME).fill(WARN);
    await s.page.getByRole('button', { name: '发送' }).click();
    await guardPanel(s.page).waitFor();
    await s.page.evaluate(() => {
      const root = document.querySelector('govpost-guard')!.shadowRoot!;
      for (const b of root.querySelectorAll('button')) if (b.textContent === '仍要发布') b.click();
    });
    await s.page.waitForTimeout(800);
    expect(s.replica.published()).toHaveLength(0);
    expect(await guardPanel(s.page).isVisible()).toBe(true);
  });

  it('when policy forbids overrides, a warned post cannot be published over the panel', async () => {
    await s.browser.worker.evaluate(() => chrome.storage.local.set({ settings: { allowOverride: false } }));
    await home();
    await s.page.locator(HOME).fill(WARN);
    await s.page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.innerText()).toContain('管理员策略不允许“仍要发布”');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await panel.getByRole('button', { name: '返回修改' }).click();
    await s.page.waitForTimeout(500);
    expect(s.replica.published()).toHaveLength(0);
  });
});

describe('live checking', () => {
  const badge = () => s.page.locator('govpost-guard').getByRole('button', { name: /发布前检查：\d+ 处问题/ });

  it('shows a count badge and underlines while typing, drawn over the editor without touching its DOM', async () => {
    await home();
    const composerDom = () =>
      s.page
        .locator(HOME)
        .evaluate((t) => ({ textarea: t.outerHTML, elements: t.parentElement!.querySelectorAll('*').length }));
    const before = await composerDom();
    await s.page.locator(HOME).click();
    await s.page.keyboard.type(WARN, { delay: 5 });
    await expect.poll(() => badge().innerText()).toBe('2');
    expect(
      await s.page.locator('govpost-guard').evaluate((h) => h.shadowRoot!.querySelectorAll('.mark').length),
    ).toBeGreaterThanOrEqual(2);
    expect(await composerDom()).toEqual(before);

    await badge().click();
    const preview = s.page.getByRole('dialog', { name: '实时检查结果' });
    expect(await preview.innerText()).toContain('再接再励');
    await preview.getByRole('button', { name: '关闭' }).click();
    expect(s.replica.published()).toHaveLength(0);
  });

  it('waits while an IME is composing', async () => {
    await home();
    await s.page.locator(HOME).evaluate((t: HTMLTextAreaElement, text) => {
      t.focus();
      t.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      t.value = text;
      t.dispatchEvent(
        new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText' }),
      );
    }, WARN);
    await s.page.waitForTimeout(900);
    expect(await badge().count()).toBe(0);
    await s.page
      .locator(HOME)
      .evaluate((t) => t.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true })));
    await expect.poll(() => badge().innerText()).toBe('2');
  });

  it('is off when the settings say so (the publish check still runs)', async () => {
    await s.browser.worker.evaluate(() =>
      chrome.storage.local.set({ settings: { liveCheck: { weibo: false, wechat: true } } }),
    );
    await home();
    await s.page.locator(HOME).click();
    await s.page.keyboard.type(WARN, { delay: 5 });
    await s.page.waitForTimeout(900);
    expect(await badge().count()).toBe(0);
    await s.page.getByRole('button', { name: '发送' }).click();
    await guardPanel(s.page).waitFor();
  });
});

describe('adapter breakage is never silent', () => {
  it('a home page without its composer gets a notice, the toolbar badge and a logged problem; they clear when it turns up', async () => {
    await s.page.goto('https://weibo.com/?composerDelay=7000');
    const notice = s.page.locator('govpost-guard').getByRole('alert');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('找不到首页发布框');
    await expect
      .poll(async () => (await tabStatuses(s.browser.worker)).find((t) => t.status.page === 'home')?.badge)
      .toBe('!');
    const logged = async () => (await logRecords(s.browser.worker)).filter((r) => r.type === 'adapter-problem');
    await expect
      .poll(logged)
      // The log keeps one record per page and problem for a while (the same breakage on every page
      // load would flood it), so the record may name an earlier page of this session.
      .toEqual(
        expect.arrayContaining([
          expect.objectContaining({ platform: 'weibo', page: 'home', problem: '找不到首页发布框' }),
        ]),
      );

    await s.page.locator(HOME).waitFor({ timeout: 10_000 });
    await expect.poll(() => notice.count(), { timeout: 5000 }).toBe(0);
    await expect
      .poll(async () => (await tabStatuses(s.browser.worker)).find((t) => t.status.page === 'home')?.badge)
      .toBe('');
  });
});

describe('the toolbar popup', () => {
  it('shows, for the tab: guarded, the page kind, the pack version, and the last check’s findings', async () => {
    await home();
    await s.page.locator(HOME).fill(WARN);
    await s.page.getByRole('button', { name: '发送' }).click();
    await guardPanel(s.page).getByRole('button', { name: '返回修改' }).click();
    await expect
      .poll(async () => (await tabStatuses(s.browser.worker)).find((t) => t.status.lastCheck?.verdict === 'warn'))
      .toBeTruthy();
    const { tabId } = (await tabStatuses(s.browser.worker)).find((t) => t.status.lastCheck?.verdict === 'warn')!;
    const popup = await s.browser.context.newPage();
    await popup.goto(s.browser.extensionUrl(`popup.html?tab=${tabId}`));
    const text = () => popup.locator('main').innerText();
    await expect.poll(text).toContain('本页受保护：微博 · 首页');
    expect(await text()).toContain('保定市政务新媒体默认规则包 1.0.0');
    expect(await text()).toContain('最近一次检查（发布）：提示 · 返回修改');
    expect(await text()).toContain('「再接再励」');
    // No collector in the policy: no upload line.
    expect(await popup.getByTestId('collector-line').count()).toBe(0);
    expect(await popup.getByRole('link', { name: /审计页面/ }).getAttribute('href')).toBe(
      s.browser.extensionUrl('dashboard.html'),
    );
    expect(await popup.getByRole('link', { name: '规则包管理' }).getAttribute('href')).toBe(
      s.browser.extensionUrl('dashboard.html#packs'),
    );
    await popup.close();
  });
});

describe('the private channel to the network gate', () => {
  it('cannot be picked up by a page script, and direct requests stay held', async () => {
    await home();
    const grabbed = await s.page.evaluate(() => {
      let port: MessagePort | undefined;
      window.addEventListener('govpost-guard:port', (e) => (port = (e as MessageEvent).ports[0]), true);
      window.dispatchEvent(new Event('govpost-guard:ready'));
      return port !== undefined;
    });
    expect(grabbed).toBe(false);
    void s.page.evaluate(() =>
      fetch('/ajax/statuses/update', { method: 'POST', body: new URLSearchParams({ content: '做为测试' }) }),
    );
    await guardPanel(s.page).waitFor();
    await guardPanel(s.page).getByRole('button', { name: '返回修改' }).click();
    await s.page.waitForTimeout(500);
    expect(s.replica.published()).toHaveLength(0);
  });
});

declare const chrome: {
  storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } };
};
