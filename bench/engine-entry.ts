/**
 * What the benchmark times of the engine, in one module: bundled as the extension ships it
 * (bench/bundled-engine.ts) and, for comparison, imported as it stands in the source.
 */
export { compilePack, type Checker } from '../rules/engine/checker';
export { CompiledDictionaries } from '../rules/engine/dictionaries';
export { featureText } from '../rules/engine/features';
export { CompiledModel } from '../rules/engine/model';
export { normalizeText } from '../rules/engine/normalize';
export { findQuotedSpans } from '../rules/engine/quotes';
export { RULES } from '../rules/index';
