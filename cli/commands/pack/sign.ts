/**
 * `pack sign`: tests the pack and, only when everything passes, signs it. Given a signed file it
 * adds a signature (key rotation: one file trusted by old and new keys), leaving the pack untouched.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPrivateKey } from '../../../pack-trust/keys';
import { signPack, withSignature } from '../../../pack-trust/signed-pack';
import { EXIT, UsageError, type CliIO } from '../../io';
import { onePositional, parseOptions } from '../../args';
import { json, writeNew } from '../../pack/files';
import { readPackInput } from '../../pack/load';
import { label, testPackInput } from '../../pack/run-tests';

export async function sign(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    key: { type: 'string', short: 'k' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  const source = onePositional(positionals, '要签名的规则包（源目录、pack.json 或签名文件）');
  const keyPath = values.key as string | undefined;
  if (!keyPath) throw new UsageError('缺少 --key 私钥文件');
  let key;
  try {
    key = await readPrivateKey(JSON.parse(readFileSync(resolve(io.cwd, keyPath), 'utf8')));
  } catch (e) {
    throw new UsageError(`无法使用私钥「${keyPath}」：${(e as Error).message}`);
  }
  const input = readPackInput(source, io.cwd);
  const result = testPackInput(input);
  if (!result.ok || !result.inspected) {
    io.stderr.write(`${result.lines.join('\n')}\n拒绝签名：规则包未通过测试。\n`);
    return EXIT.failed;
  }
  const { pack } = result.inspected;
  // A signed file keeps its pack exactly as it was, so earlier signatures stay valid.
  const signedPack = input.kind === 'signed' ? input.pack : pack;
  const previous = input.kind === 'signed' ? input.file.signatures : [];
  const file = withSignature(signedPack, previous, await signPack(signedPack, key));
  const out = (values.out as string | undefined) ?? `${pack.id}-${pack.version}.signed.json`;
  const overwritingInput = resolve(io.cwd, out) === resolve(io.cwd, source);
  writeNew(io.cwd, out, json(file), { force: values.force === true || overwritingInput });
  io.stdout.write(
    `${result.lines.at(-1)}\n已签名 ${label(pack)}，密钥 ${key.id}${file.signatures.length > 1 ? `（共 ${file.signatures.length} 个签名：${file.signatures.map((s) => s.keyId).join('、')}）` : ''} → ${out}\n`,
  );
  return EXIT.ok;
}
