import { defineRule, type FieldView } from './engine/define-rule';
import { foldedToOriginal, foldString } from './engine/normalize';
import type { Range } from './engine/types';
import { isValidId15, isValidId18, mask } from './lib/checksums';
import { overlapsUrl, urlsIn } from './lib/urls';

/** 18 digits (the last may be X), optionally grouped by spaces or hyphens. */
const ID18 = /(?<![0-9a-z])\d(?:[ -]{0,3}\d){16}[ -]{0,3}[0-9x](?![0-9a-z])/g;
/** Old 15-digit numbers have no check digit: they count only next to a word that names them. */
const ID15 = /(?<![0-9a-z])\d(?:[ -]{0,3}\d){14}(?![0-9a-z])/g;
const ID_WORDS = /身份证|证件号|身份号码|公民身份/;

/**
 * Stretches of what the patterns are made of (digits, spaces, hyphens, the check character x),
 * long enough to hold a 15-digit number. Found by one quick regex: running both patterns over a
 * whole long text cost more than every other rule, because a pattern opening with a look-behind
 * is tried at every position.
 */
const STRETCH = /[0-9x -]{15,}/g;

/**
 * Matches of ID18 or ID15, looked for only in those stretches. A match never leaves its stretch,
 * and the characters on either side of it, kept in the slice, still answer the look-arounds.
 */
function matchesOf(field: FieldView, regex: RegExp): { range: Range; match: RegExpExecArray }[] {
  const folded = field.normalized.folded;
  const out: { range: Range; match: RegExpExecArray }[] = [];
  STRETCH.lastIndex = 0;
  for (let stretch = STRETCH.exec(folded); stretch; stretch = STRETCH.exec(folded)) {
    const from = Math.max(0, stretch.index - 1);
    const slice = folded.slice(from, STRETCH.lastIndex + 1);
    regex.lastIndex = 0;
    for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
      m.index += from;
      out.push({ range: foldedToOriginal(field.normalized, m.index, m.index + m[0].length), match: m });
    }
  }
  return out;
}

/** Resident identity numbers (GB 11643) published in a post. */
export default defineRule({
  meta: {
    id: 'no-id-number',
    category: 'personal-data',
    description: '居民身份证号码（18 位校验码有效，或 15 位旧号码且附近有“身份证”等字样）',
    basis: '《个人信息保护法》第二十八条（敏感个人信息）；《保定市政务新媒体管理办法》第十三条：严把……保密关',
    messages: {
      id18: '「{term}」是校验有效的居民身份证号码，公开发布会泄露个人信息；请删除或打码',
      id15: '「{term}」是 15 位旧版居民身份证号码，公开发布会泄露个人信息；请删除或打码',
    },
    fields: ['title', 'body', 'quoted'],
    options: {
      contextWindow: { type: 'integer', default: 12, min: 0, max: 50, description: '15 位号码前后查找“身份证”等字样的范围（字）' },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        const urls = urlsIn(field);
        for (const { range, match } of matchesOf(field, ID18)) {
          const digits = match[0].replace(/[ -]/g, '');
          if (!isValidId18(digits) || overlapsUrl(urls, range[0], range[1])) continue;
          report.report({ range, messageId: 'id18', suggestion: mask(digits.toUpperCase()) });
        }
        for (const { range, match } of matchesOf(field, ID15)) {
          const digits = match[0].replace(/[ -]/g, '');
          if (!isValidId15(digits) || overlapsUrl(urls, range[0], range[1])) continue;
          const around = field.text.slice(Math.max(0, range[0] - options.contextWindow), range[1] + options.contextWindow);
          if (!ID_WORDS.test(foldString(around))) continue;
          report.report({ range, messageId: 'id15', suggestion: mask(digits) });
        }
      },
    };
  },
});
