/** The city's own posts as extra official negatives for the trainer: read exactly, refused loudly. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localFiles, readLocalPosts } from '../../train/local-posts';

const dirs: string[] = [];
function dataFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'govpost-data-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('local posts', () => {
  it('are optional: a data folder without them has none', () => {
    expect(localFiles(dataFolder({ 'official/cctv.tsv': 'x' }))).toEqual([]);
  });

  it('are the .jsonl files of official/local, in name order', () => {
    const dir = dataFolder({
      'official/local/b-2024.jsonl': '',
      'official/local/a-2023.jsonl': '',
      'official/local/readme.txt': 'not posts',
    });
    expect(localFiles(dir)).toEqual(['official/local/a-2023.jsonl', 'official/local/b-2024.jsonl']);
  });

  it('read each line’s text, keep line breaks, skip blank lines and ignore other fields', () => {
    const dir = dataFolder({
      'official/local/posts.jsonl': [
        JSON.stringify({ text: '本周六上午9点，市图书馆举办亲子阅读活动。', account: '保定发布' }),
        '',
        JSON.stringify({ text: '【提醒】明天起这些路段限行\n扩散周知' }),
        '   ',
        JSON.stringify({ text: '  ' }),
      ].join('\r\n'),
    });
    expect(readLocalPosts(dir, 'official/local/posts.jsonl')).toEqual([
      '本周六上午9点，市图书馆举办亲子阅读活动。',
      '【提醒】明天起这些路段限行\n扩散周知',
    ]);
  });

  it('stop the trainer at a line that is not a post, naming the file and the line', () => {
    const dir = dataFolder({
      'official/local/bad.jsonl': `${JSON.stringify({ text: '好' })}\n{"text": "未闭合\n`,
      'official/local/no-text.jsonl': `${JSON.stringify({ body: '正文' })}\n`,
      'official/local/array.jsonl': `["一条"]\n`,
    });
    expect(() => readLocalPosts(dir, 'official/local/bad.jsonl')).toThrow(/bad\.jsonl 第 2 行 不是 JSON/);
    expect(() => readLocalPosts(dir, 'official/local/no-text.jsonl')).toThrow(
      /no-text\.jsonl 第 1 行 缺少字符串字段 text/,
    );
    expect(() => readLocalPosts(dir, 'official/local/array.jsonl')).toThrow(/array\.jsonl 第 1 行 缺少字符串字段 text/);
  });
});
