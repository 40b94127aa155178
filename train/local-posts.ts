/**
 * The city's own published posts, when an admin puts them beside the public data: the models'
 * negatives otherwise hold a central news account, news titles and newspaper lines, but no local
 * government account's service posts (activity sign-ups, notices with a phone number), which the
 * ad model can mistake for SMS ads. Posts already published by the city's accounts are official
 * voice by definition, so they teach both models what the account's own text looks like, and
 * the thresholds are chosen so that they are flagged no more often than the other official text.
 *
 * Format: `official/local/*.jsonl` in the data folder, one post a line as a JSON object with a
 * `text` string (other fields, such as the account or the date, are ignored). A post may hold
 * line breaks (JSON's \n). Blank lines are skipped; any other line that is not such an object
 * stops the trainer with the file and line named, so that nothing is silently left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCAL_DIR = 'official/local';

/** The local post files in a data folder, sorted (paths relative to the folder); none if the folder has none. */
export function localFiles(dataDir: string): string[] {
  const dir = join(dataDir, LOCAL_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => `${LOCAL_DIR}/${name}`);
}

/** The texts of one local post file, in file order. */
export function readLocalPosts(dataDir: string, file: string): string[] {
  const lines = readFileSync(join(dataDir, file), 'utf8').split('\n');
  const posts: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const where = `${file} 第 ${i + 1} 行`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${where} 不是 JSON：${(e as Error).message}`, { cause: e });
    }
    const text = typeof value === 'object' && value !== null ? (value as { text?: unknown }).text : undefined;
    if (typeof text !== 'string') throw new Error(`${where} 缺少字符串字段 text（每行一个 {"text": "……"}）`);
    if (text.trim() !== '') posts.push(text);
  });
  return posts;
}
