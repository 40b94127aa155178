/**
 * One text field of a draft as the rules see it. Normalisation, the dictionary scan, quote
 * detection and the analyses rules share run at most once per field and check, and only when a
 * rule asks for them.
 */
import type { FieldView } from './define-rule';
import type { AllowRange, CompiledDictionaries, DictionaryHandle, FieldScan, TermHit } from './dictionaries';
import { foldedToOriginal, normalizeText, type NormalizedText } from './normalize';
import { findQuotedSpans, insideSpans } from './quotes';
import type { FieldName, Range } from './types';

export class LazyFieldView implements FieldView {
  private norm?: NormalizedText;
  private scanned?: FieldScan;
  private quotes?: Range[];
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

  get allowRanges(): readonly AllowRange[] {
    return this.scan.allow;
  }

  hits(dictionary: DictionaryHandle): readonly TermHit[] {
    return this.scan.hits(dictionary);
  }

  inQuote(offset: number): boolean {
    return insideSpans((this.quotes ??= findQuotedSpans(this.normalized)), offset);
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
