/** An admin's explicit return to an earlier signed pack (re-verified, recorded in the history). */
import { useState } from 'preact/hooks';
import { sendMessage } from '../../utils/messaging';
import type { PackOutcome, RollbackTarget } from '../../pack-trust/status';
import { formatTime, ORIGIN_LABELS } from './labels';
import { RefusalView } from './RefusalView';

export function PackRollback({ targets, onDone }: { targets: RollbackTarget[]; onDone: () => void }) {
  const [confirming, setConfirming] = useState<RollbackTarget>();
  const [outcome, setOutcome] = useState<PackOutcome>();
  const [error, setError] = useState<string>();

  async function rollback(target: RollbackTarget) {
    setConfirming(undefined);
    setError(undefined);
    try {
      setOutcome(await sendMessage('rollbackPack', { target: target.target }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      onDone();
    }
  }

  return (
    <section class="pack-rollback" aria-label="回滚">
      <h2>回滚到较早的规则包</h2>
      <p>
        自动更新和导入只接受更新的版本（防止回滚攻击）。确需退回时，管理员可在此显式回滚；回滚会重新验证签名并运行用例，并记入历史。之后只有比回滚前更新的版本才会再被启用。
      </p>
      {targets.length === 0 ? <p>没有可回滚的规则包。</p> : null}
      <ul>
        {targets.map((t) => (
          <li key={t.target} data-target={t.target}>
            {t.name}（{t.id} {t.version}，{t.date}）· {ORIGIN_LABELS[t.origin]}
            {t.activatedAt ? ` · 曾于 ${formatTime(t.activatedAt)} 启用` : ''}{' '}
            {confirming?.target === t.target ? (
              <span>
                确认回滚到 {t.version}？{' '}
                <button type="button" onClick={() => void rollback(t)}>
                  确认回滚
                </button>{' '}
                <button type="button" onClick={() => setConfirming(undefined)}>
                  取消
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setConfirming(t)}>
                回滚
              </button>
            )}
          </li>
        ))}
      </ul>
      {outcome?.ok ? (
        <p class="pack-ok" role="status">
          已回滚到 {outcome.active.id} {outcome.active.version}
        </p>
      ) : null}
      {outcome && !outcome.ok ? <RefusalView refusal={outcome.refusal} /> : null}
      {error ? <p class="pack-error">{error}</p> : null}
    </section>
  );
}
