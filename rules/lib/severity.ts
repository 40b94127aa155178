/** Severity arithmetic for rules whose options raise a finding's severity. */
import { severityRank, type Severity } from '../engine/types';

/**
 * The higher of an entry's own severity and `to`. An entry without its own severity takes `to`;
 * `off` raises nothing.
 */
export function raise(own: Severity | undefined, to: Severity): Severity | undefined {
  if (to === 'off') return own;
  return own !== undefined && severityRank(own) >= severityRank(to) ? own : to;
}
