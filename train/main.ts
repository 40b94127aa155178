/**
 * `npm run train`: fits the judgement models on the labelled real text and writes each into the
 * default pack (packs/default/models/<name>.json) with its metadata. Deterministic: a fixed seed
 * decides the splits and folds, the optimiser has no randomness, and the files are written with
 * a stable key order; the date is that of the data. Two runs on the same data and runtime write
 * the same bytes.
 *
 * For each model (train/tasks.ts):
 *   1. the vocabulary: n-grams found in at least MIN_TEXTS different training texts;
 *   2. a first fit on the whole training split; the MAX heaviest n-grams by |weight| are kept;
 *   3. 3-fold cross-validation on the training split, on the kept n-grams: the out-of-fold
 *      predictions choose the thresholds (train/thresholds.ts);
 *   4. the final fit on the whole training split, on the kept n-grams; weights rounded to bytes;
 *   5. the dev split (never trained on, never used for a choice) is scored through the engine's
 *      own model code, and the figures go into the model's metadata.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featuresOf } from '../rules/engine/features';
import { CompiledModel, MODEL_LIMITS, type ModelDocument } from '../rules/engine/model';
import { dataDate, dataFiles, hash32, loadTexts, SEED, type Text } from './data';
import { fit, ngramKeys, probability, row, vocabulary, type Example, type Vocabulary } from './learn';
import { gzipSize, modelDocument, modelJson } from './model-file';
import { TASKS, type Task } from './tasks';
import { chooseThresholds, ratesAt, type Scores } from './thresholds';

export const MIN_TEXTS = 5;
const FOLDS = 3;
const ITERATIONS = 250;
export const MODELS_DIR = join(import.meta.dirname, '..', 'packs', 'default', 'models');

const log = (message: string) => process.stderr.write(`${message}\n`);

function examplesOf(task: Task, texts: readonly Text[], keys: readonly number[][], vocab: Vocabulary): Example[] {
  const positives = texts.filter((t) => task.positive(t)).length;
  const perSource = new Map<string, number>();
  for (const t of texts)
    if (!task.positive(t)) perSource.set(task.negativeSource(t), (perSource.get(task.negativeSource(t)) ?? 0) + 1);
  return texts.map((t, i) => {
    const positive = task.positive(t);
    const source = task.negativeSource(t);
    const share = task.negativeShares[source];
    if (!positive && share === undefined) throw new Error(`${task.name}: 负例来源「${source}」没有权重份额`);
    const weight = positive ? 1 : (positives * share!) / perSource.get(source)!;
    return { row: row(keys[i]!, vocab), y: positive ? 1 : 0, weight };
  });
}

/** Probability that a text is flagged: its most likely paragraph, scored by the engine's own code. */
function engineScore(model: CompiledModel, t: Text): number {
  const scores = model.score(featuresOf(t.folded));
  return scores.reduce((best, s) => Math.max(best, s.probability), 0);
}

function scoresBy(task: Task, texts: readonly Text[], score: (t: Text, i: number) => number): Scores {
  const out: Scores = {};
  for (const pop of Object.keys(task.populations)) out[pop] = [];
  texts.forEach((t, i) => {
    for (const [pop, member] of Object.entries(task.populations)) if (member(t)) out[pop]!.push(score(t, i));
  });
  // A population the data does not hold (the city's own posts, unless an admin added them) is left out.
  for (const [pop, scores] of Object.entries(out)) if (!scores.length) delete out[pop];
  return out;
}

