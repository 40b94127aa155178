/**
 * A pack's own test cases (text → expected rule ids), run against the compiled pack. A pack whose
 * cases fail is never signed and never activated, so this runs in the CLI and in the extension.
 */
import type { Checker } from './checker';
import type { Pack, PackTest } from './pack';
import { isShown, type Draft } from './types';

export interface PackTestFailure {
  index: number;
  test: PackTest;
  /** Rule ids that were expected and did not fire. */
  missing: string[];
  /** Rule ids that fired and were not expected. */
  unexpected: string[];
  /** Rule errors during the check. */
  errors: string[];
}

export function packTestDraft(test: PackTest): Draft {
  return { platform: 'weibo', kind: 'post', ...test.draft, body: test.draft?.body ?? test.text ?? '' };
}

export function runPackTests(
  checker: Checker,
  pack: Pick<Pack, 'tests'>,
): { passed: number; failures: PackTestFailure[] } {
  const failures: PackTestFailure[] = [];
  pack.tests.forEach((test, index) => {
    const report = checker.check(packTestDraft(test));
    const fired = new Set(report.findings.filter(isShown).map((f) => f.ruleId));
    const expected = new Set(test.expect);
    const missing = [...expected].filter((id) => !fired.has(id));
    const unexpected = [...fired].filter((id) => !expected.has(id));
    const errors = report.errors.map((e) => `${e.ruleId}: ${e.message}`);
    if (missing.length || unexpected.length || errors.length)
      failures.push({ index, test, missing, unexpected, errors });
  });
  return { passed: pack.tests.length - failures.length, failures };
}
