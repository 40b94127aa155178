/**
 * The registry: every rule that ships in the extension, one line each, sorted by id.
 * tests/meta.test.ts keeps it in step with the files, tests and docs.
 */
import type { RuleModule } from './engine/define-rule';
import noIdNumber from './no-id-number';
import noTitleDistortion from './no-title-distortion';
import noTypo from './no-typo';
import noUnapprovedSource from './no-unapproved-source';
import requireSource from './require-source';

export const RULES: readonly RuleModule[] = [
  noIdNumber,
  noTitleDistortion,
  noTypo,
  noUnapprovedSource,
  requireSource,
] as readonly RuleModule[];
