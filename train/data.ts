/**
 * The labelled real text the judgement models learn from, read where it is kept (never copied
 * into the repository): public research data sets of Chinese SMS messages, a central news
 * account's Weibo posts, news titles, newspaper lines and private Weibo posts labelled by
 * emotion. See the data folder's own README for each file's origin and noise.
 *
 * Every text is normalised exactly as the engine normalises a draft field, then:
 * - near-duplicates are grouped (the same text once its Latin letters, digits and punctuation
 *   are set aside: one SMS template sent with a thousand different links is one group), and a
 *   group is one text — for training, for counting in how many texts an n-gram occurs, and for
 *   the dev split, so that no copy of a dev text is ever trained on;
 * - the dev split is decided per group by a seeded hash (about 20%), except where the data set
 *   brings its own held-out part (the emotion posts' test part).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../rules/engine/normalize';
import { localFiles, readLocalPosts } from './local-posts';

/**
 * Where the data folder is: the GOVPOST_DATA environment variable, else `shared/data` beside the
 * checkout (`../shared/data`) or beside the folder of checkouts (`../../shared/data`).
 */
export function dataDir(): string {
  if (process.env.GOVPOST_DATA) return process.env.GOVPOST_DATA;
  const root = join(import.meta.dirname, '..');
  const candidates = [join(root, '..', 'shared', 'data'), join(root, '..', '..', 'shared', 'data')];
  const found = candidates.find((c) => existsSync(join(c, FILES.sms)));
  if (!found) throw new Error(`找不到训练数据（${candidates.join('、')}）；用 GOVPOST_DATA 指定数据目录`);
  return found;
}

export type Source = 'sms' | 'cctv' | 'thuc' | 'msr' | 'weibo' | 'local';

export interface Text {
  /** The folded text (what the engine's rules see). */
  folded: string;
  source: Source;
  /** The data set's label, cleaned (see `smsLabel`). */
  label: string;
  /** The near-duplicate group. */
  group: string;
  split: 'train' | 'dev';
  /** A finer slice for estimating generalisation: month, class, brand or data-set part. */
  slice: string;
}

export interface DataFile {
  path: string;
  rows: number;
  bytes: number;
}

/** FNV-1a over a string, then a few rounds of mixing: a stable hash with no dependency. */
export function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export const SEED = 20260101;
const DEV_SHARE = 0.2;

/** The Chinese characters of a folded text, and nothing else: near-duplicates share it. */
export function groupKey(folded: string): string {
  const cjk = folded.replace(/[^\u3400-\u9fff]/g, '');
  return cjk.length >= 4 ? cjk : folded.replace(/\s+/g, '');
}

function devByHash(key: string): 'train' | 'dev' {
  return hash32(key, SEED) / 2 ** 32 < DEV_SHARE ? 'dev' : 'train';
}

function readRows(file: string): string[] {
  return readFileSync(join(dataDir(), file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
}

export const FILES = {
  sms: 'ads/sms_spam_mudou.train.tsv',
  cctv: 'official/cctv_news_weibo_2020-01_02.tsv',
  thuc: 'official/thucnews_titles.dev.txt',
  thucClasses: 'official/thucnews_titles.class.txt',
  msr: 'official/msr_news_lines.first_half.txt',
  weibo: 'emotion/smp2020_ewect_virus.tsv',
} as const;

/** Every file read: the public data sets, and the city's own posts if an admin added them (train/local-posts.ts). */
function allFiles(): string[] {
  return [...Object.values(FILES), ...localFiles(dataDir())];
}

/** The files read, with their sizes, for the models' metadata. */
export function dataFiles(): DataFile[] {
  return allFiles().map((path) => ({
    path,
    rows: readRows(path).length,
    bytes: statSync(join(dataDir(), path)).size,
  }));
}

/** The newest modification date of the data files (YYYY-MM-DD): the models' date, the same on every run. */
export function dataDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const newest = epoch
    ? Number(epoch) * 1000
    : Math.max(...allFiles().map((f) => statSync(join(dataDir(), f)).mtimeMs));
  return new Date(newest).toISOString().slice(0, 10);
}

/**
 * The SMS label, cleaned of the two kinds of noise the data set's README names:
 * - `push`: a carrier's news push (a headline and a link) is labelled spam but is no
 *   advertisement; left out of training and measured on its own;
 * - a message labelled normal that asks to reply TD/T to unsubscribe is a marketing message by
 *   definition (《通信短信息服务管理规定》: commercial messages must offer a way to unsubscribe),
 *   so it counts as an ad.
 */
function smsLabel(spam: boolean, folded: string): string {
  if (spam) return /冲浪助手|go\.10086\.cn|手机报/.test(folded) ? 'push' : 'ad';
  return /退订/.test(folded) ? 'ad' : 'normal';
}

/** A brand signature 【…】 or […] at the end of an SMS (or its start): ads of one brand stay in one split. */
function smsBrand(folded: string): string | null {
  const m = /[【[]([^】\]]{2,12})[】\]]\s*$/.exec(folded) ?? /^\s*[【[]([^】\]]{2,12})[】\]]/.exec(folded);
  return m?.[1] ?? null;
}

