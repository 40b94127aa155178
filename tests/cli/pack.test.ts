import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/pack/default-pack';
import { loadPackSource } from '../../cli/pack/source';
import { canonicalPackJson } from '../../pack-trust/canonical';
import { readPrivateKey } from '../../pack-trust/keys';
import { signPack, withSignature } from '../../pack-trust/signed-pack';
import { runCli, spawnCli } from './run-cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govpost-pack-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the default pack source to edit. */
function source(edit?: (file: (name: string) => string) => void): string {
  const target = join(dir, 'src');
  cpSync(DEFAULT_PACK_DIR, target, { recursive: true });
  edit?.((name) => join(target, name));
  return 'src';
}

function append(path: string, text: string) {
  writeFileSync(path, readFileSync(path, 'utf8') + text);
}

function setVersion(file: (name: string) => string, version: string) {
  const path = file('pack.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^version: .*$/m, `version: ${version}`));
}

async function keygen(prefix = 'k') {
  const run = await runCli(['pack', 'keygen', '-o', prefix, '--name', '测试'], { cwd: dir });
  expect(run.code).toBe(0);
  return JSON.parse(readFileSync(join(dir, `${prefix}.pub.json`), 'utf8')) as { id: string; publicKey: string };
}

describe('pack keygen', () => {
  it('writes a private key readable only by its owner and a public key, and prints the policy entry', async () => {
    const run = await runCli(['pack', 'keygen', '-o', 'admin', '--name', '网信办'], { cwd: dir });
    expect(run.code).toBe(0);
    const priv = JSON.parse(readFileSync(join(dir, 'admin.key.json'), 'utf8'));
    const pub = JSON.parse(readFileSync(join(dir, 'admin.pub.json'), 'utf8'));
    expect(statSync(join(dir, 'admin.key.json')).mode & 0o777).toBe(0o600);
    expect(pub).not.toHaveProperty('privateKey');
    expect(pub).toMatchObject({ id: priv.id, publicKey: priv.publicKey, name: '网信办' });
    expect(run.stdout).toContain(`"id": "${pub.id}"`);
    expect(run.stdout).toContain(`"publicKey": "${pub.publicKey}"`);
  });

  it('never overwrites an existing key without --force', async () => {
    await keygen('k');
    const before = readFileSync(join(dir, 'k.key.json'), 'utf8');
    const again = await runCli(['pack', 'keygen', '-o', 'k'], { cwd: dir });
    expect(again).toMatchObject({ code: 2 });
    expect(again.stderr).toContain('「k.key.json」已存在');
    expect(readFileSync(join(dir, 'k.key.json'), 'utf8')).toBe(before);
    expect((await runCli(['pack', 'keygen', '-o', 'k', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'k.key.json'), 'utf8')).not.toBe(before);
  });
});

describe('pack build', () => {
  it('builds the source folder into the pack JSON', async () => {
    const run = await runCli(['pack', 'build', source(), '-o', 'out.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/已构建 .*baoding-default.*启用 \d+ 条规则/);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toEqual(loadPackSource(DEFAULT_PACK_DIR));
  });

  it('refuses a pattern that could freeze a browser, saying which and why', async () => {
    const src = source((f) => append(f('rules/no-typo.yaml'), '  - text: 正常\n    expect: []\n'));
    const path = join(dir, src, 'rules/no-typo.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '    entries:\n',
        '    entries:\n      - { pattern: "(ab+)+c", suggestion: x }\n',
      ),
    );
    const run = await runCli(['pack', 'build', src], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('dictionaries.typos.entries[0].pattern: 「+」是无上限的重复，可能让浏览器卡死');
  });

  it('refuses an unknown site selector key and a non-CSS selector', async () => {
    const src = source((f) =>
      writeFileSync(f('sites.yaml'), 'weibo:\n  sendBtn: [button]\n  homeInput: [\'button:has-text("发送")\']\n'),
    );
    const run = await runCli(['pack', 'build', src], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sites.weibo.sendBtn: 适配器 weibo 没有可覆盖的选择器「sendBtn」');
    expect(run.stderr).toContain('sites.weibo.homeInput[0]: 「button:has-text("发送")」不是有效的 CSS 选择器');
  });

  it('carries the 三审 record option from pack.yaml, and refuses it malformed', async () => {
    const on = await runCli(
      ['pack', 'build', source((f) => append(f('pack.yaml'), 'review: { justify: true }\n')), '-o', 'on.json'],
      {
        cwd: dir,
      },
    );
    expect(on.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'on.json'), 'utf8')).review).toEqual({ justify: true });
    rmSync(join(dir, 'src'), { recursive: true });
    const bad = await runCli(['pack', 'build', source((f) => append(f('pack.yaml'), 'review: { justify: 是 }\n'))], {
      cwd: dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/无法读取规则包：\n.*src: review\.justify: 应为 true 或 false/);
  });

  it('reports YAML errors with file and line', async () => {
    const src = source((f) => append(f('pack.yaml'), 'name: [unclosed\n'));
    const run = await runCli(['pack', 'build', src], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/无法读取规则包：\n.*pack\.yaml:\d+:\d+: YAML 语法错误/);
  });

  it('needs a source folder', async () => {
    writeFileSync(join(dir, 'p.json'), '{}');
    expect(await runCli(['pack', 'build', 'p.json'], { cwd: dir })).toMatchObject({ code: 2 });
    expect(await runCli(['pack', 'build', 'missing'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('missing: 无法读取规则包（ENOENT）'),
    });
    expect(await runCli(['pack', 'test', 'missing'], { cwd: dir })).toMatchObject({ code: 2 });
  });
});

describe('pack test', () => {
  it('passes the default pack, counting its cases and rule examples', async () => {
    const run = await runCli(['pack', 'test', source()], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^✓ 保定市政务新媒体默认规则包（baoding-default 1\.0\.0）：自带用例 (\d+)\/\1 通过，规则文档示例 (\d+)\/\2 通过\n$/,
    );
  });

  it('names a failing case by its file and says what went wrong', async () => {
    const src = source((f) =>
      append(f('rules/no-typo.yaml'), '  - text: 这句话里没有错别字。\n    expect: [no-typo]\n'),
    );
    const run = await runCli(['pack', 'test', src], { cwd: dir });
    expect(run.code).toBe(1);
    const own = readFileSync(join(DEFAULT_PACK_DIR, 'rules/no-typo.yaml'), 'utf8')
      .split('\ntests:\n')[1]!
      .match(/^ {2}- /gm)!.length;
    expect(run.stdout).toContain(
      `（rules/no-typo.yaml 第 ${own + 1} 个）「这句话里没有错别字。」：应报出 no-typo 却没有报出`,
    );
  });

  it('runs the rule documentation examples against the pack', async () => {
    // A pack whose typo list no longer has 做为 breaks the rule's documented example.
    const src = source((f) => {
      const path = f('rules/no-typo.yaml');
      writeFileSync(
        path,
        readFileSync(path, 'utf8')
          .replace(/^ +- \{ term: 做为,.*\n/m, '')
          .replace('做为基层干部，', ''),
      );
    });
    const run = await runCli(['pack', 'test', src], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /✗ 规则示例 docs\/rules\/no-typo\.md:\d+「做为基层干部」：错误示例应被规则 no-typo 报出，却没有/,
    );
  });

  it('skips the examples of a rule the pack switches off, and says so', async () => {
    const src = source((f) => {
      const path = f('rules/no-typo.yaml');
      writeFileSync(
        path,
        readFileSync(path, 'utf8')
          .replace('severity: warn', 'severity: off')
          .replace(/tests:[\s\S]*$/, ''),
      );
    });
    const run = await runCli(['pack', 'test', src], { cwd: dir });
    expect(run.stdout).toContain('（no-typo 在本规则包中关闭，跳过其示例）');
    expect(run.code).toBe(0);
  });

  it('tests built and signed packs too', async () => {
    await runCli(['pack', 'build', source(), '-o', 'p.json'], { cwd: dir });
    expect((await runCli(['pack', 'test', 'p.json'], { cwd: dir })).code).toBe(0);
    await keygen();
    await runCli(['pack', 'sign', '-k', 'k.key.json', '-o', 's.json', 'p.json'], { cwd: dir });
    expect((await runCli(['pack', 'test', 's.json'], { cwd: dir })).code).toBe(0);
  });
});

describe('pack sign', () => {
  it('signs a pack that passes, and refuses one that does not', async () => {
    const pub = await keygen();
    const good = await runCli(['pack', 'sign', '--key', 'k.key.json', source()], { cwd: dir });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`密钥 ${pub.id} → baoding-default-1.0.0.signed.json`);
    const file = JSON.parse(readFileSync(join(dir, 'baoding-default-1.0.0.signed.json'), 'utf8'));
    expect(file.signatures).toEqual([expect.objectContaining({ keyId: pub.id, algorithm: 'ed25519' })]);
    expect(canonicalPackJson(file.pack)).toBe(canonicalPackJson(loadPackSource(DEFAULT_PACK_DIR)));

    rmSync(join(dir, 'src'), { recursive: true });
    const bad = source((f) => append(f('rules/no-typo.yaml'), '  - text: 没有错别字。\n    expect: [no-typo]\n'));
    const refused = await runCli(['pack', 'sign', '--key', 'k.key.json', '-o', 'bad.json', bad], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('拒绝签名：规则包未通过测试');
    expect(existsSync(join(dir, 'bad.json'))).toBe(false);
  });

  it('adds a second signature for key rotation without touching the pack', async () => {
    const oldKey = await keygen('old');
    const newKey = await keygen('new');
    await runCli(['pack', 'sign', '-k', 'old.key.json', '-o', 's.json', source()], { cwd: dir });
    const once = readFileSync(join(dir, 's.json'), 'utf8');
    const run = await runCli(['pack', 'sign', '-k', 'new.key.json', '-o', 's.json', 's.json'], { cwd: dir });
    expect(run.code).toBe(0);
    const twice = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(twice.signatures.map((s: { keyId: string }) => s.keyId)).toEqual([oldKey.id, newKey.id]);
    expect(twice.pack).toEqual(JSON.parse(once).pack);
    for (const key of ['old', 'new']) {
      expect(
        (await runCli(['pack', 'verify', '--no-builtin', '--trust', `${key}.pub.json`, 's.json'], { cwd: dir })).code,
      ).toBe(0);
    }
  });

  it('needs a private key, not a public one', async () => {
    await keygen();
    expect(await runCli(['pack', 'sign', source()], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('缺少 --key'),
    });
    const pub = await runCli(['pack', 'sign', '-k', 'k.pub.json', 'src'], { cwd: dir });
    expect(pub).toMatchObject({ code: 2, stderr: expect.stringContaining('公钥文件不能用来签名') });
  });
});

describe('pack verify', () => {
  async function signedFile(name: string, edit?: (file: (n: string) => string) => void) {
    if (existsSync(join(dir, 'src'))) rmSync(join(dir, 'src'), { recursive: true });
    const run = await runCli(['pack', 'sign', '-k', 'k.key.json', '-o', name, source(edit)], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(readFileSync(join(dir, name), 'utf8'));
  }

  it('accepts a file signed by a trusted key, and names pack, issuer and key', async () => {
    const pub = await keygen();
    await signedFile('s.json', (f) => setVersion(f, '1.2.0'));
    const run = await runCli(['pack', 'verify', '--trust', 'k.pub.json', 's.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^✓ 有效：保定市政务新媒体默认规则包（baoding-default 1\\.2\\.0），签发 .+；签名密钥 ${pub.id}（测试）；自带用例 \\d+ 个全部通过\\n$`,
      ),
    );
  });

  it('says exactly why a file is refused', async () => {
    const pub = await keygen();
    const file = await signedFile('s.json', (f) => setVersion(f, '1.2.0'));
    const verify = (...args: string[]) => runCli(['pack', 'verify', ...args], { cwd: dir });

    const unknown = await verify('s.json');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(
      `✗ 拒绝 baoding-default 1.2.0：签名密钥不受信任（unknown-key）\n  签名密钥 ${pub.id} 不受信任`,
    );

    file.pack.rules['no-typo'].severity = 'off';
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(file));
    const tampered = await verify('--trust', 'k.pub.json', 'tampered.json');
    expect(tampered.stdout).toContain('签名无效（bad-signature）');
    expect(tampered.stdout).toContain('文件在签名后被改动过');

    const older = await verify('--trust', 'k.pub.json', '--newer-than', '1.2.0', 's.json');
    expect(older.stdout).toContain('版本不比已启用过的新（not-newer）');

    writeFileSync(join(dir, 'plain.json'), JSON.stringify(file.pack));
    expect((await verify('--trust', 'k.pub.json', 'plain.json')).stdout).toContain('这是未签名的规则包');

    // A failing pack cannot be signed by the CLI; sign one directly, as an attacker could.
    const key = await readPrivateKey(JSON.parse(readFileSync(join(dir, 'k.key.json'), 'utf8')));
    const failing = { ...file.pack, rules: { ...file.pack.rules, 'no-typo': { severity: 'off' } } };
    writeFileSync(join(dir, 'failing.json'), JSON.stringify(withSignature(failing, [], await signPack(failing, key))));
    const failed = await verify('--trust', 'k.pub.json', 'failing.json');
    expect(failed.stdout).toContain('规则包自带用例未通过（tests-failed）');
    expect(failed.stdout).toMatch(/用例 \d+「做为基层干部，要再接再励。」：应报出 no-typo 却没有报出/);
  });

  it('rejects bad arguments as usage errors', async () => {
    await keygen();
    await signedFile('s.json');
    expect((await runCli(['pack', 'verify', '--newer-than', 'v1', 's.json'], { cwd: dir })).code).toBe(2);
    expect(
      (await runCli(['pack', 'verify', '--trust', 'k.key.json', '--trust', 'nope.json', 's.json'], { cwd: dir })).code,
    ).toBe(2);
    expect((await runCli(['pack', 'verify'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['pack', 'frobnicate'], { cwd: dir })).stderr).toContain('未知的子命令「frobnicate」');
  });
});

describe('check --pack with a signed file', () => {
  it('checks drafts with the pack inside the signed file', async () => {
    await keygen();
    const src = source((f) => append(f('rules/no-typo.yaml'), ''));
    const path = join(dir, src, 'rules/no-typo.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('    entries:\n', '    entries:\n      - 签名包专用词 → 规范词\n'),
    );
    expect((await runCli(['pack', 'sign', '-k', 'k.key.json', '-o', 's.json', src], { cwd: dir })).code).toBe(0);
    const run = await runCli(['check', '--pack', 's.json', '--format', 'json', '-'], {
      cwd: dir,
      stdin: '这里有签名包专用词。',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([
      expect.objectContaining({ ruleId: 'no-typo', excerpt: '签名包专用词' }),
    ]);
  });
});

describe('the installed command', () => {
  it('runs pack subcommands as a real process with the documented exit codes', async () => {
    const key = await spawnCli(['pack', 'keygen', '-o', 'k'], { cwd: dir });
    expect(key.code).toBe(0);
    const signedRun = await spawnCli(['pack', 'sign', '-k', 'k.key.json', '-o', 's.json', DEFAULT_PACK_DIR], {
      cwd: dir,
    });
    expect(signedRun.code).toBe(0);
    const ok = await spawnCli(['pack', 'verify', '--trust', 'k.pub.json', 's.json'], { cwd: dir });
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringContaining('✓ 有效') });
    const refused = await spawnCli(['pack', 'verify', 's.json'], { cwd: dir });
    expect(refused).toMatchObject({ code: 1, stdout: expect.stringContaining('unknown-key') });
  }, 60_000);
});
