/**
 * A field of a platform's JSON answer as text: strings as they are, numbers (ids, codes, flags the
 * platform sends either way) as their digits, anything else — absent, null, an object — as empty.
 */
export function answerText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
