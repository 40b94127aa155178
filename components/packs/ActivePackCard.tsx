/** The pack in force: what it is, who issued it, where it came from. */
import type { ActivePackSummary } from '../../pack-trust/status';
import { formatTime, ORIGIN_LABELS } from './labels';

export function ActivePackCard({ active }: { active: ActivePackSummary }) {
  return (
    <section class="pack-card" aria-label="当前规则包">
      <h2>当前规则包</h2>
      <dl>
        <dt>名称</dt>
        <dd data-field="name">{active.name}</dd>
        <dt>标识</dt>
        <dd data-field="id">{active.id}</dd>
        <dt>版本</dt>
        <dd data-field="version">{active.version}</dd>
        <dt>签发</dt>
        <dd data-field="issuer">{active.issuer}</dd>
        <dt>发布日期</dt>
        <dd data-field="date">{active.date}</dd>
        <dt>启用的规则</dt>
        <dd data-field="rules">
          {active.ruleCount} 条（自带用例 {active.testCount} 个）
        </dd>
        <dt>来源</dt>
        <dd data-field="origin">
          {ORIGIN_LABELS[active.origin]}
          {active.rollback ? '（管理员回滚）' : ''}
          {active.source ? `：${active.source}` : ''}
        </dd>
        <dt>签名密钥</dt>
        <dd data-field="keys">{active.keyIds?.join('、') || '—（随扩展发布，无需签名）'}</dd>
        <dt>启用时间</dt>
        <dd data-field="activated">{formatTime(active.activatedAt)}</dd>
      </dl>
      {active.description ? <p class="pack-description">{active.description}</p> : null}
    </section>
  );
}
