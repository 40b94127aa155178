/** Pure helpers over dictionary hits, shared by the dictionary rules. */
import type { FieldReporter, FieldView, RuleVisitors } from '../engine/define-rule';
import type { DictionaryHandle, TermHit } from '../engine/dictionaries';

/** Reports every hit of a dictionary in a field with one message. */
export function reportHits<M extends string>(
  field: FieldView,
  report: FieldReporter<M>,
  dictionary: DictionaryHandle,
  messageId: M,
): void {
  for (const hit of field.hits(dictionary)) report.hit(hit, messageId);
}

/** `create` of a rule that reports every hit of its `dictionary` option with one message. */
export function reportEachHit<M extends string>(messageId: M) {
  return ({ options }: { options: { readonly dictionary: DictionaryHandle } }): RuleVisitors<M> => ({
    field(field, report) {
      reportHits(field, report, options.dictionary, messageId);
    },
  });
}

/** Hits that no other, longer hit contains (限时抢购 counts once, not also as 抢购). */
export function outermost(hits: readonly TermHit[]): TermHit[] {
  const sorted = [...hits].sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  const out: TermHit[] = [];
  let reach = -1;
  for (const h of sorted) {
    if (h.range[1] <= reach) continue;
    out.push(h);
    reach = h.range[1];
  }
  return out;
}

/** How many different dictionary entries the hits come from. */
export function distinctEntries(hits: readonly TermHit[]): number {
  return new Set(hits.map((h) => h.entry)).size;
}

/** The option naming the cue dictionary `quotedInWarning` reads, shared by the advertising rules. */
export const warningCuesOption = {
  type: 'dictionary',
  default: 'ad-warning-cues',
  description: '消费警示、执法通报用语：同一段出现时，引号里的用语是被提醒或被查处的对象，不报',
} as const;

/**
 * A term quoted in a field that also warns or reports on it (警惕“0元购”骗局, 商家宣称“全网最低价”被罚)
 * is being talked about, not used: the text is a consumer warning or an enforcement report.
 */
export function quotedInWarning(field: FieldView, hit: TermHit, cues: DictionaryHandle): boolean {
  // The cue hits come from the scan already made; quoted spans are found only if there are any.
  return field.hits(cues).length > 0 && field.inQuote(hit.range);
}
