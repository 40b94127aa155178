import { defineRule, type FieldView } from './engine/define-rule';
import { foldedToOriginal } from './engine/normalize';
import type { Range } from './engine/types';

/** Up to three spaces between the characters of a mark (秘 密 ★ 1 年), never a line break. */
const GAP = '[^\\S\\n]{0,3}';
const spread = (word: string) => [...word].join(GAP);

/** The three levels of 保守国家秘密法 第十条. */
const LEVELS = ['绝密', '机密', '秘密'];
const LEVEL = `(${LEVELS.map(spread).join('|')})`;
/** ★ as typed: solid or hollow star, ASCII or full-width asterisk (folded to *). */
const STARS = ['★', '☆', '*', '⭐', '✩', '✪', '✫', '✬', '✭', '✮', '✯', '✰'];
const STAR = `[${STARS.join('')}]`;
/** 保密期限 or 解密条件: 1年, 6个月, 长期, 2026年12月31日前, 启用前, 会议结束前. */
const TERM = `(?:\\d(?:${GAP}\\d){0,3}${GAP}(?:年|${spread('个月')})(?:${GAP}\\d(?:${GAP}\\d)?${GAP}月(?:${GAP}\\d(?:${GAP}\\d)?${GAP}日)?)?(?:${GAP}前)?|${['长期', '启用前', '公布前', '发布前', '考试结束前', '会议开始前', '会议结束前'].map(spread).join('|')})`;

/** 密级★保密期限 anywhere: the mark itself, whatever surrounds it. */
const STAR_MARK = new RegExp(`${LEVEL}${GAP}${STAR}(?:${GAP}${TERM})?`, 'g');
/** A bare level (with or without a term) alone on its line: the 版头 of a classified document. */
const LINE_MARK = new RegExp(`^[^\\S\\n]{0,4}(${LEVEL}(?:${GAP}${TERM})?)[^\\S\\n]{0,4}$`, 'd');
/** Longest line a level with its term can fill (spaces included). */
const MAX_MARK_LINE = 60;
const STAR_SET = new Set(STARS);
/** A star stands at most this far after the 密 that ends a level (three spaces between them). */
const STAR_REACH = 4;

/**
 * Every mark has a star just after the 密 that ends its level: most texts have none there and
 * skip the mark pattern entirely. Looking after each 密 reads far less of a long text than a
 * search for each star, or one regex for the class of them all.
 */
function mayHoldStarMark(folded: string): boolean {
  for (let mi = folded.indexOf('密'); mi !== -1; mi = folded.indexOf('密', mi + 1)) {
    for (let i = mi + 1; i <= mi + STAR_REACH && i < folded.length; i++)
      if (STAR_SET.has(folded.charAt(i))) return true;
  }
  return false;
}

/** Lines of the folded text that consist of a level mark alone. */
function lineMarks(field: FieldView): { range: Range; level: string }[] {
  const folded = field.normalized.folded;
  const out: { range: Range; level: string }[] = [];
  let start = 0;
  // Every level ends in 密. Where the next one stands is kept, not searched for again from each
  // line: a text of many short lines and few marks would be searched to its end once per line.
  let nextMi = folded.indexOf('密');
  while (start <= folded.length && nextMi !== -1) {
    const nl = folded.indexOf('\n', start);
    const end = nl === -1 ? folded.length : nl;
    if (nextMi < start) nextMi = folded.indexOf('密', start);
    if (nextMi !== -1 && nextMi < end && end - start <= MAX_MARK_LINE) {
      const m = LINE_MARK.exec(folded.slice(start, end));
      if (m?.indices?.[1]) {
        const [a, b] = m.indices[1];
        out.push({ range: foldedToOriginal(field.normalized, start + a, start + b), level: m[2]!.replace(/\s/g, '') }); // group 2 is not optional
      }
    }
    start = end + 1;
  }
  return out;
}

/** State-secret marks and internal-only labels in a post. */
export default defineRule({
  meta: {
    id: 'no-classified-mark',
    category: 'confidential',
    description:
      '国家秘密标志（绝密★、机密★1年、秘密★长期等）、单独成行的密级版头，以及“内部资料”“仅供内部参考”“涉密”等内部或保密字样',
    basis:
      '《中华人民共和国保守国家秘密法》；《保定市政务新媒体管理办法》第十三条：严把……保密关；第十四条：建立健全……保密审查制度',
    messages: {
      mark: '「{term}」是国家秘密标志（密级★保密期限），带有密级标志的内容不得在政务新媒体上发布',
      lineMark: '「{term}」单独成行，是公文版头的密级标注；带有密级的公文不得公开发布',
      internal: '「{term}」是内部材料或保密事项的字样，请确认内容已经过保密审查、可以公开',
    },
    fields: ['title', 'body', 'quoted'],
    options: {
      words: {
        type: 'dictionary',
        default: 'internal-marks',
        description: '内部材料和保密事项的字样（内部资料、注意保密、涉密……），每条可设严重程度',
      },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        if (mayHoldStarMark(field.normalized.folded)) {
          for (const { range } of field.matchFolded(STAR_MARK)) report.report({ range, messageId: 'mark' });
        }
        // A document carries one level; lines naming several (绝密 / 机密 / 秘密 in a 保密 lesson) are a list.
        const lines = lineMarks(field);
        if (new Set(lines.map((l) => l.level)).size === 1) {
          for (const { range } of lines) report.report({ range, messageId: 'lineMark' });
        }
        for (const hit of field.hits(options.words)) report.hit(hit, 'internal');
      },
    };
  },
});
