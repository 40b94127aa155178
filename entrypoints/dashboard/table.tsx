/**
 * The entries table with virtual scrolling: only the rows in view (plus a margin) are in the
 * DOM, so 100,000 entries scroll as smoothly as 100. It is one tab stop (a grid): ↑ ↓ move
 * between rows, PageUp/PageDown by a screen, Home/End to the ends, Enter or Space opens a row;
 * the row that has focus is scrolled into view and kept in the DOM. Reusable by any page that
 * lists log entries (the fleet pages): it only needs the rows.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { editorOf, type LogEntry } from '../../audit/entries';
import { localDateTime } from '../../audit/export-csv';
import { CATEGORY_LABELS, DECISION_LABELS, PLATFORM_LABELS, VERDICT_LABELS } from '../../utils/labels';

export const ROW_HEIGHT = 34;
const OVERSCAN = 10;

function summary(e: LogEntry): string {
  const a = e.attempt;
  const text = a.title ? `${a.title}｜${a.text ?? ''}` : (a.text ?? `（仅存哈希 ${a.textSha256.slice(0, 12)}…）`);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

const COLUMNS = ['时间', '平台', '账号', '编辑', '内容', '检查结论', '处理结果', '发布理由', '问题类别', '链'];

/**
 * `broken`: sequence numbers at broken links; absent while the chain is still being verified.
 * `filterKey`: a new filter scrolls back to the top; new entries arriving do not.
 */
export function EntryTable(props: {
  rows: readonly LogEntry[];
  filterKey: string;
  selected?: string;
  broken?: ReadonlySet<number>;
  onSelect(e: LogEntry): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  /** The row the keyboard is on (an index into rows). */
  const [active, setActive] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
    setActive(0);
  }, [props.filterKey]);

  const count = props.rows.length;
  const current = Math.min(active, Math.max(0, count - 1));

  /** Moves the keyboard to row `i`, scrolling it into view. */
  function moveTo(i: number) {
    const el = box.current;
    const next = Math.max(0, Math.min(count - 1, i));
    setActive(next);
    if (!el) return;
    const top = next * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    setScrollTop(el.scrollTop);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (count === 0) return;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(current + 1),
      ArrowUp: () => moveTo(current - 1),
      PageDown: () => moveTo(current + page),
      PageUp: () => moveTo(current - page),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => props.rows[current] && props.onSelect(props.rows[current]),
      ' ': () => props.rows[current] && props.onSelect(props.rows[current]),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = props.rows.slice(first, last).map((e, i) => ({ e, index: first + i }));
  // The active row stays in the DOM (screen readers and aria-activedescendant need it).
  const activeEntry = props.rows[current];
  if (activeEntry && (current < first || current >= last)) visible.push({ e: activeEntry, index: current });
  const rowId = (index: number) => `entry-row-${index}`;

  return (
    <div class="table" role="grid" aria-label="发布尝试" aria-rowcount={count + 1}>
      <div class="row head" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <span key={c} role="columnheader">
            {c}
          </span>
        ))}
      </div>
      <div
        class="rows"
        ref={box}
        tabIndex={0}
        aria-activedescendant={count ? rowId(current) : undefined}
        aria-label="发布尝试列表：上下方向键选择，回车打开详情"
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: `${count * ROW_HEIGHT}px`, position: 'relative' }}>
          {visible.map(({ e, index }) => {
            const a = e.attempt;
            const broken =
              props.broken && (props.broken.has(a.seq) || (e.outcome !== undefined && props.broken.has(e.outcome.seq)));
            const classes = ['row', `decision-${e.decision}`];
            if (props.selected === a.attempt) classes.push('selected');
            if (index === current) classes.push('active');
            return (
              <div
                key={a.attempt}
                id={rowId(index)}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={props.selected === a.attempt}
                data-attempt={a.attempt}
                class={classes.join(' ')}
                style={{ top: `${index * ROW_HEIGHT}px` }}
                onClick={() => {
                  setActive(index);
                  props.onSelect(e);
                }}
              >
                <span role="gridcell">{localDateTime(a.time)}</span>
                <span role="gridcell">{PLATFORM_LABELS[a.platform]}</span>
                <span role="gridcell">{a.account?.name ?? '—'}</span>
                <span role="gridcell" title={editorOf(e).unit}>
                  {editorOf(e).name || '—'}
                </span>
                <span role="gridcell" class="text">
                  {summary(e)}
                </span>
                <span role="gridcell" class={`verdict-${a.verdict}`}>
                  {VERDICT_LABELS[a.verdict]}
                </span>
                <span role="gridcell">{DECISION_LABELS[e.decision]}</span>
                <span role="gridcell" class="cell-reason" title={e.outcome?.reason}>
                  {e.outcome?.reason ?? ''}
                </span>
                <span role="gridcell">{e.categories.map((c) => CATEGORY_LABELS[c]).join('、')}</span>
                <span role="gridcell" title={!props.broken ? '正在校验' : broken ? '此条记录处断链' : '链校验通过'}>
                  {!props.broken ? '…' : broken ? '✗' : '✓'}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
