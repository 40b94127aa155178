/** Helpers for the rules that report a model's judgement of a paragraph (rules/engine/model.ts). */
import type { FieldView, Judgement, ModelHandle } from '../engine/define-rule';
import type { DictionaryHandle } from '../engine/dictionaries';
import { originalToFolded } from '../engine/normalize';
import type { Range } from '../engine/types';

/** How many of the heaviest stretches a finding names and underlines. */
const CUES = 3;

/** The stretches that weighed most, as ranges to underline and as the message names them: “咨询热线”“首付”“万起”. */
function cueList(judgement: Judgement): { spans: Range[]; text: string } {
  const cues = judgement.cues(CUES);
  return { spans: cues.map((c) => c.range), text: cues.map((c) => `“${c.excerpt.trim()}”`).join('') };
}

/** A paragraph the model judges at or above one of its thresholds, with the cues to name. */
export interface FlaggedParagraph {
  range: Range;
  level: 'justify' | 'warn';
  /** The probability in whole percent, as the message shows it. */
  percent: number;
  spans: Range[];
  /** The cues as the message names them: “咨询热线”“首付”“万起”. */
  cues: string;
}

/**
 * The field's paragraphs that reach one of the model's thresholds, hold at least `minChars`
 * Chinese characters (a contact line alone has nothing to judge) and that `keep` keeps. `keep`
 * runs before the cues are worked out: they cost a walk over the paragraph's n-grams, on every
 * check while the editor types.
 */
export function* flaggedParagraphs(
  field: FieldView,
  model: ModelHandle,
  minChars: number,
  keep: (range: Range) => boolean = () => true,
): Generator<FlaggedParagraph> {
  for (const judgement of field.judge(model)) {
    const level = levelOf(judgement, model);
    const { range } = judgement.paragraph;
    if (!level || hanCount(field, range) < minChars || !keep(range)) continue;
    const { spans, text } = cueList(judgement);
    yield { range, level, percent: percent(judgement.probability), spans, cues: text };
  }
}

/**
 * Which of the model's thresholds the paragraph reaches: `justify` (the rule's own severity from
 * the pack applies), `warn` (a warning), or none.
 */
function levelOf(judgement: Judgement, model: ModelHandle): 'justify' | 'warn' | null {
  if (judgement.probability >= model.thresholds.justify) return 'justify';
  if (judgement.probability >= model.thresholds.warn) return 'warn';
  return null;
}

/** A probability as the message shows it, in whole percent; never 100: a model is never sure. */
const percent = (p: number): number => Math.min(99, Math.round(p * 100));

/** Whether one of the dictionary's hits lies inside the range. */
export function hasHitIn(field: FieldView, dictionary: DictionaryHandle, [start, end]: Range): boolean {
  return field.hits(dictionary).some((h) => h.range[0] >= start && h.range[1] <= end);
}

/** Chinese characters in the range: how much a model has to judge a paragraph by. */
function hanCount(field: FieldView, [start, end]: Range): number {
  const text = field.text;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // The unified ideographs and extension A; the rarer extensions (surrogate pairs) count as none.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

/** The option giving how many Chinese characters a paragraph needs to be judged at all. */
export function minCharsOption(fallback: number) {
  return {
    type: 'integer',
    default: fallback,
    min: 1,
    max: 100,
    description: '段落至少有多少个汉字才由模型判断（一行联系电话、一个链接没有可判断的内容）',
  } as const;
}

/**
 * Whether the range lies in a Weibo repost chain (…//@某用户:…): after a `//@` of its own line.
 * Reposted words are somebody else's, but the platform publishes them as part of the account's
 * post, where its readers read them.
 */
export function inRepostChain(field: FieldView, [start]: Range): boolean {
  const { folded } = field.normalized;
  const at = originalToFolded(field.normalized, start);
  const chain = folded.lastIndexOf('//@', at);
  return chain !== -1 && folded.lastIndexOf('\n', at - 1) < chain;
}
