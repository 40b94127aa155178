/** What else the log recorded: broken links found by the daily check, storage warnings, adapter problems. */
import type { NoticeRecord } from '../../audit/entries';
import { localDateTime } from '../../audit/export-csv';
import { PLATFORM_LABELS } from '../../utils/labels';
import type { RetentionRecord } from '../../audit/record';

function describe(n: NoticeRecord): string {
  switch (n.type) {
    case 'integrity':
      return `完整性问题（序号 ${n.brokenSeq}）：${n.reason}`;
    case 'storage':
      return `存储空间：${n.level === 'ok' ? '恢复正常' : n.level === 'warning' ? '接近上限' : '即将用尽'}（已用 ${Math.round((n.usage / Math.max(1, n.quota)) * 100)}%）`;
    case 'adapter-problem':
      return `${PLATFORM_LABELS[n.platform]}页面变化（${n.page}）：${n.problem} — ${n.url}`;
  }
}

export function Events(props: { notices: readonly NoticeRecord[]; retention: RetentionRecord | undefined }) {
  const latest = props.notices.slice(-500).reverse();
  return (
    <section class="events">
      {props.retention && (
        <p>
          保留期清理：{localDateTime(props.retention.time)} 按 {props.retention.days} 天的保留期限清理了{' '}
          {localDateTime(props.retention.before)} 之前的 {props.retention.pruned.records} 条记录（其中发布尝试{' '}
          {props.retention.pruned.attempts} 条），链从序号 {props.retention.prunedThrough + 1} 开始。
        </p>
      )}
      {latest.length === 0 && <p>没有其他事件。</p>}
      <ul>
        {latest.map((n) => (
          <li key={n.seq} class={`notice-${n.type}`}>
            {localDateTime(n.time)} · 序号 {n.seq} · {describe(n)}
          </li>
        ))}
      </ul>
    </section>
  );
}
