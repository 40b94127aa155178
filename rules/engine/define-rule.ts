/**
 * The rule contract, after ESLint's `meta` + `create`: a rule declares what it is (id = file
 * name, category, description, basis, message templates, the options it takes) and, given its
 * options and the pack's compiled data, returns visitors. Severity never appears here: it comes
 * from the pack (ESLint's config, docs/design.md's severity ladder).
 */
import type { CompiledSources } from './sources';
import type { Category, Draft, FieldName, Range, Severity } from './types';
import type { DictionaryHandle, TermHit } from './dictionaries';
import type { NormalizedText } from './normalize';

/** A judgement model of the pack, as a rule's option names it (rules/engine/model.ts). */
export interface ModelHandle {
  readonly id: number;
  readonly name: string;
  /** Probabilities from which the model's own judgement is a warning, or needs a reason. */
  readonly thresholds: { readonly warn: number; readonly justify: number };
}

/** A stretch of a field to underline, as the panel shows it: a range of the original text and its text. */
export interface Span {
  range: Range;
  excerpt: string;
}

/** A paragraph of a field: text between line breaks (blank lines are none). */
export interface Paragraph {
  /** The paragraph's range of the original text, without the line breaks and outer spaces. */
  readonly range: Range;
  /** Its index among the field's paragraphs. */
  readonly index: number;
}

/** A model's judgement of one paragraph. */
export interface Judgement {
  readonly paragraph: Paragraph;
  /** How likely the paragraph is of the model's class, 0–1. */
  readonly probability: number;
  /** The stretches that weighed most towards that class, heaviest first, at most `most`. */
  cues(most: number): Span[];
}

/** The text fields a rule can ask to visit one by one. */
export type TextFieldName = 'title' | 'author' | 'summary' | 'body' | 'quoted' | 'source' | 'quoted.author';

export type OptionSpec =
  | { type: 'dictionary'; default: string; description: string }
  | { type: 'integer'; default: number; min: number; max: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'strings'; default: readonly string[]; maxItems: number; description: string }
  | { type: 'severity'; default: Severity; description: string }
  /** A model of the pack by name; '' for none. A pack without models leaves it unset (null). */
  | { type: 'model'; default: string; description: string };

export type OptionsSpec = Record<string, OptionSpec>;

type OptionValue<S extends OptionSpec> = S extends { type: 'dictionary' }
  ? DictionaryHandle
  : S extends { type: 'integer' }
    ? number
    : S extends { type: 'boolean' }
      ? boolean
      : S extends { type: 'strings' }
        ? readonly string[]
        : S extends { type: 'severity' }
          ? Severity
          : S extends { type: 'model' }
            ? ModelHandle | null
            : never;

/** Options as the rule sees them: dictionaries arrive compiled, as handles. */
export type ResolvedOptions<S extends OptionsSpec> = { readonly [K in keyof S]: OptionValue<S[K]> };

export interface RuleMeta<M extends string, S extends OptionsSpec> {
  /** Equals the file name and the registry key; logged as `ruleId`. */
  id: string;
  category: Category;
  /** One Chinese sentence: what the rule finds. */
  description: string;
  /** The default basis of its findings, e.g. 《保定市政务新媒体管理办法》第十三条…. */
  basis: string;
  /** Chinese message templates keyed by a stable message id; `{name}` placeholders. */
  messages: Record<M, string>;
  /** Text fields the `field` visitor runs on (default: title, summary and body). */
  fields?: readonly TextFieldName[];
  /**
   * Tone rules speak only for the institution's own voice: findings that start inside quoted
   * speech (他说："我认为……", 市民表示：……) are dropped.
   */
  quoteAware?: boolean;
  options: S;
}

