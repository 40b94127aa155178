/** `pack build`: a pack source folder → the built pack JSON, checked exactly as a browser would. */
import { DEFAULT_PACK_DIR } from '../../pack/default-pack';
import { inspectPack, REFUSAL_LABELS } from '../../../pack-trust/admit';
import { RULES } from '../../../rules/index';
import { SITE_SCHEMA } from '../../../adapters/site-schema';
import { EXIT, UsageError, type CliIO } from '../../io';
import { expectPositionals, parseOptions } from '../../args';
import { json, writeNew } from '../../pack/files';
import { readPackInput } from '../../pack/load';
import { label } from '../../pack/run-tests';

export async function build(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  expectPositionals(positionals, 0, 1, '源目录');
  const out = values.out as string | undefined;
  const dir = positionals[0] ?? DEFAULT_PACK_DIR;
  const input = readPackInput(dir, io.cwd);
  if (input.kind !== 'source') throw new UsageError(`「${dir}」不是规则包源目录（build 的输入是含 pack.yaml 的目录）`);
  const inspection = inspectPack(input.pack, { rules: RULES, sites: SITE_SCHEMA });
  if (!inspection.ok) {
    const { refusal } = inspection;
    io.stderr.write(
      `构建失败：${REFUSAL_LABELS[refusal.reason]}：${refusal.message}\n${refusal.details.map((p) => `  ${p}\n`).join('')}`,
    );
    return EXIT.failed;
  }
  const { pack, checker } = inspection;
  const text = json(pack);
  if (out) writeNew(io.cwd, out, text, { force: values.force === true });
  else io.stdout.write(text);
  const entries = Object.values(pack.dictionaries).reduce((n, d) => n + d.entries.length, 0);
  io.stderr.write(
    `已构建 ${label(pack)}：启用 ${checker.rules.length} 条规则，${entries} 个词条，${pack.tests.length} 个用例${out ? ` → ${out}` : ''}\n`,
  );
  return EXIT.ok;
}
