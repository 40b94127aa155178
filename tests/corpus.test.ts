/**
 * The default pack measured on corpora of realistic posts, with every registered rule on (the
 * registry grows; this test uses whatever RULES holds):
 * - official posts (central-media Weibo, commentary, city notices, consumer warnings,
 *   procurement notices, policy news with prices): block-level findings on fewer than 1%;
 * - commercial spam: a shown `commercial-ad` finding on more than 85%;
 * - private users' emotional posts: a shown `personal-opinion` finding on more than 80%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../rules/engine/checker';
import { isShown, type Category, type Draft, type Finding } from '../rules/engine/types';
import { RULES } from '../rules/index';
import { defaultPack } from './rule-tester';

interface CorpusPost {
  title?: string;
  body: string;
}

function corpus(name: string): CorpusPost[] {
  const file = join(import.meta.dirname, 'corpus', `${name}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusPost);
}

const checker = compilePack(defaultPack(), RULES);

function findings(post: CorpusPost): Finding[] {
  const draft: Draft = { platform: 'weibo', kind: 'post', ...post };
  const report = checker.check(draft);
  expect(report.errors).toEqual([]);
  return report.findings.filter(isShown);
}

/** Share of posts with at least one shown finding that passes `match`, and the posts themselves. */
function rate(posts: CorpusPost[], match: (f: Finding) => boolean): { rate: number; hits: string[]; misses: string[] } {
  const hits: string[] = [];
  const misses: string[] = [];
  for (const post of posts) {
    const found = findings(post).filter(match);
    const label = (post.title ? `${post.title}｜` : '') + post.body.slice(0, 40);
    if (found.length) hits.push(`${label}  ← ${found.map((f) => `${f.ruleId}「${f.excerpt}」`).join(' ')}`);
    else misses.push(label);
  }
  return { rate: hits.length / posts.length, hits, misses };
}

const percent = (r: number) => `${(r * 100).toFixed(1)}%`;
const inCategory = (category: Category) => (f: Finding) => f.category === category;

describe('default pack on the evaluation corpora', () => {
  it('blocks fewer than 1% of official posts', () => {
    const posts = corpus('official-posts');
    expect(posts.length).toBeGreaterThanOrEqual(200);
    const r = rate(posts, (f) => f.severity === 'block');
    console.log(
      `official posts with a block finding: ${percent(r.rate)} (${r.hits.length}/${posts.length})\n${r.hits.join('\n')}`,
    );
    expect(r.rate, r.hits.join('\n')).toBeLessThan(0.01);
  });

  it('finds commercial advertising in more than 85% of spam', () => {
    const posts = corpus('spam');
    expect(posts.length).toBeGreaterThanOrEqual(150);
    const r = rate(posts, inCategory('commercial-ad'));
    console.log(
      `spam with a commercial-ad finding: ${percent(r.rate)} (${r.hits.length}/${posts.length}); missed:\n${r.misses.join('\n')}`,
    );
    expect(r.rate, r.misses.join('\n')).toBeGreaterThan(0.85);
  });

  it('finds personal opinion or emotion in more than 80% of emotional posts', () => {
    const posts = corpus('emotional');
    expect(posts.length).toBeGreaterThanOrEqual(120);
    const r = rate(posts, inCategory('personal-opinion'));
    console.log(
      `emotional posts with a personal-opinion finding: ${percent(r.rate)} (${r.hits.length}/${posts.length}); missed:\n${r.misses.join('\n')}`,
    );
    expect(r.rate, r.misses.join('\n')).toBeGreaterThan(0.8);
  });
});
