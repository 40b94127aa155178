/** The log's values by their Chinese names: the one shared table in utils/labels.ts. */
export {
  CATEGORY_LABELS,
  DECISION_LABELS,
  KIND_LABELS,
  PLATFORM_LABELS,
  SEVERITY_LABELS,
  VERDICT_LABELS,
} from '../utils/labels';
