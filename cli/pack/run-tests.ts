/**
 * `pack test` and `pack sign` share this: inspect the pack, run its own cases and every enabled
 * rule's documented examples, and describe each failure on one line.
 */
import { RULES } from '../../rules/index';
import type { Pack } from '../../rules/engine/pack';
import { runPackTests } from '../../rules/engine/pack-tests';
import { describeTestFailure, inspectPack, REFUSAL_LABELS, type Inspected } from '../../pack-trust/admit';
import { SITE_SCHEMA } from '../../adapters/site-schema';
import type { PackInput } from './load';
import { readRuleExamples, runRuleExamples } from './rule-examples';

export interface PackTestResult {
  ok: boolean;
  /** Human-readable lines, failures first, then a summary. */
  lines: string[];
  inspected?: Inspected;
}

export function testPackInput(input: PackInput): PackTestResult {
  const inspection = inspectPack(input.pack, { rules: RULES, sites: SITE_SCHEMA });
  if (!inspection.ok) {
    const { refusal } = inspection;
    return {
      ok: false,
      lines: [`✗ ${REFUSAL_LABELS[refusal.reason]}：${refusal.message}`, ...refusal.details.map((d) => `  ${d}`)],
    };
  }
  const { pack, checker } = inspection;
  const lines: string[] = [];
  const own = runPackTests(checker, pack);
  const origins = input.kind === 'source' ? input.testOrigins : [];
  for (const f of own.failures) lines.push(`✗ ${describeTestFailure(f, origins[f.index])}`);

  const enabled = Object.keys(pack.rules).filter((id) => RULES.some((r) => r.meta.id === id));
  const { examples, problems } = readRuleExamples(enabled);
  for (const p of problems) lines.push(`✗ ${p}`);
  const examplesRun = runRuleExamples(checker, pack, examples);
  for (const f of examplesRun.failures) lines.push(`✗ 规则示例 ${f}`);

  const ok = own.failures.length === 0 && problems.length === 0 && examplesRun.failures.length === 0;
  lines.push(
    `${ok ? '✓' : '✗'} ${label(pack)}：自带用例 ${own.passed}/${pack.tests.length} 通过，规则文档示例 ${examplesRun.passed}/${examplesRun.passed + examplesRun.failures.length} 通过` +
      (examplesRun.skipped.length ? `（${examplesRun.skipped.join('、')} 在本规则包中关闭，跳过其示例）` : ''),
  );
  return { ok, lines, inspected: inspection };
}

export function label(pack: Pick<Pack, 'id' | 'version' | 'name'>): string {
  return `${pack.name}（${pack.id} ${pack.version}）`;
}
