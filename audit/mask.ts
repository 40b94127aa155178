/**
 * Personal data masked where the log keeps text (个人信息保护法 第六条: 最小必要). A draft stopped
 * for an ID number, a mobile number or a bank card must not leave that number in the audit trail
 * and in every export: the log would become a second copy of what the guard stopped. Each
 * personal-data finding's span is masked the way its suggestion masks it (as many characters kept
 * at each end as the suggestion keeps, `*` for the digits between, spaces and hyphens kept), so
 * the text keeps its length and every finding's range still points at the same place; excerpts,
 * messages and suggestions that quote the number are masked to match. The text's SHA-256 stays
 * that of the original, so a copy of the draft can still be matched against the log.
 *
 * Pure: the background applies it when it writes an attempt; exports apply it again, so a log
 * written before masking existed leaves the browser masked too (masking is idempotent).
 */
import type { Category, FieldName } from '../rules/engine/types';

/** The parts of a finding masking reads and rewrites (a Finding or a LoggedFinding). */
export interface MaskableFinding {
  category: Category;
  field: FieldName;
  range: readonly [number, number] | [number, number];
  excerpt?: string;
  message?: string;
  suggestion?: string;
}

const DEFAULT_KEEP = { start: 3, end: 4 };

/** How many characters a masked suggestion keeps at each end (1101**********002X → 4, 4). */
function keptEnds(suggestion: string | undefined): { start: number; end: number } {
  if (!suggestion || !suggestion.includes('*')) return DEFAULT_KEEP;
  const start = suggestion.indexOf('*');
  const end = suggestion.length - 1 - suggestion.lastIndexOf('*');
  return { start, end };
}

/**
 * Masks the letters and digits of `s` between the first `start` and the last `end` of them
 * (`*` counts as one, so a masked span masks to itself).
 */
export function maskSpan(s: string, keep: { start: number; end: number } = DEFAULT_KEEP): string {
  const positions: number[] = [];
  for (let i = 0; i < s.length; i++) if (/[0-9A-Za-z*]/.test(s[i]!)) positions.push(i);
  const total = positions.length;
  // A span too short for the kept ends keeps a third at each end, so something is always masked.
  const short = keep.start + keep.end >= total;
  const start = short ? Math.floor(total / 3) : keep.start;
  const end = short ? Math.floor(total / 3) : keep.end;
  const chars = [...s.split('')];
  positions.slice(start, total - end).forEach((i) => (chars[i] = '*'));
  return chars.join('');
}

export interface MaskedText<F extends MaskableFinding> {
  title?: string;
  text?: string;
  findings: F[];
  /** How many spans were masked. */
  masked: number;
}

/**
 * Masks every personal-data span of `title` and `text` (either may be absent, as in hash-only
 * logs), and the same numbers wherever a finding quotes them.
 */
export function maskPersonalData<F extends MaskableFinding>(input: {
  title?: string;
  text?: string;
  findings: readonly F[];
}): MaskedText<F> {
  const fields: Partial<Record<string, string>> = { title: input.title, body: input.text };
  const replacements = new Map<string, string>();
  let masked = 0;
  for (const f of input.findings) {
    if (f.category !== 'personal-data') continue;
    const keep = keptEnds(f.suggestion);
    const source = fields[f.field];
    const [from, to] = f.range;
    if (source !== undefined && to <= source.length && from < to) {
      const original = source.slice(from, to);
      const hidden = maskSpan(original, keep);
      fields[f.field] = source.slice(0, from) + hidden + source.slice(to);
      if (original !== hidden) replacements.set(original, hidden);
      masked++;
    }
    if (f.excerpt) replacements.set(f.excerpt, maskSpan(f.excerpt, keep));
  }
  const hide = (s: string | undefined) => {
    if (s === undefined || replacements.size === 0) return s;
    let out = s;
    for (const [original, hidden] of replacements) if (original) out = out.split(original).join(hidden);
    return out;
  };
  const findings = input.findings.map((f) => {
    if (replacements.size === 0) return f;
    const copy = { ...f };
    if (f.excerpt !== undefined) copy.excerpt = hide(f.excerpt);
    if (f.message !== undefined) copy.message = hide(f.message);
    if (f.suggestion !== undefined && f.category !== 'personal-data') copy.suggestion = hide(f.suggestion);
    return copy;
  });
  return { title: fields.title, text: fields.body, findings, masked };
}
