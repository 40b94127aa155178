/**
 * `npm run bench:guard`: what the guard costs on a real page, in Debian's Chromium with the built
 * extension, against the same replica page without the extension measured in the same run.
 *
 * - click → first feedback: from the publish click to the guard's 正在检查 mark (or the panel).
 * - click → verdict: from the publish click to the panel on screen (a draft with a finding), and
 *   to the page's own handler running again (a clean draft: check + write-ahead log + replay);
 *   a 200-character post and a 20,000-character article; median and p95.
 * - first click after load: a fresh page, a clean draft, the click at once → the post sent.
 * - long drafts: click → panel at 20,000, 100,000 and 300,000 characters with a finding in every
 *   paragraph (the whole path: reading the editor, the check, the log, the panel, the overlay).
 * Every figure stands beside the bare replica's in the same run, with their ratio.
 * - live checking: main-thread time per keystroke while typing slowly enough that every
 *   keystroke is checked (the worst case), beside the same typing without the extension.
 * - the content scripts' size, gzipped; the JS heap the guard adds to a page.
 *
 * Prints a table; writes bench/results/guard.json. Never fails a build: speed is measured here.
 * `--no-build` uses the extension already in .output/chrome-mv3.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, launchGuardedBrowser } from '../tests/e2e/harness';
import { serveWeiboReplica } from '../tests/replicas/weibo/server';
import { factor } from './table';

const ROOT = resolve(import.meta.dirname, '..');
const GUARDED = 'https://weibo.com';
const BASELINE = 'https://replica.test'; // the same replica, where the extension does not run
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const WARMUP = 5;
const KEYSTROKES = 10;
const TARGET_ARTICLE_MS = 50;
const TARGET_FIRST_MS = 300;
const TARGET_FEEDBACK_MS = 100;
const FIRST_CLICKS = Number(process.env.BENCH_FIRST_CLICKS ?? 8);
const LONG_SAMPLES = Number(process.env.BENCH_LONG_SAMPLES ?? 3);
const LONG_LENGTHS = [20_000, 100_000, 300_000];
/** The replica's draft box. */
const DRAFT_BOX = 'textarea[placeholder="有什么新鲜事想分享给大家？"]';

// --- texts ---------------------------------------------------------------------------------
const SENTENCES = [
  '保定市召开今冬明春森林防火工作部署会，要求各县（市、区）压实属地责任。',
  '会议强调，要加强巡山护林和野外用火管理，严防森林火灾发生。',
  '市应急管理局将会同林业部门开展专项检查，发现隐患立即整改。',
  '广大市民进山入林请自觉遵守防火规定，不携带火种。',
];
function text(length: number, typo: boolean): string {
  let out = typo ? '做为基层干部，' : '';
  for (let i = 0; out.length < length; i++) out += SENTENCES[i % SENTENCES.length];
  return out.slice(0, length);
}

