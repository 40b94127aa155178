/**
 * `govpost-guard <command> …`: the same engine as the extension, for admins and batch checks.
 * Each command lives in cli/commands/<name>.ts and returns its exit code.
 */
import type { CliIO } from './io';
import { EXIT, OutputClosed, UsageError } from './io';

export type Command = { run(args: string[], io: CliIO): Promise<number> };

/**
 * Each command's one-line summary, and its module loaded on demand: the help and one command's
 * start never load another's dependencies (the rule engine, the pack compiler).
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: {
    summary: '检查稿件（文本文件、JSON Lines 或标准输入）',
    load: () => import('./commands/check').then((m) => m.default),
  },
  pack: {
    summary: '规则包：生成密钥、构建、测试、签名、验证',
    load: () => import('./commands/pack').then((m) => m.default),
  },
  log: {
    summary: '审计日志：log verify 离线核验导出的 JSON Lines 日志',
    load: () => import('./commands/log').then((m) => m.logCommand),
  },
  collector: {
    summary: '城市审计汇聚服务器：collector serve|enroll|revoke|user|import|devices',
    load: () => import('./commands/collector').then((m) => m.collectorCommand),
  },
};

/** The top-level help, with each command's one-line summary. */
export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(20)} ${c.summary}`);
  return `用法 / Usage:
  govpost-guard <命令> [选项]

命令:
${lines.join('\n')}
  ${'help'.padEnd(20)} 显示本帮助

运行 govpost-guard <命令> --help 查看各命令的选项。`;
}

const processIO: CliIO = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(`${usage()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name]?.load : undefined;
  if (!load) {
    io.stderr.write(`govpost-guard: 未知命令「${name}」\n\n${usage()}\n`);
    return EXIT.usage;
  }
  // A reader that stops early (… | head) closes the pipe: not an error of ours, so stop quietly.
  let outputError: NodeJS.ErrnoException | undefined;
  const onOutputError = (e: NodeJS.ErrnoException) => (outputError = e);
  io.stdout.on('error', onOutputError);
  try {
    return await (await load()).run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`govpost-guard ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    const error = outputError ?? (e as NodeJS.ErrnoException);
    if (e instanceof OutputClosed || error.code === 'EPIPE') {
      if (error.code === 'EPIPE') return EXIT.ok;
      io.stderr.write(`govpost-guard ${name}: 无法写出结果（${error.message}）\n`);
      return EXIT.failed;
    }
    throw e;
  } finally {
    io.stdout.off('error', onOutputError);
  }
}
