import { defineRule, type FieldView } from './engine/define-rule';
import { foldedToOriginal } from './engine/normalize';
import type { Range } from './engine/types';
import { reportHits } from './lib/hits';

/**
 * Emotional outbursts, slang, insults and vulgar words, and runs of !!! / ???, in the
 * institution's own voice. Quoted speech is left alone (quoteAware). Three dictionaries, so
 * each kind of finding has its own message; severities are per entry in the pack.
 */
export default defineRule({
  meta: {
    id: 'no-emotional-language',
    category: 'personal-opinion',
    description: '情绪化表达、网络俚语、辱骂嘲讽、不文明用语和连串感叹号/问号，引语除外',
    basis: '《保定市政务新媒体管理办法》第十三条：不得擅自发布代表个人观点、意见及情绪的言论',
    messages: {
      vulgar: '「{term}」是不文明用语（粗口、脏话），新闻媒体和网站应当禁用',
      emotional: '「{term}」是情绪化或网络俚语、嘲讽用语；政务新媒体不得发布代表个人情绪的言论',
      punctuation: '「{term}」连用感叹号或问号，语气过于情绪化；政务发布请用一个标点',
    },
    quoteAware: true,
    options: {
      vulgar: {
        type: 'dictionary',
        default: 'vulgar-terms',
        description: '不文明用语词典（新华社 38 个不文明用语等）',
      },
      dictionary: {
        type: 'dictionary',
        default: 'emotional-terms',
        description: '情绪化表达、网络俚语和辱骂嘲讽用语词典',
      },
      punctuation: { type: 'dictionary', default: 'emotional-punctuation', description: '连串感叹号、问号等标点模式' },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        reportHits(field, report, options.vulgar, 'vulgar');
        const titles = workTitles(field);
        for (const hit of field.hits(options.dictionary))
          if (!titles.some(([s, e]) => s <= hit.range[0] && hit.range[1] <= e)) report.hit(hit, 'emotional');
        const spoken = runsAfterWords(field);
        for (const hit of field.hits(options.punctuation))
          if (spoken.some(([s, e]) => s < hit.range[1] && hit.range[0] < e)) report.hit(hit, 'punctuation');
      },
    };
  },
});

/** A work's title in book-title marks, on one line. */
const WORK_TITLE = /《[^《》\n]{1,40}》/g;

/**
 * The titles of works in the field, as original ranges. 《活该你单身》 is a film's name: slang in
 * a title is the work's word, reported as its name, not the account's tone. Vulgar words are
 * reported wherever they stand: no title makes them printable.
 */
function workTitles(field: FieldView): Range[] {
  return field.matchFolded(WORK_TITLE).map(({ range }) => range);
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
