/**
 * The written reason an override carries (发布理由). A reason is for the auditor who reads it
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

/** Why the reason cannot be accepted (for the panel, in its language), or null when it is fine. */
export function reasonProblem(reason: string): string | null {
  const text = reason.trim();
  if (text === '') return t.reasonRequired;
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  const alnum = text.match(/[\p{L}\p{N}]/gu)?.filter((c) => !/\p{Script=Han}/u.test(c)) ?? [];
  const weight = han.length + alnum.length / 2;
  const distinct = new Set([...han, ...alnum.map((c) => c.toLowerCase())]).size;
  if (weight < MIN_REASON || distinct < 3) return t.reasonTooShort(MIN_REASON);
  return null;
}
