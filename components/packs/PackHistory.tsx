/** Every activation, refusal, rollback and failed download, newest first. */
import type { PackEvent } from '../../pack-trust/status';
import { REFUSAL_LABELS } from '../../pack-trust/admit';
import { EVENT_LABELS, formatTime, ORIGIN_LABELS } from './labels';

export function PackHistory({ events }: { events: PackEvent[] }) {
  return (
    <section class="pack-history" aria-label="更新历史">
      <h2>更新历史与拒绝记录</h2>
      {events.length === 0 ? <p>暂无记录。</p> : null}
      <table>
        <thead>
          <tr>
            <th>时间</th>
            <th>事件</th>
            <th>规则包</th>
            <th>来源</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={`${e.time}-${i}`} data-kind={e.kind} data-reason={e.reason ?? ''}>
              <td>
                {formatTime(e.time)}
                {e.count ? `（共 ${e.count} 次，最近 ${formatTime(e.lastTime)}）` : ''}
              </td>
              <td>{EVENT_LABELS[e.kind]}</td>
              <td>
                {e.pack ? `${e.pack.id} ${e.pack.version}` : '—'}
                {e.previous ? `（此前 ${e.previous.version}）` : ''}
              </td>
              <td>
                {ORIGIN_LABELS[e.origin]}
                {e.source ? `：${e.source}` : ''}
              </td>
              <td>
                {e.reason ? <strong>{REFUSAL_LABELS[e.reason]}：</strong> : null}
                {e.message ?? (e.keyIds?.length ? `签名密钥 ${e.keyIds.join('、')}` : '')}
                {e.details?.length ? (
                  <details>
                    <summary>详情（{e.details.length}）</summary>
                    <ul>
                      {e.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
