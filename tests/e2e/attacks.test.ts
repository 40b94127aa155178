/**
 * The page-side attack suite: every variant in attacks/variants.ts runs on a fresh weibo.com
 * replica page with the built extension, answers the guard's panel with 返回修改 whenever it
 * appears, and is then judged by what reached the mock endpoints (attacks/leak.ts): `held` when
 * nothing carrying the blocked text arrived at a publish endpoint, `leaked` otherwise. The table
 * of results is written to test-results/attacks.md and printed; any leak fails the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISH_PATHS } from '../replicas/weibo/server';
import { guardPanel } from './harness';

declare const chrome: any;
import { carries, serverPath } from './attacks/leak';
import { ATTACK_SCRIPTS, VARIANTS, type AttackContext, type Variant } from './attacks/variants';
import { DRAFTS, HOME_INPUT, weiboSession } from './weibo-session';

const GBK_MARK = '仅供内部参考';
const GBK_FORM = 'content=%BD%F6%B9%A9%C4%DA%B2%BF%B2%CE%BF%BC';

const EXTRA_ORIGINS = [...new Set(VARIANTS.flatMap((variant) => variant.origins ?? []))].filter(
  (o) => o !== 'https://weibo.com' && o !== 'https://www.weibo.com',
);
const s = weiboSession({ origins: ['https://weibo.com', 'https://www.weibo.com', ...EXTRA_ORIGINS] });

const CTX: AttackContext = {
  block: DRAFTS.block,
  clean: DRAFTS.clean,
  gbkBlockForm: GBK_FORM,
  path: '/ajax/statuses/update',
};

interface Outcome {
  variant: Variant;
  result: 'held' | 'leaked';
  answer: string;
}
const outcomes: Outcome[] = [];

async function serveAttackScripts(): Promise<void> {
  for (const origin of ['https://weibo.com', 'https://www.weibo.com', ...EXTRA_ORIGINS])
    await s.browser.context.route(`${origin}/__attack__/**`, (route: Route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: ATTACK_SCRIPTS[name] });
    });
}

/** Runs a variant, saying 返回修改 to every panel until the page script settles (or 20 s pass). */
async function attack(variant: Variant): Promise<string> {
  const page = s.page;
  await page.goto('https://weibo.com/');
  await page.locator(HOME_INPUT).waitFor();
  let settled = false;
  const run = page
    .evaluate(variant.run, { ...CTX, ...(variant.arg !== undefined ? { arg: variant.arg } : {}) })
    .then(
      (value) => JSON.stringify(value) ?? 'undefined',
      (e: unknown) => `threw: ${String(e).slice(0, 120)}`,
    )
    .finally(() => (settled = true));
  const until = Date.now() + 20_000;
  while (!settled && Date.now() < until) {
    const back = guardPanel(page).getByRole('button', { name: '返回修改' });
    if (await back.isVisible().catch(() => false)) await back.click().catch(() => undefined);
    await page.waitForTimeout(200);
  }
  // Whatever the page script does after it returns (a held request let go late) must show too.
  await page.waitForTimeout(1200);
  return settled ? run : 'still running after 20 s';
}

function leaked(variant: Variant): boolean {
  const marker = variant.marker === 'gbk' ? GBK_MARK : CTX.block;
  return s.replica.requests.some(
    (r) => PUBLISH_PATHS.includes(serverPath(new URL(r.url).pathname)) && carries({ url: r.url, raw: r.raw }, marker),
  );
}

describe('page-side attacks on the network line (weibo.com)', () => {
  let served = false;
  it('the floor under the gate is in place: the browser’s rules for workers, other sites and forms', async () => {
    const state = await s.browser.worker.evaluate(async () => {
      const floor = (await chrome.storage.session.get('networkFloor')).networkFloor;
      return { floor, rules: (await chrome.declarativeNetRequest.getSessionRules()).length };
    });
    expect(state.floor).toMatchObject({ ok: true });
    expect(state.rules).toBe(state.floor.rules);
  });

  it.each(VARIANTS)('$group / $id: $title', async (variant) => {
    if (!served) {
      await serveAttackScripts();
      served = true;
    }
    const answer = await attack(variant);
    const result = leaked(variant) ? 'leaked' : 'held';
    outcomes.push({ variant, result, answer });
    expect(result, `the page answered ${answer}`).toBe('held');
  });
});

afterAll(() => {
  const rows = outcomes.map(
    (o) =>
      `| ${o.variant.group} | \`${o.variant.id}\` | ${o.variant.title} | **${o.result}** | ${o.answer.replace(/\|/g, '\\|')} |`,
  );
  const leaks = outcomes.filter((o) => o.result === 'leaked').length;
  const report = [
    `# Page-side attacks on the network line: ${outcomes.length} variants, ${leaks} leaked`,
    '',
    '| group | variant | what the page does | result | what the page script got |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  const dir = join(import.meta.dirname, '../../test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'attacks.md'), report);
  console.log(report);
});
