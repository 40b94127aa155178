/**
 * The written reason an override carries (发布理由), and the reviewers' names of its 三审记录. A reason is for the auditor who reads it
 * later: one character, a row of the same character or punctuation alone says nothing, so a
 * reason must hold some meaningful text. Common reasons are offered to pick, and free text may
 * follow them.
 */
import { t } from './strings';

/** Reasons editors give most, offered as one-click choices (the editor may add to them). */
export const COMMON_REASONS = [
  '转载已获授权',
  '单位公开联系电话',
  '经三审同意发布',
  '引用原文，不宜改动',
  '专有名称，不是错别字',
] as const;

/** Meaningful characters a reason needs at least: Chinese characters count one, letters and digits half. */
export const MIN_REASON = 4;
/** A reviewer's name (三审记录) is shorter: two Chinese characters (张三), or four letters (Li Na). */
export const MIN_NAME = 2;

/**
 * Whether a text holds at least `min` meaningful characters (Chinese characters count one, letters
 * and digits half) and `distinct` different ones: `empty`, `short`, or null when it does.
 */
export function meaningless(value: string, min: number, distinct: number): 'empty' | 'short' | null {
  const text = value.trim();
  if (text === '') return 'empty';
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  const alnum = text.match(/[\p{L}\p{N}]/gu)?.filter((c) => !/\p{Script=Han}/u.test(c)) ?? [];
  const weight = han.length + alnum.length / 2;
  const different = new Set([...han, ...alnum.map((c) => c.toLowerCase())]).size;
  return weight < min || different < distinct ? 'short' : null;
}

/** Why the reason cannot be accepted (for the panel, in its language), or null when it is fine. */
export function reasonProblem(reason: string): string | null {
  const problem = meaningless(reason, MIN_REASON, 3);
  return problem === 'empty' ? t.reasonRequired : problem === 'short' ? t.reasonTooShort(MIN_REASON) : null;
}

/** Why a reviewer's name for one 关 cannot be accepted, or null when it is fine. */
export function reviewerProblem(name: string): string | null {
  const problem = meaningless(name, MIN_NAME, 2);
  return problem === 'empty' ? t.reviewerRequired : problem === 'short' ? t.reviewerTooShort : null;
}
