/** The installed command for real: a Node process, its exit code, its standard streams. */
import { describe, expect, it } from 'vitest';
import { spawnCli } from './run-cli';

describe('bin/govpost-guard.js', () => {
  it('streams JSON Lines from stdin and exits 2 after a bad line, keeping the order', async () => {
    const input = [
      JSON.stringify({ id: 'a', platform: 'weibo', kind: 'post', body: '做为代表' }),
      'not json',
      JSON.stringify({ id: 'c', platform: 'wechat', kind: 'article', body: '全市上下一鼓作气。' }),
    ].join('\n');
    const { code, stdout, stderr } = await spawnCli(['check', '--format', 'jsonl', '-'], { stdin: input });
    expect(code).toBe(2);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.verdict ?? 'error')).toEqual(['warn', 'error', 'pass']);
    expect(stderr).toMatch(/^标准输入:2: 不是有效的 JSON/);
  }, 60_000);

  it('exits 0 on a checked file whatever the verdict, and 2 on a missing one', async () => {
    const ok = await spawnCli(['check', 'packs/default/pack.yaml']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('packs/default/pack.yaml — ');
    const missing = await spawnCli(['check', 'no/such/file.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/file.txt: 无法读取（文件不存在）');
  }, 60_000);
});
