import { defineRule, type FieldView } from './engine/define-rule';
import { foldedToOriginal } from './engine/normalize';
import type { Range } from './engine/types';

/**
 * Runs of ! and ? (！！！, ？？？, ？！？) ending a sentence in the account's own voice: a matter of
 * punctuation (文字关), reported with a one-click fix to the single mark. It used to be a
 * personal-opinion finding; on real private posts it marked neutral posts too (28 against 73
 * angry ones) and found no angry post that the emotion model and word lists had not found
 * already, so it says what it is: punctuation. Quoted speech and repost chains keep their
 * writers' marks (quoteAware).
 */
export default defineRule({
  meta: {
    id: 'no-stacked-punctuation',
    category: 'typo',
    description: '连用的感叹号、问号（！！！、？？？），给出一键改为单个标点；引语和转发链除外',
    basis:
      '《标点符号用法》（GB/T 15834-2011）：问号、叹号一般单用；《保定市政务新媒体管理办法》第十三条：严把……文字关',
    messages: { stacked: '「{term}」连用了感叹号或问号；政务发布一般只用一个，可改为「{suggestion}」' },
    quoteAware: true,
    options: {
      dictionary: {
        type: 'dictionary',
        default: 'stacked-punctuation',
        description: '连用标点的模式（全角半角折叠后匹配）',
      },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        const hits = field.hits(options.dictionary);
        // Finding where sentences end walks the whole text with a regex, on every keystroke's
        // check: only worth it when there is a run to judge, which most drafts do not have.
        if (hits.length === 0) return;
        const spoken = runsAfterWords(field);
        for (const hit of hits) {
          if (!spoken.some(([s, e]) => s < hit.range[1] && hit.range[0] < e)) continue;
          report.hit(hit, 'stacked', { suggestion: single(hit.excerpt) });
        }
      },
    };
  },
});

/**
 * The mark the run should be: the question mark if it asks, followed by one exclamation mark if it
 * also exclaims (GB/T 15834 allows ？！ for a question said with force), in the run's own width.
 */
export function single(run: string): string {
  const wide = /[！？]/.test(run);
  const asks = /[?？]/.test(run);
  const exclaims = /[!！]/.test(run);
  const q = wide ? '？' : '?';
  const x = wide ? '！' : '!';
  return asks && exclaims ? q + x : asks ? q : x;
}

/** A run of two or more ! or ? right after a letter, a digit, a Chinese character or a closing bracket. */
const AFTER_WORD = /[\p{L}\p{N})\]》”」』](?<run>[!?]{2,50})/dgu;

/**
 * The runs of ! and ? that end a sentence, as original ranges. A run that follows no word — at
 * the start of a line, after a space, a link, a #topic# or an @name — is no sentence's tone: in
 * text that passed through a system unable to store emoji it is what is left of them (Weibo text
 * copied that way shows “??” where an emoji stood), and it says nothing of the voice.
 */
function runsAfterWords(field: FieldView): Range[] {
  return field.matchFolded(AFTER_WORD).map(({ match }) => {
    const [s, e] = match.indices!.groups!.run!; // the d flag, and a group that is not optional
    return foldedToOriginal(field.normalized, s, e);
  });
}
