/**
 * One text field of a draft as the rules see it. Normalisation, the dictionary scan, quote
 * detection and the analyses rules share run at most once per field and check, and only when a
 * rule asks for them.
 */
import type { FieldView, Judgement, ModelHandle, Paragraph, Span } from './define-rule';
import type { CompiledDictionaries, DictionaryHandle, FieldScan, TermHit } from './dictionaries';
import { featureText, type FeatureText } from './features';
import type { CompiledModel } from './model';
import { compactSpanOf, foldedToOriginal, normalizeText, originalToFolded, type NormalizedText } from './normalize';
import { findQuotedFolded, insideSpans } from './quotes';
import type { FieldName, Range } from './types';

export class LazyFieldView implements FieldView {
  private norm?: NormalizedText;
  private scanned?: FieldScan;
  private quotes?: [number, number][];
  private memos?: Map<(field: FieldView) => unknown, unknown>;
  private features?: FeatureText;
  private paragraphList?: Paragraph[];
  private judgements?: (readonly Judgement[] | undefined)[];

  constructor(
    readonly name: FieldName,
    readonly text: string,
    private readonly dictionaries: CompiledDictionaries,
    private readonly models: readonly CompiledModel[],
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

  private get featureText(): FeatureText {
    return (this.features ??= featureText(this.normalized));
  }

  /** The original range of the feature-text range [start, end), markers left out. */
  private featureRange(start: number, end: number): Range {
    const map = this.featureText.folded;
    let a = start;
    let b = end;
    while (a < b && map[a] === -1) a++;
    while (b > a && map[b - 1] === -1) b--;
    if (a === b) return [0, 0];
    // a < b inside the feature text, whose map has an entry for each of its indices.
    return foldedToOriginal(this.normalized, map[a]!, map[b - 1]! + 1);
  }

  paragraphs(): readonly Paragraph[] {
    if (!this.paragraphList) {
      const p = this.featureText.paragraphs;
      this.paragraphList = [];
      // Paragraphs come in [start, end) pairs.
      for (let i = 0; i + 1 < p.length; i += 2)
        this.paragraphList.push({ range: this.featureRange(p[i]!, p[i + 1]!), index: i / 2 });
    }
    return this.paragraphList;
  }

  judge(handle: ModelHandle): readonly Judgement[] {
    const judgements = (this.judgements ??= []);
    let out = judgements[handle.id];
    if (!out) {
      // Handles are made from this pack's model list (checker's option compiler), so the id is an
      // index into it; a model scores each of the feature text's paragraphs, in order.
      const model = this.models[handle.id]!;
      const paragraphs = this.paragraphs();
      const text = this.featureText;
      out = model.score(text).map(({ features, probability }, i): Judgement => ({
        paragraph: paragraphs[i]!,
        probability,
        cues: (most) => model.cues(text, features[0], features[1], most).map((c) => this.span(c.features)),
      }));
      judgements[handle.id] = out;
    }
    return out;
  }

  private span([start, end]: [number, number]): Span {
    const range = this.featureRange(start, end);
    return { range, excerpt: this.text.slice(range[0], range[1]) };
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
