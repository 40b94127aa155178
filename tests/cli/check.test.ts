import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { loadPackSource } from '../../cli/pack/source';
import { DEFAULT_PACK_DIR } from '../../cli/pack/default-pack';
import { runCli } from './run-cli';

const ID = '11010519491231002X';
let dir: string;
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const jsonl = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govpost-check-'));
});

describe('check --format text', () => {
  it('reports each finding with place, severity, rule, excerpt in context, message, suggestion and basis', async () => {
    const name = file('notice.txt', `关于寻找失主的通知\r\n失主身份证号${ID}，请联系。\n做为基层干部，要再接再励。\n`);
    const { code, stdout, stderr } = await runCli(['check', name], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('notice.txt — 拦截（block）：3 处问题');
    expect(stdout).toContain('  正文 2:7  拦截  no-id-number');
    expect(stdout).toContain(`    失主身份证号【${ID}】，请联系。`);
    expect(stdout).toContain(`「${ID}」是校验有效的居民身份证号码`);
    expect(stdout).toContain('建议改为：1101**********002X');
    expect(stdout).toContain('依据：《个人信息保护法》第二十八条');
    expect(stdout).toContain('  正文 3:1  提示  no-typo');
    expect(stdout).toContain('  正文 3:9  提示  no-typo');
    expect(stdout).toContain('做为基层干部，要【再接再励】。');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      '共检查 1 个文件：拦截 1，需说明理由 0，提示 0，通过 0；问题 3 处',
    );
  });

  it('cuts long context with an ellipsis and shows invisible characters', async () => {
    const name = file('long.txt', `${'市'.repeat(30)}做\u200b为${'区'.repeat(30)}`);
    const { stdout } = await runCli(['check', name], { cwd: dir });
    expect(stdout).toContain(`…${'市'.repeat(20)}【做⟨U+200B⟩为】${'区'.repeat(20)}…`);
    expect(stdout).toContain('正文 1:31');
  });

  it('counts columns in characters, so an emoji before a finding is one column', async () => {
    const name = file('emoji.txt', '🎉做为代表');
    expect((await runCli(['check', name], { cwd: dir })).stdout).toContain('正文 1:2 ');
  });

  it('says when a file passes and sums up several files', async () => {
    const a = file('a.txt', '全市上下一鼓作气，奋力完成全年目标任务。');
    const b = file('b.txt', '做为窗口单位，要热情服务。');
    const { code, stdout } = await runCli(['check', a, b], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('a.txt — 通过（pass）：没有发现问题');
    expect(stdout).toContain('b.txt — 提示（warn）：1 处问题');
    expect(stdout).toContain('共检查 2 个文件：拦截 0，需说明理由 0，提示 1，通过 1；问题 1 处');
  });

  it('colours only a terminal, and never with NO_COLOR', async () => {
    const name = file('colour.txt', '做为代表');
    expect((await runCli(['check', name], { cwd: dir, tty: true })).stdout).toContain('\x1b[');
    expect((await runCli(['check', name], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      '\x1b[',
    );
    expect((await runCli(['check', name], { cwd: dir, tty: false })).stdout).not.toContain('\x1b[');
  });

  it('reads standard input for -', async () => {
    const { code, stdout } = await runCli(['check', '-'], { stdin: '做为代表' });
    expect(code).toBe(0);
    expect(stdout).toContain('标准输入 — 提示（warn）');
  });

  it('reports an unreadable file, checks the others and exits 2', async () => {
    const ok = file('ok.txt', '做为代表');
    const { code, stdout, stderr } = await runCli(['check', 'missing.txt', ok], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('missing.txt: 无法读取（文件不存在）\n');
    expect(stdout).toContain('ok.txt — 提示（warn）');
    expect(stdout).toContain('无法检查 1 个文件');
  });
});

describe('check --format json', () => {
  it('gives one report per file whose ranges name the excerpt', async () => {
    const text = `请失主（身份证${ID}）联系。`;
    const name = file('one.txt', `\uFEFF${text}`);
    const { code, stdout } = await runCli(['check', '--format', 'json', name], { cwd: dir });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ file: 'one.txt', verdict: 'block', errors: [], pack: { id: 'baoding-default' } });
    expect(report.findings).toHaveLength(1);
    const [f] = report.findings;
    expect(f).toMatchObject({ ruleId: 'no-id-number', field: 'body', excerpt: ID });
    expect(text.slice(f.range[0], f.range[1])).toBe(ID);
    expect(stdout).toContain(`"range": [${f.range[0]}, ${f.range[1]}]`);
  });

  it('gives an array for several files, with an error entry for an unreadable one', async () => {
    const a = file('j1.txt', '做为代表');
    const { code, stdout } = await runCli(['check', '--format=json', a, 'nope.txt'], { cwd: dir });
    expect(code).toBe(2);
    const reports = JSON.parse(stdout);
    expect(reports.map((r: { file: string }) => r.file)).toEqual(['j1.txt', 'nope.txt']);
    expect(reports[0].verdict).toBe('warn');
    expect(reports[1].error).toContain('无法读取');
  });

  it('takes --platform and --kind for the drafts and rejects values that are not in the contract', async () => {
    const a = file('j2.txt', '做为代表');
    expect(
      (await runCli(['check', '--format', 'json', '--platform', 'wechat', '--kind', 'article', a], { cwd: dir })).code,
    ).toBe(0);
    const bad = await runCli(['check', '--platform', 'douyin', a], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--platform 的取值「douyin」无效，应为 weibo、wechat 之一');
  });
});

describe('check --format jsonl', () => {
  it('writes one result per draft, in order, skipping blank lines', async () => {
    const input = jsonl(
      { id: 'a', platform: 'weibo', kind: 'post', body: '做为代表' },
      '',
      '   ',
      {
        id: 2,
        platform: 'wechat',
        kind: 'article',
        title: `寻找${ID}的家属`,
        body: '请知情者联系。',
        extra: 'ignored',
      },
      {
        platform: 'weibo',
        kind: 'repost',
        body: '转发。',
        quoted: { text: '全市上下一鼓作气。' },
        links: [{ href: 'https://www.gov.cn/' }],
      },
    );
    const { code, stdout, stderr } = await runCli(['check', '--format', 'jsonl', '-'], { stdin: `${input}\n` });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ id: 'a', verdict: 'warn', findings: [{ ruleId: 'no-typo', excerpt: '做为' }] });
    expect(out[1]).toMatchObject({ id: 2, verdict: 'block', findings: [{ field: 'title', excerpt: ID }] });
    expect(out[2]).toEqual({ verdict: 'pass', findings: [] });
    expect(Object.keys(out[0])).toEqual(['id', 'verdict', 'findings']);
  });

  it('answers a bad line with an error line in its place, names file and line on stderr, and exits 2', async () => {
    const name = file(
      'batch.jsonl',
      jsonl(
        { id: 1, platform: 'weibo', kind: 'post', body: '做为代表' },
        '{"id": 2, "platform": "weibo",',
        { id: 3, platform: 'weibo', kind: 'post' },
        { id: 4, platform: 'weibo', kind: 'post', body: 42 },
        { id: 5, platform: 'weibo', kind: 'tweet', body: '好' },
        { id: 6, platform: 'weibo', kind: 'post', body: '好', links: 'https://x.cn' },
        { id: { n: 7 }, platform: 'weibo', kind: 'post', body: '好' },
        '[1, 2]',
        { id: 9, platform: 'weibo', kind: 'post', body: '既使如此' },
      ),
    );
    const { code, stdout, stderr } = await runCli(['check', '--format', 'jsonl', name], { cwd: dir });
    expect(code).toBe(2);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([1, undefined, 3, 4, 5, 6, undefined, undefined, 9]);
    expect(out[0].verdict).toBe('warn');
    expect(out[8].verdict).toBe('warn');
    expect(out[1].error).toMatch(/^不是有效的 JSON/);
    expect(out[2].error).toBe('缺少 body（稿件正文，应为文字）');
    expect(out[3].error).toBe('body 应为文字，实际为 数字');
    expect(out[4].error).toContain('kind 的值 "tweet" 无效');
    expect(out[5].error).toBe('links 应为数组，实际为 文字');
    expect(out[6].error).toBe('id 应为文字或数字，实际为 对象');
    expect(out[7].error).toBe('应为一个 JSON 对象（稿件），实际为 数组');
    // Each error line says which input line it answers, so a script can find it without stderr.
    expect(out.map((o) => o.line)).toEqual([undefined, 2, 3, 4, 5, 6, 7, 8, undefined]);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^batch\.jsonl:2: 不是有效的 JSON/);
    expect(lines[1]).toBe('batch.jsonl:3: 缺少 body（稿件正文，应为文字）');
    expect(lines[6]).toBe('batch.jsonl:8: 应为一个 JSON 对象（稿件），实际为 数组');
  });

  it('names the nested field that is wrong', async () => {
    const base = { platform: 'weibo', kind: 'repost', body: '转发' };
    const input = jsonl(
      { ...base, quoted: { author: '某网友' } },
      { ...base, account: { id: '42' } },
      { ...base, links: [{ href: 'https://www.gov.cn/' }, { text: '点此' }] },
      { ...base, source: { name: 7 } },
      { ...base, original: 'yes' },
      {
        ...base,
        account: { name: '保定发布', id: '1' },
        quoted: { text: '原文', author: '新华社' },
        source: { url: 'https://www.news.cn/' },
        original: false,
      },
    );
    const { stdout } = await runCli(['check', '--format', 'jsonl', '-'], { stdin: input });
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).error ?? JSON.parse(l).verdict),
    ).toEqual([
      'quoted.text 缺失（被转发或回复的原文，应为文字）',
      'account.name 缺失（账号名称，应为文字）',
      'links[1].href 缺失（链接地址，应为文字）',
      'source.name 应为文字，实际为 数字',
      'original 应为 true 或 false，实际为 文字',
      'pass',
    ]);
  });

  it('checks thousands of drafts in one run', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => ({
      id: i,
      platform: 'weibo',
      kind: 'post',
      body: i % 3 ? '全市上下一鼓作气。' : '做为代表',
    }));
    const { code, stdout } = await runCli(['check', '--format', 'jsonl'], { stdin: jsonl(...lines) });
    expect(code).toBe(0);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(lines.map((l) => l.id));
    expect(out.filter((o) => o.verdict === 'warn')).toHaveLength(1000);
  });

  it('stops quietly when the reader goes away (… | head)', async () => {
    let written = '';
    const stdout = new Writable({
      write(chunk, _enc, done) {
        if (written) return done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        written += chunk;
        done();
      },
    });
    const lines = Array.from({ length: 50 }, (_, i) => ({ id: i, platform: 'weibo', kind: 'post', body: '做为代表' }));
    const stderr = new Writable({ write: (_c, _e, done) => done() });
    const code = await main(['check', '--format', 'jsonl'], {
      stdin: Readable.from([jsonl(...lines)]),
      stdout,
      stderr,
      cwd: dir,
      env: {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(written).id).toBe(0);
  });

  it('rejects --platform and --kind, which each line carries itself', async () => {
    const { code, stderr } = await runCli(['check', '--format', 'jsonl', '--platform', 'weibo', '-'], { stdin: '' });
    expect(code).toBe(2);
    expect(stderr).toContain('--platform 和 --kind 只用于 text/json 格式');
  });
});

