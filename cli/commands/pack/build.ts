/** `pack build`: a pack source folder → the built pack JSON, checked exactly as a browser would. */
import { DEFAULT_PACK_DIR } from '../../pack/vite-plugin';
import { inspectPack, REFUSAL_LABELS } from '../../../utils/pack-trust/admit';
import { RULES } from '../../../rules/index';
import { SITE_SCHEMA } from '../../../utils/site-selectors';
import { EXIT, UsageError, type CliIO } from '../../io';
import { parse } from '../../pack/args';
import { json, writeNew } from '../../pack/files';
import { PackInputError, readPackInput } from '../../pack/input';
import { label } from '../../pack/run-tests';

export async function build(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } }, { min: 0, max: 1, what: '源目录' });
  const dir = positionals[0] ?? DEFAULT_PACK_DIR;
  let input;
  try {
    input = readPackInput(dir, io.cwd);
  } catch (e) {
    if (e instanceof PackInputError) return fail(io, e.problems);
    throw e;
  }
  if (input.kind !== 'source') throw new UsageError(`「${dir}」不是规则包源目录（build 的输入是含 pack.yaml 的目录）`);
  const inspection = inspectPack(input.pack, { rules: RULES, sites: SITE_SCHEMA });
  if (!inspection.ok) {
    const { refusal } = inspection;
    return fail(io, [`${REFUSAL_LABELS[refusal.reason]}：${refusal.message}`, ...refusal.details]);
  }
  const { pack, checker } = inspection;
  const text = json(pack);
  if (values.out) writeNew(io.cwd, values.out, text, { force: values.force });
  else io.stdout.write(text);
  const entries = Object.values(pack.dictionaries).reduce((n, d) => n + d.entries.length, 0);
  io.stderr.write(`已构建 ${label(pack)}：启用 ${checker.rules.length} 条规则，${entries} 个词条，${pack.tests.length} 个用例${values.out ? ` → ${values.out}` : ''}\n`);
  return EXIT.ok;
}

function fail(io: CliIO, problems: string[]): number {
  io.stderr.write(`构建失败：\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  return EXIT.failed;
}
