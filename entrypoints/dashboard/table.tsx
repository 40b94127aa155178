/**
 * The entries table with virtual scrolling: only the rows in view (plus a margin) are in the
 * DOM, so 100,000 entries scroll as smoothly as 100.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LogEntry } from '../../audit/entries';
import { localDateTime } from '../../audit/export-csv';
import { CATEGORY_LABELS, DECISION_LABELS, PLATFORM_LABELS, VERDICT_LABELS } from '../../audit/labels';

export const ROW_HEIGHT = 34;
const OVERSCAN = 10;

function summary(e: LogEntry): string {
  const a = e.attempt;
  const text = a.title ? `${a.title}｜${a.text ?? ''}` : (a.text ?? `（仅存哈希 ${a.textSha256.slice(0, 12)}…）`);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

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
  }, [props.filterKey]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(props.rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = props.rows.slice(first, last);

  return (
    <div class="table" role="table" aria-label="发布尝试" aria-rowcount={props.rows.length}>
      <div class="row head" role="row">
        <span role="columnheader">时间</span>
        <span role="columnheader">平台</span>
        <span role="columnheader">账号</span>
        <span role="columnheader">内容</span>
        <span role="columnheader">检查结论</span>
        <span role="columnheader">处理结果</span>
        <span role="columnheader">问题类别</span>
        <span role="columnheader">链</span>
      </div>
      <div class="rows" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: `${props.rows.length * ROW_HEIGHT}px`, position: 'relative' }}>
          {visible.map((e, i) => {
            const a = e.attempt;
            const broken =
              props.broken && (props.broken.has(a.seq) || (e.outcome !== undefined && props.broken.has(e.outcome.seq)));
            return (
              <div
                key={a.attempt}
                role="row"
                aria-rowindex={first + i + 1}
                data-attempt={a.attempt}
                class={`row ${props.selected === a.attempt ? 'selected' : ''} decision-${e.decision}`}
                style={{ top: `${(first + i) * ROW_HEIGHT}px` }}
                onClick={() => props.onSelect(e)}
              >
                <span role="cell">{localDateTime(a.time)}</span>
                <span role="cell">{PLATFORM_LABELS[a.platform]}</span>
                <span role="cell">{a.account?.name ?? '—'}</span>
                <span role="cell" class="text">
                  {summary(e)}
                </span>
                <span role="cell" class={`verdict-${a.verdict}`}>
                  {VERDICT_LABELS[a.verdict]}
                </span>
                <span role="cell">{DECISION_LABELS[e.decision]}</span>
                <span role="cell">{e.categories.map((c) => CATEGORY_LABELS[c]).join('、')}</span>
                <span role="cell" title={!props.broken ? '正在校验' : broken ? '此条记录处断链' : '链校验通过'}>
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
