/**
 * `govpost-guard <command> …`: the same engine as the extension, for admins and batch checks.
 * Each command lives in cli/commands/<name>.ts and returns its exit code.
 */
import type { CliIO } from './io';
import { EXIT, UsageError } from './io';

type Command = { summary: string; run(args: string[], io: CliIO): Promise<number> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  log: () => import('./commands/log').then((m) => m.logCommand),
};

export const USAGE = `用法 / Usage:
  govpost-guard <命令> [选项]

命令:
${Object.keys(COMMANDS).map((c) => `  ${c}`).join('\n')}
  help                 显示本帮助

运行 govpost-guard <命令> --help 查看各命令的选项。`;

const processIO: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr.write(`govpost-guard: 未知命令「${name}」\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    return await (await load()).run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`govpost-guard ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
