/** Import a signed pack file (air-gapped networks): verified and tested exactly like a downloaded one. */
import { useState } from 'preact/hooks';
import { sendMessage } from '../../utils/messaging';
import type { PackOutcome } from '../../pack-trust/status';
import { RefusalView } from './RefusalView';

export function PackImport({ onDone }: { onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PackOutcome>();
  const [error, setError] = useState<string>();

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(undefined);
    setError(undefined);
    try {
      setOutcome(await sendMessage('importPack', { text: await file.text(), name: file.name }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      input.value = '';
      onDone();
    }
  }

  return (
    <section class="pack-import" aria-label="导入规则包">
      <h2>导入签名规则包</h2>
      <p>
        无法联网获取时，可选择管理员下发的签名规则包文件（*.signed.json）。扩展会验证签名、版本并运行规则包自带的用例，全部通过才启用。
      </p>
      <label>
        选择文件：
        <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void choose(e)} />
      </label>
      {busy ? <p>正在验证……</p> : null}
      {outcome?.ok ? (
        <p class="pack-ok" role="status">
          已启用 {outcome.active.name}（{outcome.active.id} {outcome.active.version}）
        </p>
      ) : null}
      {outcome && !outcome.ok ? <RefusalView refusal={outcome.refusal} /> : null}
      {error ? <p class="pack-error">导入失败：{error}</p> : null}
    </section>
  );
}
