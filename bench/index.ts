/**
 * `npm run bench:engine` (the first part of `npm run bench`): how fast the engine checks a draft, side by side with bare term matchers, in
 * one run. Prints a table and the targets as PASS/MISS; never fails a build (speed is measured
 * here, not in tests). Uses whatever rules are registered and the default pack as it stands, so
 * the figures follow the rules as they land.
 *
 * The engine is timed as the extension ships it: bundled and minified (bench/bundled-engine.ts).
 * The same check run from source through the TypeScript loader is printed beside it, for
 * information only.
 *
 * Run with --expose-gc (the npm script does) to see retained memory.
 */
import { cpus, loadavg } from 'node:os';
import { loadPackSource } from '../cli/pack/source';
import { DEFAULT_PACK_DIR } from '../cli/pack/default-pack';
import type { Pack } from '../rules/engine/pack';
import type { Draft } from '../rules/engine/types';
import { loadBundledEngine, type Engine } from './bundled-engine';
import * as fromSource from './engine-entry';
import type { Checker } from './engine-entry';
import { article, generatedTerms, packTerms } from './corpus';
import { canMeasureHeap, measure, measureInTurns, measureOnce, nth, retainedHeap, sunk, type Timing } from './measure';
import { PEERS, type Matcher } from './peers';
import { Table, bytes, ms, ratio } from './table';

const LENGTHS = [200, 5_000, 20_000, 100_000];
const BIG_DICTIONARY = 20_000;

/** The default pack with one more dictionary of generated terms, used by the first dictionary rule. */
function packWithTerms(base: Pack, terms: readonly string[]): Pack {
  const rule = fromSource.RULES.find((r) => Object.values(r.meta.options).some((o) => o.type === 'dictionary'));
  if (!rule) throw new Error('no registered rule takes a dictionary');
  const [option] = Object.entries(rule.meta.options).find(([, o]) => o.type === 'dictionary')!;
  const config = base.rules[rule.meta.id];
  return {
    ...base,
    rules: {
      ...base.rules,
      [rule.meta.id]: {
        severity: config?.severity === 'off' || !config ? 'warn' : config.severity,
        options: { ...config?.options, [option]: 'bench-terms' },
      },
    },
    dictionaries: {
      ...base.dictionaries,
      'bench-terms': { basis: '基准测试生成的词条', entries: terms.map((term) => ({ term })) },
    },
  };
}

const draft = (body: string): Draft => ({ platform: 'weibo', kind: 'post', body });

/** The full check on each text, measured in turns so the lengths compare under the same load. */
function timeChecks(checker: Checker, texts: string[]): Timing[] {
  return measureInTurns(
    texts.map((text) => {
      const d = draft(text);
      return () => checker.check(d);
    }),
  );
}

/** Beyond this expected time per call a peer is not measured on a longer text. */
const PEER_BUDGET_MS = 2000;

/**
 * Times each matcher on texts of increasing length. The time at the next length is predicted
 * from the growth seen so far (at least linear); a matcher predicted over the budget is left
 * out (undefined). modern-ahocorasick segments text into graphemes with Intl.Segmenter, which
 * grows faster than linearly on Node 20: a single call on 100,000 characters takes minutes.
 */
function peerTimer(matchers: Matcher[]): (text: string) => (Timing | undefined)[] {
  const peers = matchers.map((matcher) => ({
    matcher,
    seen: [] as { length: number; median: number }[],
    skipped: false,
  }));
  return (text) =>
    peers.map((peer) => {
      const [older, last] = peer.seen.slice(-2);
      const previous = last ?? older;
      if (previous && !peer.skipped) {
        const exponent =
          older && last ? Math.max(1, Math.log(last.median / older.median) / Math.log(last.length / older.length)) : 1;
        peer.skipped = previous.median * (text.length / previous.length) ** exponent > PEER_BUDGET_MS;
      }
      if (peer.skipped) return undefined;
      const t = measure(() => peer.matcher.count(text));
      peer.seen.push({ length: text.length, median: t.median });
      return t;
    });
}

