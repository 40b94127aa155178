/**
 * The panel as an editor under deadline uses it, on the weibo.com replica: feedback by the
 * button at once, a panel that opens at its top beside the composer (never over it, at 1024 and
 * 1366 px), one card per advertising paragraph, each term once with its place, fixing the text
 * with the panel open (it re-checks while typing) and publishing from it, the card on an
 * underline with its one-click fix, and the badge from the keyboard. Screenshots go to
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guardPanel, storedAttempts, tabStatuses } from './harness';
import { DRAFTS, HOME_INPUT as HOME, openHome, weiboSession } from './weibo-session';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const s = weiboSession({ heartbeatMs: 5000 });

const AD = '限时抢购！全场五折，领取优惠券，加微信下单，名额有限，欲购从速，扫码进群享团购价。';
const TWO_PARAGRAPHS = `今冬明春森林防火工作部署会召开。\n${DRAFTS.warn}\n做为一名党员，要带头。`;

async function home(width = 1366): Promise<void> {
  await s.page.setViewportSize({ width, height: 768 });
  await openHome(s.page);
}

const overlap = (a: DOMRect, b: DOMRect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** The panel's box and the composer's (text box and 发送), in the page. */
async function boxes() {
  return s.page.evaluate(() => {
    const panel = document.querySelector('govpost-guard')!.shadowRoot!.querySelector('.panel')!;
    const input = document.querySelector('textarea[placeholder="有什么新鲜事想分享给大家？"]')!;
    const send = [...document.querySelectorAll('button')].find((b) => b.textContent === '发送')!;
    const r = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
    return { panel: r(panel), input: r(input), send: r(send) };
  });
}

describe('the first click', () => {
  it('shows 正在检查 by the button within 100 ms of the click, and a second click meanwhile is not lost', async () => {
    await home();
    await s.page.locator(HOME).fill(DRAFTS.warn);
    const seenAfter = await s.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const root = document.querySelector('govpost-guard')!.shadowRoot!;
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent === '发送')!;
          // When the guard puts its mark on the page (painted at the next frame after that).
          const seen = new MutationObserver(() => {
            if (!root.querySelector('.checking') && !root.querySelector('[role="dialog"]')) return;
            seen.disconnect();
            resolve(performance.now() - t0);
          });
          seen.observe(root, { childList: true, subtree: true });
          const t0 = performance.now();
          button.click();
          button.click();
        }),
    );
    expect(seenAfter).toBeLessThan(100);
    await guardPanel(s.page).waitFor();
    // Both clicks were one attempt: one log entry (written while the panel opens), one panel.
    await expect.poll(async () => (await storedAttempts(s.browser.worker)).length, { timeout: 10_000 }).toBe(1);
    await s.page.waitForTimeout(1000);
    expect(await storedAttempts(s.browser.worker)).toHaveLength(1);
    expect(await s.page.getByRole('dialog').count()).toBe(1);
  });
});

