/**
 * One text field of a draft as the rules see it. Normalisation, the dictionary scan, quote
 * detection and the analyses rules share run at most once per field and check, and only when a
 * rule asks for them.
 */
import type { FieldView } from './define-rule';
import type { AllowRange, CompiledDictionaries, DictionaryHandle, FieldScan, TermHit } from './dictionaries';
import { compactSpanOf, foldedToOriginal, normalizeText, originalToFolded, type NormalizedText } from './normalize';
import { findQuotedFolded, insideSpans } from './quotes';
import type { FieldName, Range } from './types';

export class LazyFieldView implements FieldView {
  private norm?: NormalizedText;
  private scanned?: FieldScan;
  private quotes?: [number, number][];
  private memos?: Map<(field: FieldView) => unknown, unknown>;

  constructor(
    readonly name: FieldName,
    readonly text: string,
    private readonly dictionaries: CompiledDictionaries,
  ) {}

  get normalized(): NormalizedText {
    return (this.norm ??= normalizeText(this.text));
  }

  private get scan(): FieldScan {
    return (this.scanned ??= this.dictionaries.scan(this.normalized));
  }

  /**
   * Whether an allow-list entry (for the rule, or for all rules) holds the original range. In a
   * text displayed in another order than typed, the smallest typed range of an allowed
   * expression can hold characters it does not display: there, what is held is judged where it
   * is displayed: at `compactSpan`, the compact span of a dictionary hit, when the finding is one.
   */
  allowed(range: Range, ruleId: string, compactSpan?: Range): boolean {
    const [start, end] = range;
    const { reordered } = this.normalized;
    const compact = reordered ? (compactSpan ?? compactSpanOf(this.normalized, start, end)) : undefined;
    return this.scan.allow.some(
      (a) =>
        (a.rules === null || a.rules.has(ruleId)) &&
        (compact ? a.compact[0] <= compact[0] && compact[1] <= a.compact[1] : a.range[0] <= start && end <= a.range[1]),
    );
  }

  hits(dictionary: DictionaryHandle): readonly TermHit[] {
    return this.scan.hits(dictionary);
  }

  inQuote(range: Range): boolean {
    // Quotes are found where the text is displayed. The first character typed in a range is one
    // of the range's own characters, whatever the order it is displayed in (the range is the
    // smallest one holding them): where it is displayed tells whether the range is quoted.
    const at = originalToFolded(this.normalized, range[0]);
    return insideSpans((this.quotes ??= findQuotedFolded(this.normalized)), at);
  }

  memo<T>(analyse: (field: FieldView) => T): T {
    const memos = (this.memos ??= new Map());
    if (memos.has(analyse)) return memos.get(analyse) as T;
    const value = analyse(this);
    memos.set(analyse, value);
    return value;
  }

  matchFolded(regex: RegExp): { range: Range; match: RegExpExecArray }[] {
    if (!regex.global) throw new Error(`matchFolded needs a global regex: ${regex}`);
    const folded = this.normalized.folded;
    const out: { range: Range; match: RegExpExecArray }[] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(folded); m; m = regex.exec(folded)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      out.push({ range: foldedToOriginal(this.normalized, m.index, m.index + m[0].length), match: m });
    }
    return out;
  }
}
