/**
 * `pack verify`: checks a signed pack file exactly as the extension does (pack-trust/admit.ts)
 * and says why it would be refused. Trusts the extension's built-in keys plus `--trust` files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../../../rules/index';
import { admitSignedPack, REFUSAL_LABELS } from '../../../pack-trust/admit';
import { BUILTIN_TRUSTED_KEYS } from '../../../pack-trust/builtin-keys';
import { resolveTrustedKeys, type TrustedKey } from '../../../pack-trust/keys';
import { SITE_SCHEMA } from '../../../adapters/site-schema';
import { EXIT, UsageError, type CliIO } from '../../io';
import { onePositional, parseOptions } from '../../args';
import { label } from '../../pack/run-tests';

export async function verify(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    trust: { type: 'string', short: 't', multiple: true },
    'no-builtin': { type: 'boolean' },
    'newer-than': { type: 'string' },
  });
  const signedFile = onePositional(positionals, '签名规则包文件');
  const trusted: TrustedKey[] = [];
  if (!values['no-builtin']) trusted.push(...(await resolveTrustedKeys(BUILTIN_TRUSTED_KEYS, 'builtin')).keys);
  for (const path of (values.trust as string[] | undefined) ?? []) {
    let entry: unknown;
    try {
      entry = JSON.parse(readFileSync(resolve(io.cwd, path), 'utf8'));
    } catch (e) {
      throw new UsageError(`无法读取公钥「${path}」：${(e as Error).message}`);
    }
    const { keys, problems } = await resolveTrustedKeys(Array.isArray(entry) ? entry : [entry], 'file');
    if (problems.length) throw new UsageError(`公钥「${path}」无效：${problems.join('；')}`);
    trusted.push(...keys);
  }
  const newerThan = values['newer-than'] as string | undefined;
  if (newerThan !== undefined && !/^\d+\.\d+\.\d+$/.test(newerThan))
    throw new UsageError('--newer-than 应为 主版本.次版本.修订号');

  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, signedFile), 'utf8');
  } catch {
    throw new UsageError(`找不到「${signedFile}」`);
  }
  const result = await admitSignedPack(text, {
    rules: RULES,
    sites: SITE_SCHEMA,
    trusted,
    floor: newerThan ? () => newerThan : undefined,
  });
  if (!result.ok) {
    const { refusal } = result;
    const what = refusal.pack ? `${refusal.pack.id} ${refusal.pack.version}` : signedFile;
    io.stdout.write(
      `✗ 拒绝 ${what}：${REFUSAL_LABELS[refusal.reason]}（${refusal.reason}）\n  ${refusal.message}\n${refusal.details.map((d) => `  ${d}\n`).join('')}`,
    );
    return EXIT.failed;
  }
  const keys = result.keyIds.map((id) => {
    const key = trusted.find((k) => k.id === id);
    return `${id}${key?.name ? `（${key.name}）` : ''}`;
  });
  io.stdout.write(
    `✓ 有效：${label(result.pack)}，签发 ${result.pack.issuer}，${result.pack.date}；签名密钥 ${keys.join('、')}；自带用例 ${result.tests} 个全部通过\n`,
  );
  return EXIT.ok;
}
