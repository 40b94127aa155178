/**
 * `govpost-guard pack <keygen|build|test|sign|verify>`: what an admin needs to write, test, sign
 * and check a rule pack before pushing it to browsers (docs/packs.md).
 */
import { EXIT, UsageError, type CliIO } from '../io';
import { PackLoadError } from '../pack/load';

type Subcommand = (args: string[], io: CliIO) => Promise<number>;

const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  keygen: () => import('./pack/keygen').then((m) => m.keygen),
  build: () => import('./pack/build').then((m) => m.build),
  test: () => import('./pack/test').then((m) => m.test),
  sign: () => import('./pack/sign').then((m) => m.sign),
  verify: () => import('./pack/verify').then((m) => m.verify),
};

export const PACK_USAGE = `用法 / Usage:
  govpost-guard pack keygen [-o 文件名前缀] [--name 名称]      生成签名密钥对（私钥文件权限 0600）
  govpost-guard pack build [源目录] [-o pack.json]             由源目录构建规则包 JSON
  govpost-guard pack test [源目录|pack.json|签名文件]          运行自带用例和各规则文档中的示例
  govpost-guard pack sign --key 私钥.json [-o 输出] 输入       测试通过后签名（可对已签名文件追加签名）
  govpost-guard pack verify [--trust 公钥.json]... [--no-builtin] [--newer-than 版本] 签名文件
                                                             按扩展的标准检查签名规则包，说明拒绝原因
退出码：0 成功；1 测试未通过或规则包被拒绝；2 用法或输入错误。`;

export default {
  async run(args: string[], io: CliIO): Promise<number> {
    const [name, ...rest] = args;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(`${PACK_USAGE}\n`);
      return name ? EXIT.ok : EXIT.usage;
    }
    const load = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (!load)
      throw new UsageError(`未知的子命令「${name}」（可用：${Object.keys(SUBCOMMANDS).join('、')}）\n\n${PACK_USAGE}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${PACK_USAGE}\n`);
      return EXIT.ok;
    }
    try {
      return await (
        await load()
      )(rest, io);
    } catch (e) {
      // A pack that cannot be read (missing, not JSON, YAML errors) is bad input, like a bad option.
      if (e instanceof PackLoadError)
        throw new UsageError(`无法读取规则包：\n${e.problems.map((p) => `  ${p}`).join('\n')}`);
      throw e;
    }
  },
};