describe('check --pack', () => {
  it('takes a built pack JSON file', async () => {
    const pack = loadPackSource(DEFAULT_PACK_DIR);
    const built = file(
      'pack.json',
      JSON.stringify({ ...pack, rules: { ...pack.rules, 'no-typo': { severity: 'justify' } } }),
    );
    const draft = file('p1.txt', '做为代表');
    const { code, stdout } = await runCli(['check', '--pack', built, '--format', 'json', draft], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'justify', findings: [{ severity: 'justify' }] });
  });

  it('takes a pack source folder', async () => {
    const draft = file('p2.txt', '做为代表');
    const { code, stdout } = await runCli(['check', '--pack', DEFAULT_PACK_DIR, draft], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('提示（warn）');
  });

  it('refuses a pack that is not JSON, not a pack, missing, or names an unknown rule, with exit 2', async () => {
    const pack = loadPackSource(DEFAULT_PACK_DIR);
    const cases: [string, string][] = [
      [file('broken.json', '{"format": 1,'), '不是有效的 JSON'],
      [file('shape.json', JSON.stringify({ ...pack, version: 'one' })), 'version: 应为 主版本.次版本.修订号'],
      ['absent.json', '无法读取规则包（ENOENT）'],
      [
        file(
          'unknown.json',
          JSON.stringify({ ...pack, rules: { ...pack.rules, 'no-such-rule': { severity: 'warn' } } }),
        ),
        'rules.no-such-rule: 没有这条规则',
      ],
    ];
    for (const [path, message] of cases) {
      const { code, stdout, stderr } = await runCli(['check', '--pack', path, '-'], { cwd: dir, stdin: '好' });
      expect(code, path).toBe(2);
      expect(stdout, path).toBe('');
      expect(stderr, path).toContain('规则包无法使用');
      expect(stderr, path).toContain(message);
    }
  });
});