function trainTask(task: Task, all: readonly Text[], allKeys: readonly number[][]): ModelDocument {
  const started = Date.now();
  const trainIdx = all.map((_, i) => i).filter((i) => all[i]!.split === 'train' && task.uses(all[i]!));
  const texts = trainIdx.map((i) => all[i]!);
  const keys = trainIdx.map((i) => allKeys[i]!);
  const full = vocabulary(keys, MIN_TEXTS);
  log(`${task.name}: ${texts.length} 篇训练文字，${full.keys.length} 个 n 元组出现在至少 ${MIN_TEXTS} 篇中`);

  const first = fit(examplesOf(task, texts, keys, full), full.keys.length, task.l2, ITERATIONS);
  const heaviest = full.keys
    .map((k, i) => ({ k, w: Math.abs(first.weights[i]!) }))
    .sort((a, b) => b.w - a.w || a.k - b.k)
    .slice(0, task.maxNgrams)
    .map((x) => x.k)
    .sort((a, b) => a - b);
  const vocab: Vocabulary = { keys: heaviest, index: new Map(heaviest.map((k, i) => [k, i])) };
  log(`${task.name}: 保留 ${vocab.keys.length} 个最重的 n 元组（${((Date.now() - started) / 1000).toFixed(0)} 秒）`);

  // Out-of-fold predictions for the thresholds.
  const fold = texts.map((t) => hash32(t.group, SEED + 1) % FOLDS);
  const oof = new Array<number>(texts.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const inFold = texts.map((_, i) => i).filter((i) => fold[i] !== f);
    const model = fit(
      examplesOf(
        task,
        inFold.map((i) => texts[i]!),
        inFold.map((i) => keys[i]!),
        vocab,
      ),
      vocab.keys.length,
      task.l2,
      ITERATIONS,
    );
    texts.forEach((_, i) => {
      if (fold[i] === f) oof[i] = probability(model, row(keys[i]!, vocab));
    });
    log(`${task.name}: 交叉验证第 ${f + 1}/${FOLDS} 折（${((Date.now() - started) / 1000).toFixed(0)} 秒）`);
  }
  const cvScores = scoresBy(task, texts, (_, i) => oof[i]!);
  const { thresholds, why } = chooseThresholds(task, cvScores);

  const final = fit(examplesOf(task, texts, keys, vocab), vocab.keys.length, task.l2, ITERATIONS);
  const meta: Record<string, unknown> = {
    trainer: 'train/main.ts（npm run train）',
    date: dataDate(),
    seed: SEED,
    data: dataFiles(),
    texts: counts(all, task),
    minTexts: MIN_TEXTS,
    features: '段落的特征文字（rules/engine/features.ts）的 1–3 元组，每段每个只计一次，按 1/√k 归一',
    regularisation: { l2: task.l2, iterations: ITERATIONS },
    // Only the sources the data holds: without the city's own posts, the metadata is as before.
    negativeShares: Object.fromEntries(
      Object.entries(task.negativeShares).filter(([source]) =>
        texts.some((t) => !task.positive(t) && task.negativeSource(t) === source),
      ),
    ),
    thresholdsWhy: why,
    crossValidation: ratesAt(cvScores, thresholds),
  };
  let doc = modelDocument(
    { keys: vocab.keys, weights: final.weights, bias: final.bias },
    { ...task, thresholds, meta },
  );
  const compiled = new CompiledModel(task.name, doc);
  const dev = all.filter((t) => t.split === 'dev');
  meta.dev = ratesAt(
    scoresBy(task, dev, (t) => engineScore(compiled, t)),
    thresholds,
  );
  meta.size = { ngrams: [1, 2, 3].map((n, i) => doc.ngrams[i]!.length / n) };
  doc = { ...doc, meta };
  const json = modelJson(doc);
  const gz = gzipSize(json);
  meta.size = { ...(meta.size as object), gzipBytes: gz, limitGzipBytes: MODEL_LIMITS.gzipBytes };
  if (gz > MODEL_LIMITS.gzipBytes)
    throw new Error(`${task.name}: 压缩后 ${gz} 字节，超过上限 ${MODEL_LIMITS.gzipBytes}`);
  log(
    `${task.name}: 完成（${((Date.now() - started) / 1000).toFixed(0)} 秒），压缩后 ${(gz / 1024).toFixed(1)} KiB，阈值 ${JSON.stringify(thresholds)}`,
  );
  return { ...doc, meta };
}

function counts(all: readonly Text[], task: Task): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = { train: {}, dev: {} };
  for (const t of all) {
    if (!task.uses(t)) continue;
    const key = `${t.source}/${t.label}`;
    out[t.split]![key] = (out[t.split]![key] ?? 0) + 1;
  }
  for (const split of Object.values(out))
    for (const k of Object.keys(split).sort()) {
      const v = split[k]!;
      delete split[k];
      split[k] = v;
    }
  return out;
}

function main(): void {
  const only = process.argv.slice(2);
  const tasks = only.length ? TASKS.filter((t) => only.includes(t.name)) : TASKS;
  const texts = loadTexts();
  const keys = texts.map((t) => ngramKeys(t.folded));
  mkdirSync(MODELS_DIR, { recursive: true });
  for (const task of tasks) {
    const doc = trainTask(task, texts, keys);
    const file = join(MODELS_DIR, `${task.name}.json`);
    writeFileSync(file, modelJson(doc));
    log(`写入 ${file}`);
  }
}

if (process.argv[1] === import.meta.filename) main();