const cell = (t: Timing | undefined, f: (t: Timing) => string) => (t ? f(t) : '—');

/** The pack with every rule but `id` turned off. */
function packWithOnly(base: Pack, id: string | null): Pack {
  return {
    ...base,
    rules: Object.fromEntries(
      Object.entries(base.rules).map(([rule, config]) => [rule, rule === id ? config : { severity: 'off' as const }]),
    ),
  };
}

/**
 * Each rule checked alone on a text: the rule with the shared stages it asks for (normalisation,
 * term scan, quoted speech, URLs, digit runs…), which in a full check it shares with the others.
 */
function ruleTable({ compilePack, RULES }: Engine, pack: Pack, text: string): Table {
  const ids = compilePack(pack, RULES).rules.map((r) => r.id);
  const d = draft(text);
  const alone = ids.map((id) => compilePack(packWithOnly(pack, id), RULES));
  const times = measureInTurns(
    alone.map((c) => () => c.check(d)),
    { time: 300 * alone.length },
  );
  const table = new Table(['rule alone (20,000 chars)', 'findings', 'median', 'cpu']);
  ids
    .map((id, i) => ({ id, t: nth(times, i), findings: nth(alone, i).check(d).findings.length }))
    .sort((a, b) => b.t.median - a.t.median)
    .forEach(({ id, t, findings }) => table.row([id, String(findings), ms(t.median), ms(t.cpu)]));
  return table;
}

/**
 * The judgement models (rules/engine/model.ts) beside a baseline timed in the same turns: the
 * full check of the same text with the pack's word lists alone (the pack without its models).
 * Compiling a model is set beside compiling that lists-only pack. Returns the table and the
 * figures the targets read.
 */
function modelTable(
  { compilePack, CompiledModel, featureText, normalizeText, RULES }: Engine,
  pack: Pack,
  withModels: Checker,
  text: string,
): { table: Table; lists: Timing; full: Timing; compiles: { name: string; median: number }[] } {
  const { models = {}, ...listsOnly } = pack;
  const lists = compilePack(listsOnly, RULES);
  const d = draft(text);
  const normalized = normalizeText(text);
  const features = featureText(normalized);
  const compiled = Object.entries(models).map(([name, doc]) => ({ name, doc, model: new CompiledModel(name, doc) }));
  const fns: [string, () => unknown][] = [
    ['full check, word lists only (baseline)', () => lists.check(d)],
    ['full check, word lists and models', () => withModels.check(d)],
    ['feature text (made once, shared by the models)', () => featureText(normalized)],
    ...compiled.map(({ name, model }): [string, () => unknown] => [`score: ${name}`, () => model.score(features)]),
  ];
  const times = measureInTurns(fns.map(([, fn]) => fn));
  const baseline = nth(times, 0);
  const full = nth(times, 1);
  const table = new Table(['models (20,000 chars)', 'median', 'cpu', 'ratio to baseline']);
  fns.forEach(([label], i) => {
    const t = nth(times, i);
    table.row([label, ms(t.median), ms(t.cpu), ratio(t.median, baseline.median)]);
  });
  table.row([
    'added by the models (with - without)',
    ms(full.median - baseline.median),
    ms(full.cpu - baseline.cpu),
    ratio(full.median - baseline.median, baseline.median),
  ]);
  const compileLists = measureOnce(() => compilePack(listsOnly, RULES));
  table.row(['compile the pack without models (baseline)', ms(compileLists.median), '', '1.00']);
  const compiles = compiled.map(({ name, doc }) => {
    const { median } = measureOnce(() => new CompiledModel(name, doc));
    table.row([`compile: ${name}`, ms(median), '', ratio(median, compileLists.median)]);
    return { name, median };
  });
  return { table, lists: baseline, full, compiles };
}

