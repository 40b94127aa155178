/** The engine's public surface: what adapters, the background, the dashboard and the CLI import. */
export { compilePack, PackCompileError, type ActiveRule, type Checker } from './checker';
export { defineRule, formatMessage, type RuleModule } from './define-rule';
export { compareVersions, validatePack, PACK_FORMAT, PACK_LIMITS, type Pack, type PackValidation } from './pack';
export { runPackTests, packTestDraft, type PackTestFailure } from './pack-tests';
export { checkPattern } from './safe-pattern';
export * from './types';