describe('usage', () => {
  it('prints the help of check and exits 0', async () => {
    const { code, stdout } = await runCli(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('govpost-guard check [--pack 路径] [--format text|json|jsonl]');
  });

  it('lists check in the top-level help', async () => {
    const { code, stdout } = await runCli(['help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/check\s+检查稿件/);
  });

  it('exits 2 with a clear message on an unknown option, a missing value, or stdin twice', async () => {
    const cases: [string[], string][] = [
      [['check', '--frob', 'a.txt'], '未知选项 --frob'],
      [['check', '--pack'], '选项 --pack 需要一个值'],
      [['check', '--format', 'xml', 'a.txt'], '--format 的取值「xml」无效'],
      [['check', '-', '-'], '标准输入（-）只能读取一次'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toContain(message);
    }
  });

  it('exits 2 on an unknown command', async () => {
    const { code, stderr } = await runCli(['chekc']);
    expect(code).toBe(2);
    expect(stderr).toContain('未知命令「chekc」');
  });
});

describe('check for scripts', () => {
  const AD = '本店特价促销，全网最低价！加微信购买。';

  it('--fail-on sets exit 3 when a draft reaches the verdict, and 0 when none does', async () => {
    const warn = file('gate-warn.txt', '做为代表');
    const block = file('gate-block.txt', `失主身份证号${ID}，请联系。`);
    const run = async (...args: string[]) => (await runCli(['check', ...args], { cwd: dir })).code;
    expect(await run('--fail-on', 'block', warn)).toBe(0);
    expect(await run('--fail-on', 'warn', warn)).toBe(3);
    expect(await run('--fail-on', 'justify', warn)).toBe(0);
    expect(await run('--fail-on', 'block', warn, block)).toBe(3);
    expect(await run('--fail-on', 'justify', '--format', 'json', block)).toBe(3);
    expect(await run(warn, block)).toBe(0);
    const bad = await runCli(['check', '--fail-on', 'pass', warn], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on 的取值「pass」无效');
  });

  it('--fail-on over JSON Lines: one blocked line fails the run; a bad line still wins with 2', async () => {
    const lines = [
      { id: 1, platform: 'weibo', kind: 'post', body: '全市上下一鼓作气。' },
      { id: 2, platform: 'weibo', kind: 'post', body: `身份证${ID}` },
    ];
    const gate = await runCli(['check', '--format', 'jsonl', '--fail-on', 'block'], { stdin: jsonl(...lines) });
    expect(gate.code).toBe(3);
    expect(gate.stdout.trimEnd().split('\n')).toHaveLength(2);
    const both = await runCli(['check', '--format', 'jsonl', '--fail-on', 'block'], {
      stdin: jsonl(...lines, 'oops'),
    });
    expect(both.code).toBe(2);
  });

  it('treats empty input as an error, never as a pass', async () => {
    const empty = file('empty.txt', '');
    const blank = file('blank.txt', ' \n\t\n');
    for (const name of [empty, blank]) {
      const { code, stdout, stderr } = await runCli(['check', name], { cwd: dir });
      expect(code, name).toBe(2);
      expect(stderr, name).toBe(`${name}: 输入为空：没有可检查的文字\n`);
      expect(stdout, name).not.toContain('通过（pass）');
    }
    const json = await runCli(['check', '--format', 'json', empty], { cwd: dir });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ file: empty, error: `${empty}: 输入为空：没有可检查的文字` });

    const stdin = await runCli(['check', '--format', 'jsonl', '-'], { stdin: '\n\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stdout).toBe('');
    expect(stdin.stderr).toContain('标准输入: 输入为空');

    const noText = await runCli(['check', '--format', 'jsonl', '-'], {
      stdin: jsonl({ id: 'x', platform: 'weibo', kind: 'post', body: '  ' }),
    });
    expect(noText.code).toBe(2);
    expect(JSON.parse(noText.stdout)).toEqual({ id: 'x', line: 1, error: '输入为空：没有可检查的文字' });
  });

  it('names the file of a bad line when several JSON Lines files are checked', async () => {
    const a = file('multi-a.jsonl', jsonl({ id: 1, platform: 'weibo', kind: 'post', body: '好' }));
    const b = file('multi-b.jsonl', jsonl({ id: 2, platform: 'weibo', kind: 'post', body: '好' }, 'nope'));
    const { code, stdout } = await runCli(['check', '--format', 'jsonl', a, b], { cwd: dir });
    expect(code).toBe(2);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[2]).toMatchObject({ file: b, line: 2 });
  });

  it('caps the findings listed per draft, most severe first, and says how many more there are', async () => {
    const typos = '做为代表，再接再励，既使如此，一股作气，按步就班，'.repeat(3);
    const name = file('many.txt', `${typos}身份证${ID}`);
    const capped = await runCli(['check', name], { cwd: dir });
    const listed = capped.stdout.split('\n').filter((l) => /^ {2}正文 \d+:\d+/.test(l));
    expect(listed).toHaveLength(10);
    expect(listed[0]).toContain('拦截  no-id-number');
    const total = Number(/：(\d+) 处问题/.exec(capped.stdout)![1]);
    expect(total).toBeGreaterThan(10);
    expect(capped.stdout).toContain(`  … 另有 ${total - 10} 条`);
    const all = await runCli(['check', '--max-findings', '0', name], { cwd: dir });
    expect(all.stdout.split('\n').filter((l) => /^ {2}正文 \d+:\d+/.test(l))).toHaveLength(total);
    expect(all.stdout).not.toContain('另有');
    const three = await runCli(['check', '--max-findings', '3', name], { cwd: dir });
    expect(three.stdout).toContain(`另有 ${total - 3} 条`);
    const bad = await runCli(['check', '--max-findings', 'ten', name], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-findings 的取值「ten」无效');
  });

  it('never doubles the brackets of a text that already has them', async () => {
    const name = file('brackets.txt', `【限时抢购】${AD}`);
    const { stdout } = await runCli(['check', '--max-findings', '0', name], { cwd: dir });
    expect(stdout).not.toMatch(/【【|】】/);
    expect(stdout).toMatch(/〖[^〗]+〗/);
  });

  it('documents signed packs for --pack and every exit code in --help', async () => {
    const { stdout } = await runCli(['check', '--help']);
    expect(stdout).toContain('签名规则包文件');
    expect(stdout).toContain('--fail-on');
    for (const code of ['0 ', '1 ', '2 ', '3 ']) expect(stdout).toContain(`\n  ${code}`);
  });
});