describe('the panel', () => {
  for (const width of [1024, 1366]) {
    it(`at ${width} px: opens at its top beside the composer, never over the text box or 发送, and the page stays usable`, async () => {
      await home(width);
      await s.page.locator(HOME).fill(AD + '\n' + DRAFTS.warn);
      await s.page.getByRole('button', { name: '发送' }).click();
      const panel = guardPanel(s.page);
      await panel.waitFor();
      await s.page.waitForTimeout(300);
      await s.page.screenshot({ path: `${SHOTS}/panel-${width}.png` });
      const b = await boxes();
      expect(overlap(b.panel, b.input)).toBe(0);
      expect(overlap(b.panel, b.send)).toBe(0);
      // Opens at its top: the verdict and the most severe card are in view, nothing scrolled.
      const top = await s.page.locator('govpost-guard').evaluate((h) => {
        const root = h.shadowRoot!;
        const cards = root.querySelector('.cards')!;
        const first = root.querySelector('.card')!;
        const r = first.getBoundingClientRect();
        return {
          scrolled: cards.scrollTop + root.querySelector('.head')!.scrollTop,
          firstSeverity: first.className,
          firstVisible: r.top >= 0 && r.bottom <= innerHeight,
          summary: root.querySelector('#gp-summary')!.textContent,
        };
      });
      expect(top.scrolled).toBe(0);
      expect(top.firstSeverity).toContain('sev-block');
      expect(top.firstVisible).toBe(true);
      expect(top.summary).toContain('不能发布');
      // Not modal: the editor can click into the text and type while the panel stays open.
      await s.page.locator(HOME).click();
      await s.page.keyboard.press('End');
      await s.page.keyboard.type('。');
      expect(await s.page.locator(HOME).inputValue()).toMatch(/。$/);
      expect(await panel.isVisible()).toBe(true);
    });
  }

  it('one card for an advertising paragraph with its cues, each term once, each place named; rule ids and English never shown', async () => {
    await home();
    await s.page.locator(HOME).fill(`${AD}\n${TWO_PARAGRAPHS}`);
    await s.page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    const cards = panel.locator('.card');
    const texts = await cards.allInnerTexts();
    const ad = texts.filter((t) => t.includes('促销用语'));
    expect(ad).toHaveLength(1);
    expect(ad[0]).toContain('正文第 1 段');
    for (const cue of ['限时抢购', '优惠券', '加微信下单']) expect(ad[0]).toContain(cue);
    const typo = texts.filter((t) => t.includes('「做为」'));
    expect(typo).toHaveLength(1);
    expect(typo[0]).toContain('正文第 3 段、正文第 4 段');
    const all = await panel.innerText();
    expect(all).not.toMatch(/no-[a-z-]+|justify|block|warn|lexicon|§|无官方清单/);
  });

  it('re-checks while the editor types with it open, and publishes from it once the text is fixed', async () => {
    await home();
    const input = s.page.locator(HOME);
    await input.fill(DRAFTS.warn);
    await s.page.getByRole('button', { name: '发送' }).click();
    const panel = guardPanel(s.page);
    await panel.waitFor();
    expect(await panel.locator('.card').count()).toBe(2);
    await input.fill(DRAFTS.fixed.replace('再接再厉', '再接再励'));
    await expect.poll(() => panel.locator('.card').count()).toBe(1);
    expect(await panel.innerText()).toContain('修改后的检查结果');
    expect(await panel.getByRole('button', { name: '仍要发布' }).count()).toBe(0);
    await input.fill(DRAFTS.fixed);
    await expect.poll(() => panel.innerText()).toContain('修改后没有发现问题');
    await panel.getByRole('button', { name: '重新检查并发布' }).click();
    await expect.poll(() => s.replica.published('/ajax/statuses/update').length).toBe(1);
    await s.page.waitForTimeout(500);
    expect(s.replica.published().map((r) => r.fields.content)).toEqual([DRAFTS.fixed]);
    expect((await storedAttempts(s.browser.worker)).map((a) => [a.verdict, a.decision])).toEqual([
      ['warn', 'cancelled'],
      ['pass', 'published'],
    ]);
  });
});