const fold = (s: string) => normalizeText(s).folded;

function sms(): Text[] {
  return readRows(FILES.sms).map((row) => {
    const [flag, raw = ''] = row.split('\t');
    const folded = fold(raw);
    const group = groupKey(folded);
    const brand = smsBrand(folded);
    return {
      folded,
      source: 'sms',
      label: smsLabel(flag === '1', folded),
      group,
      split: devByHash(brand ?? group),
      slice: brand ?? 'no-brand',
    };
  });
}

function cctv(): Text[] {
  return readRows(FILES.cctv)
    .slice(1)
    .map((row) => {
      const cols = row.split('\t');
      const folded = fold(cols[6] ?? '');
      const group = groupKey(folded);
      return {
        folded,
        source: 'cctv',
        label: 'official',
        group,
        split: devByHash(group),
        slice: `${cols[1]?.split('月')[0]}月`,
      };
    });
}

function thuc(): Text[] {
  const classes = readRows(FILES.thucClasses);
  return readRows(FILES.thuc).map((row) => {
    const [title = '', cls = ''] = row.split('\t');
    const folded = fold(title);
    const group = groupKey(folded);
    return {
      folded,
      source: 'thuc',
      label: 'official',
      group,
      split: devByHash(group),
      slice: classes[Number(cls)] ?? cls,
    };
  });
}

/** The city's own published posts: official voice, split by the same seeded hash as the others. */
function local(): Text[] {
  const dir = dataDir();
  return localFiles(dir).flatMap((file) =>
    readLocalPosts(dir, file).map((post): Text => {
      const folded = fold(post);
      const group = groupKey(folded);
      return { folded, source: 'local', label: 'official', group, split: devByHash(group), slice: file };
    }),
  );
}

function msr(): Text[] {
  return readRows(FILES.msr).map((row) => {
    const folded = fold(row);
    const group = groupKey(folded);
    return { folded, source: 'msr', label: 'official', group, split: devByHash(group), slice: 'msr' };
  });
}

/**
 * Private Weibo posts; the data set's own test part is the dev split (its training and
 * evaluation parts train), so the dev figures are on posts drawn apart by the data set's makers.
 */
function weibo(): Text[] {
  return readRows(FILES.weibo)
    .slice(1)
    .map((row) => {
      const [part = '', , label = '', text = ''] = row.split('\t');
      const folded = fold(text);
      return {
        folded,
        source: 'weibo',
        label,
        group: groupKey(folded),
        split: part === 'virus_test_labeled' ? 'dev' : 'train',
        slice: part,
      };
    });
}

/**
 * Every text, one per near-duplicate group: the first of a group in file order stands for it. A
 * group that reaches both splits (the emotion data set's parts share a few posts) is kept in dev
 * only, so no dev text is ever trained on.
 */
export function loadTexts(): Text[] {
  const all = [...sms(), ...cctv(), ...thuc(), ...msr(), ...local(), ...weibo()].filter((t) => t.folded.trim() !== '');
  const inDev = new Set(all.filter((t) => t.split === 'dev').map((t) => `${t.source}\u0000${t.group}`));
  const seen = new Set<string>();
  const out: Text[] = [];
  for (const t of all) {
    const key = `${t.source}\u0000${t.group}`;
    const split = inDev.has(key) ? 'dev' : t.split;
    const once = `${key}\u0000${split}`;
    if (seen.has(once)) continue;
    seen.add(once);
    out.push({ ...t, split });
  }
  return out;
}
