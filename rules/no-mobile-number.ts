import { defineRule } from './engine/define-rule';
import { mask } from './lib/checksums';
import { digitRuns, groupDigits, groupRange, type DigitRun } from './lib/digit-runs';

/** A mainland mobile number (号段 13–19), with or without the 86 / 0086 country code. */
const MOBILE = /^(?:0086|86)?(1[3-9]\d{9})$/;
/** Numbers that may share a run with a mobile: landlines (0312 5901234) and service lines (110, 12345, 95598). */
const AREA_CODE = /^0\d{2,3}$/;
const LOCAL_NUMBER = /^\d{7,8}$/;
const LANDLINE = /^0\d{9,11}$/;
const SERVICE = /^(?:1\d{2}|1\d{4}|9\d{4})$/;
/** A number followed by a unit is an amount or a count (13500000000元), never a phone. */
const UNIT_AFTER = /^ ?(?:元|万|亿|千|百|人|户|次|件|个|吨|米|公里|平方|克|斤|份|台|辆|张|册|余|多)/;

/** Where a mobile number starting at group i ends (shortest), or -1. */
function mobileEnd(run: DigitRun, i: number): number {
  let digits = '';
  for (let j = i; j < run.groups.length && digits.length <= 15; j++) {
    digits += run.groups[j]!.digits; // j < groups.length
    if (MOBILE.test(digits)) return j + 1;
  }
  return -1;
}

/** Where a landline or service number starting at group i ends, or -1. */
function otherNumberEnd(run: DigitRun, i: number): number {
  const here = run.groups[i]!.digits; // callers pass a group of the run
  const next = run.groups[i + 1];
  if (AREA_CODE.test(here) && next && LOCAL_NUMBER.test(next.digits)) return i + 2;
  if (LANDLINE.test(here) || SERVICE.test(here)) return i + 1;
  return -1;
}

/**
 * The mobile numbers of a run, as group spans. The whole run must split into mobiles, landlines
 * and service numbers; a run that does not (a card number, an order number) holds no mobile,
 * however its digits could be sliced.
 */
function mobilesIn(run: DigitRun): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < run.groups.length;) {
    const end = mobileEnd(run, i);
    if (end > 0) {
      found.push([i, end]);
      i = end;
      continue;
    }
    const other = otherNumberEnd(run, i);
    if (other < 0) return [];
    i = other;
  }
  return found;
}

/** Mainland mobile numbers published in a post. */
export default defineRule({
  meta: {
    id: 'no-mobile-number',
    category: 'personal-data',
    description:
      '中国大陆 11 位手机号码（含 +86/0086 前缀、空格或连字符分组写法），已打码的号码和政务热线、固定电话不报',
    basis:
      '《个人信息保护法》第二十五条（不得公开其处理的个人信息，取得个人单独同意的除外）；《保定市政务新媒体管理办法》第十三条：严把……保密关',
    messages: {
      mobile:
        '「{term}」是手机号码，公开发布会暴露个人联系方式；如为单位公开的联系手机请说明理由，否则请打码为「{masked}」',
    },
    fields: ['title', 'body', 'quoted'],
    options: {},
  },
  create() {
    return {
      field(field, report) {
        const folded = field.normalized.folded;
        for (const run of digitRuns(field)) {
          const last = run.groups[run.groups.length - 1]!; // a digit run has at least one group
          if (UNIT_AFTER.test(folded.slice(last.end, last.end + 3))) continue;
          for (const [from, to] of mobilesIn(run)) {
            // mobilesIn() gives spans whose digits MOBILE matches; its group is not optional.
            const number = MOBILE.exec(groupDigits(run, from, to))![1]!;
            const masked = mask(number, 3, 4);
            report.report({
              range: groupRange(field, run, from, to),
              messageId: 'mobile',
              data: { masked },
              suggestion: masked,
            });
          }
        }
      },
    };
  },
});
