/**
 * Titles of works in book-title marks (《活该你单身》, 征文《在我看来》): the name of a film, a book,
 * an article or a contest, not the account's own words. Tone rules leave words inside them alone.
 */
import type { FieldView } from '../engine/define-rule';
import type { Range } from '../engine/types';

/** A title on one line, of a length titles have. */
const WORK_TITLE = /《[^《》\n]{1,40}》/g;

function findTitles(field: FieldView): Range[] {
  return field.matchFolded(WORK_TITLE).map(({ range }) => range);
}

/** Whether the original range lies wholly inside a work's title. */
export function inWorkTitle(field: FieldView, [start, end]: Range): boolean {
  return field.memo(findTitles).some(([s, e]) => s <= start && end <= e);
}