export interface FieldView {
  readonly name: FieldName;
  /** The original text of the field. */
  readonly text: string;
  readonly normalized: NormalizedText;
  /** Dictionary hits in this field, after allow-lists and context conditions. */
  hits(dictionary: DictionaryHandle): readonly TermHit[];
  /** Whether the original range lies in quoted speech (judged where it is displayed). */
  inQuote(range: Range): boolean;
  /** Matches of a global regex on the folded text, as original ranges. */
  matchFolded(regex: RegExp): { range: Range; match: RegExpExecArray }[];
  /** The field's paragraphs, in order. */
  paragraphs(): readonly Paragraph[];
  /** A model's judgement of every paragraph, in the order of `paragraphs()` (computed once per field and check). */
  judge(model: ModelHandle): readonly Judgement[];
  /**
   * `analyse(field)`, computed once per field and check however many rules ask for it (the URLs
   * or the digit runs of a text, say). The result is shared between rules: treat it as read-only.
   */
  memo<T>(analyse: (field: FieldView) => T): T;
}

export interface DraftView {
  readonly draft: Draft;
  /** The field's view, or undefined when the draft has no such text. */
  field(name: FieldName): FieldView | undefined;
}

export interface ReportInput<M extends string> {
  range: Range;
  messageId: M;
  data?: Record<string, string | number>;
  suggestion?: string;
  basis?: string;
  /** Entry- or option-level severity from the pack; the rule's severity otherwise. */
  severity?: Severity;
  /** The stretches inside `range` that weighed most, to underline (Finding.spans). */
  spans?: readonly Range[];
}

/** What a rule may set differently from a dictionary entry when it reports the entry's hit. */
export interface HitOverrides {
  range?: Range;
  /** Message data beside `term` and `suggestion`, which come from the hit. */
  data?: Record<string, string | number>;
  basis?: string;
  severity?: Severity;
  /** A fix worked out from the hit itself, where the entry (a pattern) cannot name one. */
  suggestion?: string;
  /**
   * The hit lies in a Weibo repost chain (//@某用户:…): somebody else's words, but published with
   * the account's post. A quoteAware rule keeps such a finding instead of dropping it as quoted.
   */
  reposted?: boolean;
}

export interface FieldReporter<M extends string> {
  report(input: ReportInput<M>): void;
  /** Reports a dictionary hit with the entry's suggestion, basis and severity, unless overridden. */
  hit(hit: TermHit, messageId: M, extra?: HitOverrides): void;
}

export interface DraftReporter<M extends string> {
  report(input: ReportInput<M> & { field: FieldName }): void;
}

export interface RuleVisitors<M extends string> {
  field?: (field: FieldView, report: FieldReporter<M>) => void;
  draft?: (draft: DraftView, report: DraftReporter<M>) => void;
}

export interface RuleCreateContext<S extends OptionsSpec> {
  options: ResolvedOptions<S>;
  sources: CompiledSources;
}

export interface RuleModule<M extends string = string, S extends OptionsSpec = OptionsSpec> {
  meta: RuleMeta<M, S>;
  create(context: RuleCreateContext<S>): RuleVisitors<M>;
}

/** Identity helper that infers message ids and option types (typescript-eslint's RuleCreator). */
export function defineRule<M extends string, S extends OptionsSpec>(rule: RuleModule<M, S>): RuleModule<M, S> {
  return rule;
}

/** Templates split at their placeholders: text, name, text, …, text. Rules have a few dozen. */
const MAX_TEMPLATES = 1000;
const splitTemplates = new Map<string, string[]>();

/**
 * Fills `{name}` placeholders; unknown placeholders are left visible so tests catch them.
 * `term`, when given, fills `{term}` unless `data` has its own (the checker passes the excerpt
 * so, without merging it into a copy of `data` for every finding).
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}, term?: string): string {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (splitTemplates.size < MAX_TEMPLATES) splitTemplates.set(template, parts);
  }
  // A split on one capture group alternates text, name, text, …, text: an odd count, text first and last.
  let out = parts[0]!;
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const name = parts[i]!;
    out +=
      (name in data ? String(data[name]) : name === 'term' && term !== undefined ? term : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}