describe('live checking', () => {
  it('hovering an underline shows what, why and the fix; one click fixes it', async () => {
    await home();
    await s.page.locator(HOME).click();
    await s.page.keyboard.type(DRAFTS.warn, { delay: 5 });
    const mark = s.page.locator('govpost-guard .mark').first();
    await mark.waitFor({ state: 'attached' });
    const box = await mark.evaluate((m) => m.getBoundingClientRect().toJSON() as DOMRect);
    await s.page.mouse.move(box.left + box.width / 2, box.top - 4);
    const card = s.page.locator('govpost-guard').getByRole('tooltip');
    await card.waitFor();
    await s.page.screenshot({ path: `${SHOTS}/live-card.png` });
    expect(await card.innerText()).toContain('错别字');
    await card.getByRole('button', { name: /采用建议/ }).click();
    await expect.poll(() => s.page.locator(HOME).inputValue()).toContain('作为');
  });

  it('Alt+Shift+K in the composer opens its findings with focus in them, from the keyboard alone', async () => {
    await home();
    await s.page.locator(HOME).click();
    await s.page.keyboard.type(DRAFTS.warn, { delay: 5 });
    await s.page
      .locator('govpost-guard')
      .getByRole('button', { name: /发布前检查：2 处问题/ })
      .waitFor();
    await s.page.keyboard.press('Alt+Shift+K');
    const preview = s.page.getByRole('dialog', { name: '实时检查结果' });
    await preview.waitFor();
    expect(await s.page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('govpost-guard');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => preview.count()).toBe(0);
  });

  it('the badge counts what its panel lists: an advertising paragraph is one, a repeated term once', async () => {
    await home();
    await s.page.locator(HOME).click();
    await s.page.locator(HOME).fill(`${AD}\n${TWO_PARAGRAPHS}`);
    await s.page.keyboard.type('。');
    const badge = s.page.locator('govpost-guard').getByRole('button', { name: /发布前检查：\d+ 处问题/ });
    await badge.waitFor();
    const count = Number(await badge.innerText());
    await badge.click();
    const preview = s.page.getByRole('dialog', { name: '实时检查结果' });
    await preview.waitFor();
    expect(await preview.locator('.card').count()).toBe(count);
    // More findings than cards: the ad's cues and the repeated 「做为」 were grouped, not counted.
    const found = (await tabStatuses(s.browser.worker)).map(
      (t) => (t.status.lastCheck as { findings?: unknown[] } | undefined)?.findings?.length ?? 0,
    );
    expect(Math.max(...found)).toBeGreaterThan(count);
    await s.page.keyboard.press('Escape');
  });

  it('checks text that was already in the composer before the guard saw it', async () => {
    await s.page.goto('https://weibo.com/?composerDelay=1500');
    // The page fills its composer as it mounts (a restored draft), before any input event.
    await s.page.evaluate((text) => {
      new MutationObserver((_, o) => {
        const t = document.querySelector<HTMLTextAreaElement>('textarea[placeholder="有什么新鲜事想分享给大家？"]');
        if (!t) return;
        o.disconnect();
        t.value = text;
      }).observe(document, { childList: true, subtree: true });
    }, DRAFTS.warn);
    await s.page.locator(HOME).waitFor();
    await expect
      .poll(
        () =>
          s.page
            .locator('govpost-guard')
            .getByRole('button', { name: /发布前检查：2 处问题/ })
            .count(),
        {
          timeout: 3000,
        },
      )
      .toBe(1);
  });
});

describe('the toolbar popup', () => {
  async function popupFor(): Promise<import('playwright-core').Page> {
    await expect
      .poll(async () => (await tabStatuses(s.browser.worker)).some((t) => t.status.page === 'home'))
      .toBe(true);
    const statuses = await tabStatuses(s.browser.worker);
    const { tabId } = statuses.find((t) => t.status.page === 'home')!;
    const popup = await s.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(s.browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByText('本页受保护').waitFor();
    return popup;
  }

  it('stays within 600 px with many findings, its links in view; 检查当前稿件 opens the findings on the page', async () => {
    await home();
    const many = Array.from({ length: 30 }, (_, i) => `第${i + 1}段：限时抢购，领取优惠券。做为干部要再接再励。`).join(
      '\n',
    );
    await s.page.locator(HOME).fill(many);
    await expect.poll(async () => (await tabStatuses(s.browser.worker)).some((t) => t.status.lastCheck)).toBe(true);
    const popup = await popupFor();
    await popup.getByText('最近一次检查').waitFor();
    await popup.screenshot({ path: `${SHOTS}/popup.png` });
    const fit = await popup.evaluate(() => {
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('规则包管理'))!;
      return { height: document.documentElement.scrollHeight, linkBottom: link.getBoundingClientRect().bottom };
    });
    expect(fit.height).toBeLessThanOrEqual(600);
    expect(fit.linkBottom).toBeLessThanOrEqual(600);

    await popup.getByRole('button', { name: '检查当前稿件' }).click();
    await s.page.getByRole('dialog', { name: '实时检查结果' }).waitFor();
    await popup.close().catch(() => undefined);
  });

  it('pauses live checking on this site where policy allows, and resumes it', async () => {
    await home();
    const popup = await popupFor();
    const pause = popup.getByRole('checkbox', { name: /暂停实时检查/ });
    await pause.check();
    await expect
      .poll(() => s.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings))
      .toMatchObject({
        liveCheck: { weibo: false },
      });
    await s.page.locator(HOME).fill('');
    await s.page.locator(HOME).click();
    await s.page.keyboard.type(DRAFTS.warn, { delay: 5 });
    await s.page.waitForTimeout(900);
    expect(await s.page.locator('govpost-guard .badge').count()).toBe(0);
    await pause.uncheck();
    await expect
      .poll(() => s.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings))
      .toMatchObject({
        liveCheck: { weibo: true },
      });
    await popup.close();
  });
});

declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, { liveCheck?: unknown }>> } } };
