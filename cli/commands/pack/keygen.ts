/** `pack keygen`: a new Ed25519 key pair — PREFIX.key.json (private, 0600) and PREFIX.pub.json. */
import { chmodSync } from 'node:fs';
import { generateKeyPair } from '../../../pack-trust/keys';
import { EXIT, type CliIO } from '../../io';
import { expectPositionals, parseOptions } from '../../args';
import { json, writeNew } from '../../pack/files';

export async function keygen(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string', short: 'o' },
    name: { type: 'string' },
    force: { type: 'boolean' },
  });
  expectPositionals(positionals, 0, 0, '');
  const prefix = (values.out as string | undefined) ?? 'govpost-pack-key';
  const name = values.name as string | undefined;
  const force = values.force === true;
  const { privateFile, publicFile } = await generateKeyPair(name);
  const privatePath = writeNew(io.cwd, `${prefix}.key.json`, json(privateFile), { force, mode: 0o600 });
  // The mode given to writeFile is filtered by the umask; set it explicitly.
  chmodSync(privatePath, 0o600);
  writeNew(io.cwd, `${prefix}.pub.json`, json(publicFile), { force });
  io.stdout.write(
    `已生成签名密钥 ${publicFile.id}${name ? `（${name}）` : ''}\n` +
      `  私钥：${prefix}.key.json（仅本人可读；妥善保管，不要提交到代码库或发给他人）\n` +
      `  公钥：${prefix}.pub.json\n\n` +
      `在浏览器策略中信任此密钥（trustedKeys）：\n${JSON.stringify([{ id: publicFile.id, publicKey: publicFile.publicKey }], null, 2)}\n`,
  );
  return EXIT.ok;
}
