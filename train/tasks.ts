/**
 * The two judgement models: which texts teach each one, how the negatives are weighed against
 * each other, and how its thresholds are chosen.
 *
 * Negatives of every style the guard sees: a model taught SMS ads against SMS messages alone
 * learns "SMS versus news". So each model's negatives are split between sources by share, each
 * source weighing the same in total however many texts it has, and together as much as the
 * positives.
 */
import type { Category } from '../rules/engine/types';
import type { Text } from './data';

export interface Task {
  /** The model's name in the pack (packs/default/models/<name>.json). */
  name: string;
  category: Category;
  description: string;
  /** Whether a text teaches the model at all. */
  uses(t: Text): boolean;
  positive(t: Text): boolean;
  /** The negative sources and the share of the negative weight each one carries. */
  negativeSource(t: Text): string;
  negativeShares: Record<string, number>;
  /** L2 penalty (chosen by cross-validated log loss among 1e-4, 3e-4, 1e-3; see the notes in docs/models.md). */
  l2: number;
  /** At most this many n-grams are kept, the heaviest by |weight| (the size budget). */
  maxNgrams: number;
  /** The populations whose rates the thresholds are chosen on, and reported on. */
  populations: Record<string, (t: Text) => boolean>;
  /** The constraints: the smallest threshold meeting them (or, for warn, the one they allow that finds most). */
  warn: { maxRates: Record<string, number>; maximise?: string };
  justify: { maxRates: Record<string, number> };
}

const official = (t: Text) => t.source === 'cctv' || t.source === 'thuc' || t.source === 'msr' || t.source === 'local';

/**
 * The official populations. `local` is the city's own published posts (train/local-posts.ts), present
 * only where an admin added them: an empty population constrains no threshold, and a negative source
 * with no texts adds no weight, so without them the models are trained exactly as before.
 */
const OFFICIAL_POPULATIONS = {
  'cctv 央视新闻微博': (t: Text) => t.source === 'cctv',
  'thuc 新闻标题': (t: Text) => t.source === 'thuc',
  'msr 报纸文句': (t: Text) => t.source === 'msr',
  'local 本市政务帖子': (t: Text) => t.source === 'local',
};

/** The same highest allowed rate for every official population. */
const officialRates = (max: number): Record<string, number> =>
  Object.fromEntries(Object.keys(OFFICIAL_POPULATIONS).map((pop) => [pop, max]));

export const AD_TASK: Task = {
  name: 'commercial-ad',
  category: 'commercial-ad',
  description: '判断一段文字是否像商业广告（楼盘、荐股、贷款、发票、零售、培训、通信套餐、美容医疗等推销短信和帖子）',
  uses: (t) => t.label !== 'push',
  positive: (t) => t.source === 'sms' && t.label === 'ad',
  negativeSource: (t) => t.source,
  negativeShares: { sms: 0.2, cctv: 0.2, thuc: 0.2, msr: 0.2, weibo: 0.2, local: 0.2 },
  l2: 3e-4,
  maxNgrams: 30_000,
  populations: {
    'sms 广告短信': (t) => t.source === 'sms' && t.label === 'ad',
    'sms 正常短信': (t) => t.source === 'sms' && t.label === 'normal',
    ...OFFICIAL_POPULATIONS,
    'weibo 个人微博': (t) => t.source === 'weibo',
  },
  warn: {
    maxRates: { ...officialRates(0.003), 'weibo 个人微博': 0.005 },
    maximise: 'sms 广告短信',
  },
  justify: {
    maxRates: { ...officialRates(0.0005), 'weibo 个人微博': 0.001 },
  },
};

export const EMOTION_TASK: Task = {
  name: 'personal-emotion',
  category: 'personal-opinion',
  description: '判断一段文字是否带有个人的愤怒、不满等强烈情绪（私人微博式的宣泄、指责、辱骂）',
  uses: (t) => t.source !== 'weibo' || t.label === 'angry' || t.label === 'neutral',
  positive: (t) => t.source === 'weibo' && t.label === 'angry',
  negativeSource: (t) => (t.source === 'weibo' ? 'weibo' : official(t) ? t.source : 'sms'),
  negativeShares: { weibo: 0.6, cctv: 0.1, thuc: 0.1, msr: 0.1, sms: 0.1, local: 0.1 },
  l2: 3e-4,
  maxNgrams: 30_000,
  populations: {
    'weibo 愤怒': (t) => t.source === 'weibo' && t.label === 'angry',
    'weibo 中性': (t) => t.source === 'weibo' && t.label === 'neutral',
    ...OFFICIAL_POPULATIONS,
  },
  warn: {
    maxRates: { 'weibo 中性': 0.09, ...officialRates(0.005) },
    maximise: 'weibo 愤怒',
  },
  justify: {
    maxRates: { 'weibo 中性': 0.03, ...officialRates(0.0005) },
  },
};

export const TASKS = [AD_TASK, EMOTION_TASK];