// --- statistics ----------------------------------------------------------------------------
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  return { median: q(0.5), p95: q(0.95), samples: sorted.length };
}
const ms = (v: number) => (v < 1 ? `${(v * 1000).toFixed(0)} µs` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
const kib = (v: number) => `${(v / 1024).toFixed(1)} KiB`;

// --- in-page measurements (page world; same clock as the page's handlers) ----------------------
type ReplicaWindow = Window & { __replica: { handled: { what: string; t: number }[] } };

/** Puts `value` in the draft box, as one input event. */
async function fillDraft(page: Page, value: string): Promise<void> {
  await page.evaluate(
    ([selector, value]) => {
      const t = document.querySelector<HTMLTextAreaElement>(selector)!;
      t.value = value;
      t.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [DRAFT_BOX, value] as const,
  );
}

async function setDraft(page: Page, value: string): Promise<void> {
  await fillDraft(page, value);
  // Let the live check of this text run before the click is timed.
  await page.waitForTimeout(450);
}

/**
 * Click 发送; resolve with ms until the panel is on screen (`panel`), the guard's first mark by
 * the button (`feedback`), or the page's handler ran (`handler`).
 */
function timeClick(page: Page, until: 'panel' | 'handler' | 'feedback'): Promise<number> {
  return page.evaluate((until) => {
    return new Promise<number>((resolve) => {
      const w = window as unknown as ReplicaWindow;
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === '发送')!;
      let t0 = 0;
      if (until !== 'handler') {
        const root = document.querySelector('govpost-guard')!.shadowRoot!;
        const seen = new MutationObserver(() => {
          if (!root.querySelector('[role="dialog"]') && (until === 'panel' || !root.querySelector('.checking'))) return;
          seen.disconnect();
          resolve(performance.now() - t0);
        });
        seen.observe(root, { childList: true, subtree: true });
      } else {
        const handled = w.__replica.handled;
        const push = handled.push;
        handled.push = function (...items) {
          handled.push = push;
          resolve(items[0]!.t - t0); // the replica pushes one entry at a time
          return push.apply(this, items);
        };
      }
      t0 = performance.now();
      button.click();
    });
  }, until);
}

async function closePanel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('govpost-guard')!.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => b.textContent === '返回修改')!.click();
  });
  await page.waitForFunction(
    () => !document.querySelector('govpost-guard')!.shadowRoot!.querySelector('[role="dialog"]'),
  );
}

async function waitSent(page: Page): Promise<void> {
  await page.waitForFunction(
    (selector) => document.querySelector<HTMLTextAreaElement>(selector)!.value === '',
    DRAFT_BOX,
  );
}

/** Loads the replica until its draft box is there. */
async function load(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.locator(DRAFT_BOX).waitFor();
}

async function open(page: Page, origin: string): Promise<void> {
  await load(page, origin);
  await page.waitForTimeout(300);
}

async function latency(
  page: Page,
  body: string,
  until: 'panel' | 'handler' | 'feedback',
  samples = SAMPLES,
  warmup = WARMUP,
): Promise<ReturnType<typeof stats>> {
  const times: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    await setDraft(page, body);
    const t = await timeClick(page, until);
    if (until !== 'handler') {
      await page.waitForFunction(
        () => !!document.querySelector('govpost-guard')!.shadowRoot!.querySelector('[role="dialog"]'),
        undefined,
        { timeout: 120_000 },
      );
      await closePanel(page);
    } else await waitSent(page);
    if (i >= warmup) times.push(t);
  }
  return stats(times);
}

/** A fresh page each time, a clean draft, the click at once: ms from the click to the post sent. */
async function firstClicks(page: Page, origin: string, n: number): Promise<ReturnType<typeof stats>> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await load(page, origin);
    await fillDraft(page, text(200, false));
    times.push(await timeClick(page, 'handler'));
    await waitSent(page);
  }
  return stats(times);
}

