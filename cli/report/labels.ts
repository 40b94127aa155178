/** Chinese names of verdicts, severities and fields for human-readable reports: utils/labels.ts. */
import type { Verdict } from '../../rules/engine/types';
import { SEVERITY_LABELS, VERDICT_LABELS } from '../../utils/labels';

export const VERDICT_LABEL: Record<Verdict, string> = VERDICT_LABELS;
export const SEVERITY_LABEL = SEVERITY_LABELS;
export { fieldLabel } from '../../utils/labels';
