/** `pack test`: the pack's own cases and every enabled rule's documented examples. */
import { EXIT, type CliIO } from '../../io';
import { expectPositionals, parseOptions } from '../../args';
import { readPackInput } from '../../pack/load';
import { testPackInput } from '../../pack/run-tests';

export async function test(args: string[], io: CliIO): Promise<number> {
  const { positionals } = parseOptions(args, {});
  expectPositionals(positionals, 0, 1, '规则包');
  const result = testPackInput(readPackInput(positionals[0], io.cwd));
  io.stdout.write(`${result.lines.join('\n')}\n`);
  return result.ok ? EXIT.ok : EXIT.failed;
}