/** A long draft with a typo in every paragraph of about 200 characters. */
function longDraft(length: number): string {
  const lines: string[] = [];
  let total = 0;
  while (total < length) {
    const line = `做为${text(198, false)}`;
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join('\n').slice(0, length);
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')!.value;
}

/**
 * Main-thread ms per keystroke, typing slower than the live-check debounce (every key checked).
 * Guarded and baseline pages take turns, so both see the same background load.
 */
async function keystrokeCosts(pages: { page: Page; cdp: CDPSession }[], base: string, rounds = 4): Promise<number[]> {
  const totals = pages.map(() => 0);
  for (const { page } of pages) await setDraft(page, base);
  for (let round = 0; round < rounds; round++) {
    for (const [i, { page, cdp }] of pages.entries()) {
      await page.bringToFront();
      await page.locator(DRAFT_BOX).focus();
      await page.keyboard.press('End');
      await page.waitForTimeout(400);
      const before = await taskSeconds(cdp);
      for (let k = 0; k < KEYSTROKES; k++) {
        await page.keyboard.type('防', { delay: 0 });
        await page.waitForTimeout(350);
      }
      totals[i] = (totals[i] ?? 0) + (await taskSeconds(cdp)) - before;
    }
  }
  return totals.map((t) => (t * 1000) / (KEYSTROKES * rounds));
}

/**
 * CPU time the guard's own content scripts take per keystroke, from a sampling profile: every
 * sample whose stack passes through a content-script frame counts (with the browser work those
 * frames call, such as layout for geometry).
 */
async function guardCpuPerKeystroke(page: Page, cdp: CDPSession, base: string): Promise<number> {
  await page.bringToFront();
  await setDraft(page, base);
  await page.locator(DRAFT_BOX).focus();
  await page.keyboard.press('End');
  await page.waitForTimeout(400);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let k = 0; k < KEYSTROKES * 2; k++) {
    await page.keyboard.type('防', { delay: 0 });
    await page.waitForTimeout(350);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inGuard = new Map<number, boolean>();
  const guardFrame = (id: number): boolean => {
    let known = inGuard.get(id);
    if (known === undefined) {
      const node = byId.get(id)!;
      const up = parent.get(id);
      known = node.callFrame.url.includes('/content-scripts/') || (up !== undefined && guardFrame(up));
      inGuard.set(id, known);
    }
    return known;
  };
  let micros = 0;
  profile.samples!.forEach((id, i) => {
    if (guardFrame(id)) micros += profile.timeDeltas![i + 1] ?? 0;
  });
  return micros / 1000 / (KEYSTROKES * 2);
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

function contentScriptSizes(): { file: string; raw: number; gzip: number }[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  return readdirSync(dir).map((file) => {
    const data = readFileSync(join(dir, file));
    return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const browser = await launchGuardedBrowser();
  try {
    await serveWeiboReplica(browser.context, { origins: [GUARDED, BASELINE], heartbeatMs: 60_000 });
    const guarded = await browser.context.newPage();
    const baseline = await browser.context.newPage();

    // Memory first, on fresh pages.
    await open(guarded, GUARDED);
    await open(baseline, BASELINE);
    const gCdp = await browser.context.newCDPSession(guarded);
    const bCdp = await browser.context.newCDPSession(baseline);
    await gCdp.send('Performance.enable');
    await bCdp.send('Performance.enable');
    const heap = { guarded: await heapUsed(gCdp), baseline: await heapUsed(bCdp) };

    const rows: { what: string; guarded: ReturnType<typeof stats>; baseline: ReturnType<typeof stats> }[] = [];
    for (const [label, length] of [
      ['200-char post', 200],
      ['20,000-char article', 20_000],
    ] as const) {
      rows.push({
        what: `${label}: click → panel (finding)`,
        guarded: await latency(guarded, text(length, true), 'panel'),
        baseline: await latency(baseline, text(length, true), 'handler'),
      });
      rows.push({
        what: `${label}: click → sent (clean; check + log + replay)`,
        guarded: await latency(guarded, text(length, false), 'handler'),
        baseline: await latency(baseline, text(length, false), 'handler'),
      });
    }

    // First feedback, first click after a fresh load, long drafts.
    const feedback = {
      what: 'click → first feedback (正在检查 or the panel)',
      guarded: await latency(guarded, text(200, true), 'feedback'),
      baseline: await latency(baseline, text(200, true), 'handler'),
    };
    const fresh = await browser.context.newPage();
    const first = {
      what: 'first click after load → sent (clean, fresh page)',
      guarded: await firstClicks(fresh, GUARDED, FIRST_CLICKS),
      baseline: await firstClicks(fresh, BASELINE, FIRST_CLICKS),
    };
    await fresh.close();
    const long = [];
    for (const length of LONG_LENGTHS) {
      const body = longDraft(length);
      long.push({
        what: `${length.toLocaleString('en')}-char draft, a finding per paragraph: click → panel`,
        guarded: await latency(guarded, body, 'panel', LONG_SAMPLES, 1),
        baseline: await latency(baseline, body, 'handler', LONG_SAMPLES, 1),
      });
    }

    const keys = [];
    for (const length of [200, 20_000]) {
      const [g, b] = (await keystrokeCosts(
        [
          { page: guarded, cdp: gCdp },
          { page: baseline, cdp: bCdp },
        ],
        text(length, true),
      )) as [number, number]; // one cost per page given
      const cpu = await guardCpuPerKeystroke(guarded, gCdp, text(length, true));
      keys.push({
        what: `live check per keystroke, ${length.toLocaleString('en')} chars`,
        guarded: g,
        baseline: b,
        guardCpu: cpu,
      });
    }
    const sizes = contentScriptSizes();

    // --- report ---
    const out: string[] = [];
    out.push(`GovPost Guard on weibo.com (replica), Chromium headless, ${SAMPLES} samples after ${WARMUP} warm-up`);
    out.push('baseline: the same replica page on a host the extension does not run on, same browser, same run\n');
    out.push(
      'latency                                                      median      p95   baseline median   added (median)',
    );
    for (const r of rows) {
      out.push(
        `${r.what.padEnd(58)} ${ms(r.guarded.median).padStart(8)} ${ms(r.guarded.p95).padStart(8)} ${ms(r.baseline.median).padStart(17)} ${ms(r.guarded.median - r.baseline.median).padStart(16)}`,
      );
    }
    const ratio = (g: number, b: number) => factor(g, Math.max(b, 0.001), 1);
    out.push(
      '\nfirst feedback, first click, long drafts            median      p95   baseline median   ratio (median)',
    );
    for (const r of [feedback, first, ...long])
      out.push(
        `${r.what.padEnd(52)} ${ms(r.guarded.median).padStart(8)} ${ms(r.guarded.p95).padStart(8)} ${ms(r.baseline.median).padStart(17)} ${ratio(r.guarded.median, r.baseline.median).padStart(16)}`,
      );
    out.push(
      `target: first feedback under ${TARGET_FEEDBACK_MS} ms p95: ${feedback.guarded.p95 < TARGET_FEEDBACK_MS ? 'PASS' : 'MISS'}; first click after load under ${TARGET_FIRST_MS} ms p95: ${first.guarded.p95 < TARGET_FIRST_MS ? 'PASS' : 'MISS'}`,
    );
    const per = long.map((r, i) => r.guarded.median / (LONG_LENGTHS[i]! / 100_000));
    out.push(
      `long drafts, ms per 100,000 characters: ${per.map((v) => v.toFixed(0)).join(' / ')} (linear when these stay level)\n`,
    );
    const article = rows.find((r) => r.what.startsWith('20,000') && r.what.includes('panel'))!;
    out.push(
      `target: article click → verdict under ${TARGET_ARTICLE_MS} ms: ${article.guarded.p95 < TARGET_ARTICLE_MS ? 'PASS' : article.guarded.median < TARGET_ARTICLE_MS ? 'PASS (median; p95 over)' : 'MISS'}\n`,
    );
    out.push(
      'main-thread time per keystroke (every key checked)  guarded   baseline   added   guard scripts (profiled)',
    );
    for (const k of keys)
      out.push(
        `${k.what.padEnd(51)} ${ms(k.guarded).padStart(8)} ${ms(k.baseline).padStart(10)} ${ms(k.guarded - k.baseline).padStart(7)} ${ms(k.guardCpu).padStart(12)}`,
      );
    out.push('\ncontent scripts                raw      gzip');
    for (const s of sizes) out.push(`${s.file.padEnd(24)} ${kib(s.raw).padStart(10)} ${kib(s.gzip).padStart(10)}`);
    out.push(
      `\nJS heap of a fresh page: guarded ${kib(heap.guarded)}, baseline ${kib(heap.baseline)}, added ${kib(heap.guarded - heap.baseline)} (${factor(heap.guarded, heap.baseline)})`,
    );
    console.log(out.join('\n'));

    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'bench/results/guard.json'),
      `${JSON.stringify({ date: new Date().toISOString(), samples: SAMPLES, latency: rows, feedback, first, long, keystrokes: keys, sizes, heap }, null, 2)}\n`,
    );
  } finally {
    await browser.close();
  }
}

await main();
