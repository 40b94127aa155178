/** `pack test`: the pack's own cases and every enabled rule's documented examples. */
import { DEFAULT_PACK_DIR } from '../../pack/vite-plugin';
import { EXIT, type CliIO } from '../../io';
import { parse } from '../../pack/args';
import { PackInputError, readPackInput } from '../../pack/input';
import { testPackInput } from '../../pack/run-tests';

export async function test(args: string[], io: CliIO): Promise<number> {
  const { positionals } = parse(args, {}, { min: 0, max: 1, what: '规则包' });
  let input;
  try {
    input = readPackInput(positionals[0] ?? DEFAULT_PACK_DIR, io.cwd);
  } catch (e) {
    if (e instanceof PackInputError) {
      io.stdout.write(`${e.problems.map((p) => `✗ ${p}`).join('\n')}\n`);
      return EXIT.failed;
    }
    throw e;
  }
  const result = testPackInput(input);
  io.stdout.write(`${result.lines.join('\n')}\n`);
  return result.ok ? EXIT.ok : EXIT.failed;
}
