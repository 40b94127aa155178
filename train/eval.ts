/**
 * `npm run eval`: how the default pack judges real text it was not trained on — a report, not a
 * test. Every dev-split text (train/data.ts: never trained on, never used for a choice) is
 * checked as a Weibo post by the whole default pack, twice: with the word lists alone (the pack
 * without its models) and with lists and models. Reported per population:
 *
 * - recall: the share of real ads with a `commercial-ad` finding, and of angry private posts
 *   with a `personal-opinion` finding (at any severity the editor sees: warn and up);
 * - false alarms: the share of official texts (a news account's Weibo posts, news titles,
 *   newspaper lines) and of neutral private posts stopped (justify or block) or warned by a
 *   content rule, and the count of official texts blocked, with the rules that did it;
 * - the models' sizes, and what scoring costs as a share of the full check of a long article.
 *
 * `npm run eval -- --examples` also prints official texts that were stopped, to read.
 */
import { gzipSync } from 'node:zlib';
import { loadPackSource } from '../cli/pack/source';
import { DEFAULT_PACK_DIR } from '../cli/pack/default-pack';
import { compilePack, type Checker } from '../rules/engine/checker';
import { featuresOf } from '../rules/engine/features';
import { CompiledModel } from '../rules/engine/model';
import type { Pack } from '../rules/engine/pack';
import { REFERENCE_TEXT } from '../pack-trust/reference-text';
import { severityRank, type Category, type Finding } from '../rules/engine/types';
import { RULES } from '../rules/index';
import { loadTexts, type Text } from './data';

/** Categories that judge the draft's metadata (its declared source), not its text. */
const NOT_CONTENT: readonly Category[] = ['missing-source', 'unapproved-source'];

interface Population {
  name: string;
  member(t: Text): boolean;
  /** The category a finding must have to count as found; none for a population of negatives. */
  finds?: Category;
}

const POPULATIONS: Population[] = [
  { name: 'sms 广告短信', member: (t) => t.source === 'sms' && t.label === 'ad', finds: 'commercial-ad' },
  { name: 'weibo 愤怒', member: (t) => t.source === 'weibo' && t.label === 'angry', finds: 'personal-opinion' },
  { name: 'cctv 央视新闻微博', member: (t) => t.source === 'cctv' },
  { name: 'thuc 新闻标题', member: (t) => t.source === 'thuc' },
  { name: 'msr 报纸文句', member: (t) => t.source === 'msr' },
  // The city's own published posts, where an admin added them (train/local-posts.ts); no row otherwise.
  { name: 'local 本市政务帖子', member: (t) => t.source === 'local' },
  // Neutral private posts are negatives; their “found” is the false-alarm rate of personal-opinion.
  {
    name: 'weibo 中性',
    member: (t) => t.source === 'weibo' && t.label === 'neutral',
    finds: 'personal-opinion',
  },
  { name: 'sms 正常短信', member: (t) => t.source === 'sms' && t.label === 'normal' },
];
const OFFICIAL = new Set(['cctv', 'thuc', 'msr', 'local']);

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

function findingsOf(checker: Checker, t: Text): Finding[] {
  return checker.check({ platform: 'weibo', kind: 'post', body: t.folded }).findings;
}

interface Tally {
  n: number;
  found: number;
  foundByCategory: Partial<Record<Category, number>>;
  warned: number;
  stopped: number;
  blocked: number;
  stoppedBy: Map<string, number>;
  examples: string[];
}

function tally(checker: Checker, texts: readonly Text[], pop: Population): Tally {
  const out: Tally = {
    n: 0,
    found: 0,
    foundByCategory: {},
    warned: 0,
    stopped: 0,
    blocked: 0,
    stoppedBy: new Map(),
    examples: [],
  };
  for (const t of texts) {
    if (!pop.member(t)) continue;
    out.n++;
    const findings = findingsOf(checker, t).filter(
      (f) => !NOT_CONTENT.includes(f.category) && severityRank(f.severity) >= severityRank('warn'),
    );
    if (pop.finds && findings.some((f) => f.category === pop.finds)) out.found++;
    for (const c of new Set(findings.map((f) => f.category)))
      out.foundByCategory[c] = (out.foundByCategory[c] ?? 0) + 1;
    if (findings.length) out.warned++;
    const stopping = findings.filter((f) => severityRank(f.severity) >= severityRank('justify'));
    if (stopping.length) {
      out.stopped++;
      for (const id of new Set(stopping.map((f) => `${f.ruleId}/${f.severity}`)))
        out.stoppedBy.set(id, (out.stoppedBy.get(id) ?? 0) + 1);
      if (out.examples.length < 15)
        out.examples.push(
          `${stopping.map((f) => `${f.ruleId}「${f.excerpt.slice(0, 30)}」`).join(' ')} ← ${t.folded.slice(0, 80)}`,
        );
    }
    if (findings.some((f) => f.severity === 'block')) out.blocked++;
  }
  return out;
}