/** The engine bundled as shipped must report exactly what the source does, or its times mean nothing. */
function assertSameReports(shipped: Checker, source: Checker, texts: string[]): void {
  for (const text of texts) {
    if (JSON.stringify(shipped.check(draft(text))) !== JSON.stringify(source.check(draft(text)))) {
      throw new Error(`the bundled engine reports differently from the source on a ${text.length}-character text`);
    }
  }
}

async function main(): Promise<void> {
  const engine = await loadBundledEngine();
  const { compilePack, CompiledDictionaries, normalizeText, findQuotedSpans, RULES } = engine;
  const pack = loadPackSource(DEFAULT_PACK_DIR);
  const checker = compilePack(pack, RULES);
  const sourceChecker = fromSource.compilePack(pack, fromSource.RULES);
  const terms = packTerms(pack);
  const texts = LENGTHS.map((n) => article(n, pack));
  assertSameReports(checker, sourceChecker, texts);
  const cpu = cpus();
  console.log(
    `GovPost Guard benchmark — Node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}, load average ${nth(loadavg(), 0).toFixed(1)}`,
  );
  console.log(
    `pack ${pack.id} ${pack.version}: ${checker.rules.length} active rules (${checker.rules.map((r) => r.id).join(', ')}), ${terms.length} literal terms, ${checker.termCount} automaton patterns`,
  );
  console.log(
    "the engine is bundled and minified as the extension ships it (esbuild, the build's browser targets); the peers run as published;",
  );
  console.log(
    'times are per call: wall-clock median and p95 over many samples after warm-up, and process CPU time (cpu);',
  );
  console.log('full-check samples are batches of about 20 ms, taken in turns across the text lengths;');
  console.log(
    'ratio < 1 means the full check is faster. On a busy machine wall time grows with the load, CPU time much less.\n',
  );

  // 1. The full check against bare matching of the same pack's terms.
  const matchers = PEERS.map((p) => p.build(terms));
  const timePeers = peerTimer(matchers);
  const full = new Table([
    'text',
    'findings',
    'full check',
    'p95',
    'cpu',
    ...PEERS.map((p) => p.name),
    ...PEERS.map((p) => `check/${p.name}`),
  ]);
  const checkTimes = timeChecks(checker, texts);
  const peerTimes: (Timing | undefined)[][] = [];
  texts.forEach((text, i) => {
    const t = nth(checkTimes, i);
    const peers = timePeers(text);
    peerTimes.push(peers);
    full.row([
      `${nth(LENGTHS, i).toLocaleString('en')} chars`,
      String(checker.check(draft(text)).findings.length),
      ms(t.median),
      ms(t.p95),
      ms(t.cpu),
      ...peers.map((p) => cell(p, (x) => ms(x.median))),
      ...peers.map((p) => cell(p, (x) => ratio(t.median, x.median))),
    ]);
  });
  console.log(`Full check (normalisation + every registered rule) vs bare match of the pack's ${terms.length} terms`);
  console.log(full.render());

  // The same check run from source through the TypeScript loader, for information: not what users run.
  const i20k = LENGTHS.indexOf(20_000);
  const d20k = draft(nth(texts, i20k));
  const [bundled20k, source20k] = measureInTurns([() => checker.check(d20k), () => sourceChecker.check(d20k)]) as [
    Timing,
    Timing,
  ];
  const loaders = new Table(['20,000 chars, measured in turns', 'median', 'p95', 'cpu']);
  loaders.row([
    'bundled and minified, as shipped (the targets use this)',
    ms(bundled20k.median),
    ms(bundled20k.p95),
    ms(bundled20k.cpu),
  ]);
  loaders.row(['from source through tsx (info only)', ms(source20k.median), ms(source20k.p95), ms(source20k.cpu)]);
  console.log('The engine as shipped and as run from source');
  console.log(loaders.render());

  // 2. Where the time of a check goes, on the 20,000-character text.
  const at20k = nth(texts, LENGTHS.indexOf(20_000));
  const dictionaries = new CompiledDictionaries(pack);
  const normalized = normalizeText(at20k);
  const stages = new Table(['stage (20,000 chars)', 'median', 'p95', 'cpu']);
  const stageFns: [string, () => unknown][] = [
    ['normalise (folded + compact views)', () => normalizeText(at20k)],
    ['term scan and pack patterns', () => dictionaries.collect(normalized)],
    ['quoted speech (for quote-aware rules)', () => findQuotedSpans(normalized)],
    ['full check', () => checker.check(draft(at20k))],
  ];
  measureInTurns(stageFns.map(([, fn]) => fn)).forEach((t, i) =>
    stages.row([nth(stageFns, i)[0], ms(t.median), ms(t.p95), ms(t.cpu)]),
  );
  console.log('Stages of one check');
  console.log(stages.render());
  console.log(
    'Per rule: each rule checked alone, with the stages above that it needs (a full check runs each stage once for all rules)',
  );
  console.log(ruleTable(engine, pack, at20k).render());
  const models = modelTable(engine, pack, checker, at20k);
  console.log(
    'Judgement models: each score and compile beside the full check of the same text with the word lists alone, in the same turns',
  );
  console.log(models.table.render());

  // 3. A pack with a large dictionary: compile time, peers' build time, matching.
  const big = generatedTerms(BIG_DICTIONARY);
  const bigPack = packWithTerms(pack, big);
  const compileDefault = measureOnce(() => compilePack(pack, RULES));
  const compileBig = measureOnce(() => compilePack(bigPack, RULES), 5);
  const bigChecker = compileBig.result;
  const builds = PEERS.map((p) => measureOnce(() => p.build(big), 5));
  const build = new Table(['build', 'terms', 'median']);
  build.row(['compilePack, default pack', String(terms.length), ms(compileDefault.median)]);
  build.row([
    `compilePack, default pack + ${BIG_DICTIONARY.toLocaleString('en')}-term dictionary`,
    String(bigChecker.termCount),
    ms(compileBig.median),
  ]);
  PEERS.forEach((p, i) => build.row([`${p.name} build`, String(big.length), ms(nth(builds, i).median)]));
  console.log('Compile and build');
  console.log(build.render());

  const timeBigPeers = peerTimer(builds.map((b) => b.result));
  const bigTable = new Table([
    'text',
    'findings',
    'full check',
    'p95',
    ...PEERS.map((p) => p.name),
    ...PEERS.map((p) => `check/${p.name}`),
  ]);
  let bigCheck20k: Timing | undefined;
  let bigPeers20k: (Timing | undefined)[] = [];
  const bigTimes = timeChecks(bigChecker, texts.slice(1));
  LENGTHS.slice(1).forEach((n, j) => {
    const text = nth(texts, LENGTHS.indexOf(n));
    const t = nth(bigTimes, j);
    const peers = timeBigPeers(text);
    if (n === 20_000) {
      bigCheck20k = t;
      bigPeers20k = peers;
    }
    bigTable.row([
      `${n.toLocaleString('en')} chars`,
      String(bigChecker.check(draft(text)).findings.length),
      ms(t.median),
      ms(t.p95),
      ...peers.map((p) => cell(p, (x) => ms(x.median))),
      ...peers.map((p) => cell(p, (x) => ratio(t.median, x.median))),
    ]);
  });
  console.log(
    `Full check with the ${BIG_DICTIONARY.toLocaleString('en')}-term dictionary vs bare match of the same ${BIG_DICTIONARY.toLocaleString('en')} terms`,
  );
  console.log(bigTable.render());

  // 4. Memory kept alive by each compiled form.
  if (canMeasureHeap()) {
    const heap = new Table(['retained (heap + buffers)', 'bytes']);
    heap.row(['checker, default pack', bytes(retainedHeap(() => compilePack(pack, RULES)))]);
    heap.row([
      `checker, + ${BIG_DICTIONARY.toLocaleString('en')} terms`,
      bytes(retainedHeap(() => compilePack(bigPack, RULES))),
    ]);
    for (const p of PEERS)
      heap.row([`${p.name}, ${BIG_DICTIONARY.toLocaleString('en')} terms`, bytes(retainedHeap(() => p.build(big)))]);
    const m = process.memoryUsage();
    heap.row(['process heap used at the end', bytes(m.heapUsed)]);
    console.log('Memory');
    console.log(heap.render());
  } else {
    console.log(
      'Memory: run with node --expose-gc --import tsx bench/index.ts (npm run bench:engine does) to measure.\n',
    );
  }

  // 5. Targets.
  const i20 = LENGTHS.indexOf(20_000);
  const i100 = LENGTHS.indexOf(100_000);
  const libraries = PEERS.map((p, i) => ({ name: p.name, t: nth(peerTimes, i20)[i] })).filter(
    (p): p is { name: string; t: Timing } => p.name !== 'indexOf' && p.t !== undefined,
  );
  const fastest = libraries.reduce((a, b) => (b.t.median < a.t.median ? b : a));
  const at20 = nth(checkTimes, i20);
  const at100 = nth(checkTimes, i100);
  const check20 = at20.median;
  const growth = at100.median / check20;
  const cpuGrowth = at100.cpu / at20.cpu;
  const targets: [boolean, string][] = [
    [
      check20 < fastest.t.median,
      `full check of 20,000 chars faster than the fastest peer library's bare match (same text, same terms): ${ms(check20)} vs ${fastest.name} ${ms(fastest.t.median)} → ratio ${ratio(check20, fastest.t.median)} (${libraries.map((l) => `${l.name} ${ratio(check20, l.t.median)}`).join(', ')})`,
    ],
    [
      check20 < 2,
      `full check of 20,000 chars, median under 2 ms: ${ms(check20)} (CPU time ${ms(at20.cpu)}; engine bundled as shipped, from source through tsx ${ms(source20k.median)})`,
    ],
    [
      growth <= 6,
      `linear growth, 100,000 chars within 6× of 20,000: ${growth.toFixed(2)}× (CPU time ${cpuGrowth.toFixed(2)}×)`,
    ],
  ];
  const added = models.full.median - models.lists.median;
  targets.push(
    [
      added <= 0.5,
      `the models add at most 0.5 ms to the full check of 20,000 chars: ${ms(added)} (${ratio(models.full.median, models.lists.median)}× the lists-only check, ${ms(models.lists.median)}, in the same turns; CPU time ${ms(models.full.cpu - models.lists.cpu)}, ${ratio(models.full.cpu, models.lists.cpu)}×)`,
    ],
    ...models.compiles.map(({ name, median }): [boolean, string] => [
      median <= 20,
      `model ${name} compiles in at most 20 ms: ${ms(median)}`,
    ]),
  );
  console.log(`Targets (load average now ${nth(loadavg(), 0).toFixed(1)} on ${cpus().length} CPUs)`);
  for (const [ok, text] of targets) console.log(`  ${ok ? 'PASS' : 'MISS'}  ${text}`);
  if (bigCheck20k) {
    const libs = bigPeers20k
      .map((t, i) => ({ name: nth(PEERS, i).name, t }))
      .filter((p): p is { name: string; t: Timing } => p.name !== 'indexOf' && p.t !== undefined);
    console.log(
      `  info  with ${BIG_DICTIONARY.toLocaleString('en')} terms, 20,000 chars: full check ${ms(bigCheck20k.median)}; ${libs.map((l) => `${l.name} ${ms(l.t.median)} (ratio ${ratio(bigCheck20k!.median, l.t.median)})`).join(', ')}`,
    );
  }
  console.log(`  (— : not measured, more than ${PEER_BUDGET_MS / 1000} s a call expected from the shorter text)`);
  if (sunk() === Symbol.for('never')) console.log('');
}

await main();
