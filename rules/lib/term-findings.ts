/**
 * Reporting dictionary hits for rules about wording (political and legal expressions): a hit
 * whose entry gives a replacement is reported as "use X instead", one without as "avoid", and the
 * entry's note is appended to the message.
 */
import type { FieldReporter, FieldView, RuleVisitors } from '../engine/define-rule';
import type { DictionaryHandle } from '../engine/dictionaries';
import { foldCode } from '../engine/normalize';
import type { Range } from '../engine/types';

const CLOSING: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', '《': '》' };
const CLOSERS = new Set(Object.values(CLOSING));

/**
 * Quotes are weak separators, so 台湾总统 matches 台湾“总统” and the hit ends before the closing
 * mark. A one-click fix of that range would leave a stray ”; the range is widened to take the
 * closing mark of a quote it opened (and the opening mark of a quote it closes).
 */
export function balanceQuotes(text: string, [start, end]: Range): Range {
  const open: string[] = [];
  let unopened = 0;
  for (let i = start; i < end; i++) {
    const c = text.charAt(i);
    const innermost = open.at(-1);
    if (innermost !== undefined && CLOSING[innermost] === c) open.pop();
    else if (c in CLOSING) open.push(c);
    else if (CLOSERS.has(c)) unopened++;
  }
  let s = start;
  let e = end;
  if (open.length === 1) {
    const next = visible(text, end, 1);
    if (text.charAt(next) === CLOSING[open[0]!]) e = next + 1; // open.length === 1
  }
  if (unopened === 1) {
    const previous = visible(text, start - 1, -1);
    if (previous >= 0 && text.charAt(previous) in CLOSING) s = previous;
  }
  return [s, e];
}

/** The first index from `i` in direction `step` whose character is neither invisible nor a space. */
function visible(text: string, i: number, step: 1 | -1): number {
  while (i >= 0 && i < text.length && (foldCode(text.charCodeAt(i)) === 0 || /\s/.test(text.charAt(i)))) i += step;
  return i;
}

/** The message ids of a wording rule: `replace` when the entry has a suggestion, `avoid` otherwise. */
export type WordingMessage = 'replace' | 'avoid';

export function reportTermHits(
  field: FieldView,
  report: FieldReporter<WordingMessage>,
  dictionary: DictionaryHandle,
): void {
  for (const hit of field.hits(dictionary)) {
    const { suggestion, note } = hit.entry;
    report.hit(hit, suggestion ? 'replace' : 'avoid', {
      range: balanceQuotes(field.text, hit.range),
      data: { note: note ? `（${note}）` : '' },
    });
  }
}

/** The whole `create` of a wording rule whose option `dictionary` names its term list. */
export function wordingVisitors({
  options,
}: {
  options: { readonly dictionary: DictionaryHandle };
}): RuleVisitors<WordingMessage> {
  return { field: (field, report) => reportTermHits(field, report, options.dictionary) };
}
