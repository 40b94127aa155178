/**
 * What the log keeps of personal data in an attempt: masked (audit/mask.ts) unless the admin's
 * policy asks for the full text (`logPersonalData: full`). Applied to the attempt's body just
 * before it is chained, so neither the record nor anything exported from it holds the number.
 */
import { maskPersonalData } from '../../audit/mask';
import type { AttemptRecord, RecordBody } from '../../audit/record';
import type { Settings } from '../../utils/settings';

export function personalDataAsPolicyAsks(
  body: RecordBody<AttemptRecord>,
  settings: Pick<Settings, 'logPersonalData'>,
): RecordBody<AttemptRecord> {
  if (settings.logPersonalData === 'full') return body;
  const masked = maskPersonalData({ title: body.title, text: body.text, findings: body.findings });
  if (masked.masked === 0 && masked.findings === body.findings) return body;
  return { ...body, title: masked.title, text: masked.text, findings: masked.findings };
}