/** Milliseconds per run of `run`, the best of several batches. */
function timeIt(run: () => void, batches = 5, per = 10): number {
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < per; i++) run();
    best = Math.min(best, (performance.now() - t0) / per);
  }
  return best;
}

function costs(withModels: Checker, lists: Checker, pack: Pack): string[] {
  const draft = {
    platform: 'wechat' as const,
    kind: 'article' as const,
    title: REFERENCE_TEXT.slice(0, 30),
    body: REFERENCE_TEXT,
  };
  const full = timeIt(() => withModels.check(draft));
  const bare = timeIt(() => lists.check(draft));
  const lines = [
    `整篇检查（${REFERENCE_TEXT.length} 字的参考文章）：不带模型 ${bare.toFixed(2)} ms，带模型 ${full.toFixed(2)} ms，模型使检查变为 ${(full / bare).toFixed(2)} 倍`,
  ];
  for (const [name, doc] of Object.entries(pack.models ?? {})) {
    const json = JSON.stringify(doc);
    const load = timeIt(() => new CompiledModel(name, doc), 5, 3);
    const model = new CompiledModel(name, doc);
    const score = timeIt(() => model.score(featuresOf(REFERENCE_TEXT)));
    lines.push(
      `模型 ${name}：${model.ngramCount} 个 n 元组，${json.length} 字符，压缩后 ${(gzipSync(json).length / 1024).toFixed(1)} KiB；` +
        `编译 ${load.toFixed(1)} ms；给整篇打分 ${score.toFixed(2)} ms（整篇检查的 ${((100 * score) / full).toFixed(0)}%）`,
    );
  }
  return lines;
}

function main(): void {
  const examples = process.argv.includes('--examples');
  const pack = loadPackSource(DEFAULT_PACK_DIR);
  const { models: _models, ...withoutModels } = pack;
  const lists = compilePack(withoutModels, RULES);
  const both = compilePack(pack, RULES);
  const dev = loadTexts().filter((t) => t.split === 'dev');
  const out: string[] = [`开发集（${dev.length} 篇，训练时未见）上的默认规则包，每篇作为一条微博检查。`, ''];
  out.push(
    '| 人群 | 篇数 | 只用词表：找到 / 提醒及以上 / 拦停(须理由+拦截) / 拦截 | 词表+模型：找到 / 提醒及以上 / 拦停 / 拦截 |',
  );
  out.push('| --- | --- | --- | --- |');
  const stoppedExamples: string[] = [];
  for (const pop of POPULATIONS) {
    const a = tally(lists, dev, pop);
    const b = tally(both, dev, pop);
    if (!a.n) continue;
    const cell = (t: Tally) =>
      `${pop.finds ? pct(t.found, t.n) : '—'} / ${pct(t.warned, t.n)} / ${pct(t.stopped, t.n)} / ${t.blocked}`;
    out.push(`| ${pop.name} | ${a.n} | ${cell(a)} | ${cell(b)} |`);
    if (!pop.finds && OFFICIAL.has(dev.find((t) => pop.member(t))?.source ?? '')) {
      const by = [...b.stoppedBy].sort((x, y) => y[1] - x[1]).map(([id, n]) => `${id} ${n}`);
      if (by.length) stoppedExamples.push(`${pop.name} 拦停的规则：${by.join('，')}`);
      if (examples) stoppedExamples.push(...b.examples.map((e) => `  ${e}`));
    }
  }
  out.push(
    '',
    '“找到”：带该类别（广告：commercial-ad；愤怒、中性：personal-opinion，中性的即误报率）提醒及以上结果的比例。',
    '',
  );
  out.push(...stoppedExamples, '', ...costs(both, lists, pack));
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
