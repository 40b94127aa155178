/** The policy URL schedule: where packs come from, how often, and how the last check went. */
import { useState } from 'preact/hooks';
import { sendMessage } from '../../utils/messaging';
import type { PackStatus } from '../../pack-trust/status';
import { formatTime, OUTCOME_LABELS } from './labels';

export function PackUpdates({ status, onDone }: { status: PackStatus; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { update, keys, keyProblems } = status;

  async function checkNow() {
    setBusy(true);
    setError(undefined);
    try {
      await sendMessage('checkPackUpdate', {});
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      onDone();
    }
  }

  return (
    <section class="pack-updates" aria-label="自动更新">
      <h2>自动更新</h2>
      <dl>
        <dt>规则包地址</dt>
        <dd data-field="url">{update.url ?? '未设置（由企业策略 packUrl 设置）'}</dd>
        <dt>检查间隔</dt>
        <dd>{update.minutes} 分钟</dd>
        <dt>上次检查</dt>
        <dd data-field="last-check">{formatTime(update.lastCheck)}</dd>
        <dt>结果</dt>
        <dd data-field="outcome" data-outcome={update.lastOutcome ?? ''}>
          {update.lastOutcome ? OUTCOME_LABELS[update.lastOutcome] : '—'}
          {update.lastMessage ? `：${update.lastMessage}` : ''}
        </dd>
        <dt>受信任的签名密钥</dt>
        <dd data-field="keys">
          {keys.length
            ? keys
                .map((k) => `${k.id}${k.name ? `（${k.name}）` : ''}${k.source === 'policy' ? '〔策略〕' : '〔内置〕'}`)
                .join('、')
            : '无'}
        </dd>
      </dl>
      {keyProblems.length ? (
        <ul class="pack-error" aria-label="被忽略的密钥">
          {keyProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" disabled={busy || !update.url} onClick={() => void checkNow()}>
        {busy ? '正在检查……' : '立即检查更新'}
      </button>
      {error ? <p class="pack-error">{error}</p> : null}
    </section>
  );
}
