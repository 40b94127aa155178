import { defineRule, type FieldView } from './engine/define-rule';
import { foldedToOriginal } from './engine/normalize';
import type { Range } from './engine/types';
import { isValidId15, isValidId18, mask } from './lib/checksums';
import { numberStretches } from './lib/number-stretches';
import { overlapsUrl, urlsIn } from './lib/urls';

/** 18 digits (the last may be X), optionally grouped by spaces or hyphens. */
const ID18 = /(?<![0-9a-z])\d(?:[ -]{0,3}\d){16}[ -]{0,3}[0-9x](?![0-9a-z])/g;
/** Old 15-digit numbers have no check digit: they count only next to a word that names them. */
const ID15 = /(?<![0-9a-z])\d(?:[ -]{0,3}\d){14}(?![0-9a-z])/g;
const ID_WORDS = /身份证|证件号|身份号码|公民身份/;

/**
 * Matches of ID18 or ID15, looked for only in those stretches. A match never leaves its stretch,
 * and the characters on either side of it, kept in the slice, still answer the look-arounds.
 */
function matchesOf(
  field: FieldView,
  found: readonly number[],
  regex: RegExp,
): { range: Range; match: RegExpExecArray }[] {
  const folded = field.normalized.folded;
  const out: { range: Range; match: RegExpExecArray }[] = [];
  // `found` holds [start, end) pairs.
  for (let s = 0; s + 1 < found.length; s += 2) {
    const from = Math.max(0, found[s]! - 1);
    const slice = folded.slice(from, found[s + 1]! + 1);
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
      contextWindow: {
        type: 'integer',
        default: 12,
        min: 0,
        max: 50,
        description: '15 位号码前后查找“身份证”等字样的范围（字）',
      },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        const urls = urlsIn(field);
        const found = numberStretches(field.normalized.folded);
        for (const { range, match } of matchesOf(field, found, ID18)) {
          const digits = match[0].replace(/[ -]/g, '');
          if (!isValidId18(digits) || overlapsUrl(urls, range[0], range[1])) continue;
          report.report({ range, messageId: 'id18', suggestion: mask(digits.toUpperCase()) });
        }
        for (const { range, match } of matchesOf(field, found, ID15)) {
          const digits = match[0].replace(/[ -]/g, '');
          if (!isValidId15(digits) || overlapsUrl(urls, range[0], range[1])) continue;
          // Read around the number as displayed (the folded text), not as typed.
          const { folded } = field.normalized;
          const around = folded.slice(
            Math.max(0, match.index - options.contextWindow),
            match.index + match[0].length + options.contextWindow,
          );
          if (!ID_WORDS.test(around)) continue;
          report.report({ range, messageId: 'id15', suggestion: mask(digits) });
        }
      },
    };
  },
});
