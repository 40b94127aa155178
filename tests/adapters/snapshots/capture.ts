/**
 * Regenerates the saved editor snapshots the adapter unit tests read: each replica editor is
 * opened in Chromium (no extension), filled the way an editor would fill it (typing, pasting
 * rich text, the page's own 原创 and 原文链接 dialogs), then saved the way "Save page as" does —
 * the page's HTML plus each editing iframe's document in its own file — without the replica's
 * behaviour scripts (account scripts stay: adapters read them).
 *
 *   npx tsx tests/adapters/snapshots/capture.ts
 *
 * The expected drafts in the tests are written by hand; rerun this only when a replica changes.
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../../e2e/harness';
import { serveCardWeibo } from '../../replicas/card-weibo/card-server';
import { serveWechat, type WechatReplicaOptions } from '../../replicas/wechat/mp-server';

export interface SnapshotEntry {
  file: string;
  url: string;
  /** Iframe id → file holding its document. */
  frames?: Record<string, string>;
}

const dir = new URL('./', import.meta.url);

async function paste(page: Page, selector: string, html: string) {
  await page.locator(selector).click();
  await page.evaluate(
    ([sel, data]) => {
      const dt = new DataTransfer();
      dt.setData('text/html', data);
      dt.setData('text/plain', data.replace(/<[^>]+>/g, ''));
      document.querySelector(sel)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    [selector, html] as const,
  );
}

async function save(page: Page, name: string, frames: string[] = []): Promise<SnapshotEntry> {
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const s of copy.querySelectorAll('script')) if (!/^\s*(window\.wx\s*=|var \$CONFIG|window\.__INITIAL_STATE__)/.test(s.textContent ?? '')) s.remove();
    // Form state lives in properties; "Save page as" writes it back into the markup.
    const live = document.querySelectorAll('textarea, input');
    copy.querySelectorAll('textarea, input').forEach((el, i) => {
      const from = live[i] as HTMLInputElement | HTMLTextAreaElement;
      if (el instanceof HTMLTextAreaElement) el.textContent = from.value;
      else if ((from as HTMLInputElement).type === 'checkbox') (el as HTMLInputElement).toggleAttribute('checked', (from as HTMLInputElement).checked);
      else el.setAttribute('value', from.value);
    });
    return '<!DOCTYPE html>\n' + copy.outerHTML;
  });
  writeFileSync(new URL(`${name}.html`, dir), html);
  const entry: SnapshotEntry = { file: `${name}.html`, url: page.url() };
  for (const id of frames) {
    const frameHtml = await page.evaluate((fid) => '<!DOCTYPE html>\n' + (document.getElementById(fid) as HTMLIFrameElement).contentDocument!.documentElement.outerHTML, id);
    const file = `${name}.${id}.html`;
    writeFileSync(new URL(file, dir), frameHtml);
    (entry.frames ??= {})[id] = file;
  }
  return entry;
}

const ARTICLE_HTML =
  '<p>为切实做好春节期间安全生产工作，现将有关事项通知如下。</p>' +
  '<p>一、<strong>压实责任</strong>。各县（市、区）要落实属地管理责任。</p>' +
  '<p>详见<a href="https://mp.weixin.qq.com/s/AbCdEf123">往期回顾</a>和<a href="http://www.baoding.gov.cn/">市政府网站</a>。</p>';

async function wechat(page: Page, options: WechatReplicaOptions, name: string): Promise<SnapshotEntry> {
  const context = page.context();
  await context.unrouteAll();
  const mp = await serveWechat(context, { autosaveMs: 600_000, ...options });
  await page.goto(mp.editorUrl(options.imagePost ? 'image-post' : 'article'));
  const title = options.imagePost ? '春日保定' : '关于做好春节期间安全生产工作的通知';
  if (options.titleOverlay) await page.locator('#js_title_main .ProseMirror').fill(title);
  else await page.fill('#title', title);
  if (options.imagePost) {
    await paste(page, '#guide_words_main .ProseMirror', '<p>古莲花池的春天来了。</p><p>欢迎市民游客前来赏花。</p>');
    await page.locator('.js_original_apply').first().click();
    await page.check('.js_original_dialog .js_original_agree');
    await page.click('.js_original_dialog .js_original_ok');
    // Saved once: the address loses createType, so the page kind must come from the page itself.
    await page.click('#js_submit button');
    await page.waitForURL(/appmsgid=/);
    return save(page, name);
  }
  await page.fill('#author', '市应急管理局');
  await page.fill('#js_description', '春节期间安全生产工作部署');
  if (options.body === 'iframe') {
    await page.frameLocator('#ueditor_0').locator('body').click();
    await page.evaluate((html) => {
      (document.getElementById('ueditor_0') as HTMLIFrameElement).contentDocument!.body.innerHTML = html;
    }, ARTICLE_HTML);
    return save(page, name, ['ueditor_0']);
  }
  await paste(page, '#ueditor_0 .ProseMirror', ARTICLE_HTML);
  if (!options.reprint) {
    await page.locator('#js_original .unorigin .js_original_apply').click();
    await page.check('.js_original_dialog .js_original_agree');
    await page.click('.js_original_dialog .js_original_ok');
    await page.click('#js_article_url_area .js_article_url_allow_click');
    await page.fill('#js_article_url_area .js_url', 'https://www.mem.gov.cn/xw/yjglbgzdt/202601/t20260110_000001.shtml');
    await page.click('#js_article_url_area .js_url_confirm');
  }
  return save(page, name);
}

async function cardWeibo(page: Page, version: 'v3' | 'v5', name: string): Promise<SnapshotEntry> {
  const context = page.context();
  await context.unrouteAll();
  const card = await serveCardWeibo(context, { autosaveMs: 600_000 });
  await page.goto(card.draftUrl(version));
  await page.fill('textarea[placeholder="请输入标题"]', '保定市2026年重点民生实事');
  await page.fill('textarea[placeholder="导语（选填）"]', '十件实事，件件关乎百姓生活');
  await paste(
    page,
    '.ProseMirror',
    '<p>市政府确定了2026年十件民生实事。</p><div data-type="image"><div class="image-view__body"><img src="https://wx1.sinaimg.cn/large/0000replica.jpg"><div class="image-view__caption"><span data-node-view-content>新建的社区食堂</span></div></div></div>' +
      '<p>全文见<a href="https://www.baoding.gov.cn/">保定市人民政府网</a>。</p>',
  );
  return save(page, name);
}

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
const page = await (await browser.newContext()).newPage();
const index: SnapshotEntry[] = [
  await wechat(page, { body: 'prosemirror' }, 'wechat-article-modern'),
  await wechat(page, { body: 'iframe' }, 'wechat-article-legacy'),
  await wechat(page, { body: 'prosemirror', titleOverlay: true, reprint: { nickname: '人民日报', url: 'https://mp.weixin.qq.com/s/ReprintedArticle' } }, 'wechat-article-reprint'),
  await wechat(page, { body: 'prosemirror', titleOverlay: true, imagePost: true }, 'wechat-image-post'),
  await cardWeibo(page, 'v5', 'card-weibo-v5'),
  await cardWeibo(page, 'v3', 'card-weibo-v3'),
];
writeFileSync(new URL('index.json', dir), JSON.stringify(index, null, 2) + '\n');
await browser.close();
