/**
 * The rule-pack part of the dashboard: active pack, automatic updates, import, rollback, trial
 * check and history. The dashboard's 规则包 tab (`dashboard.html#packs`).
 */
import { ActivePackCard } from './ActivePackCard';
import { PackHistory } from './PackHistory';
import { PackImport } from './PackImport';
import { PackRollback } from './PackRollback';
import { PackTryCheck } from './PackTryCheck';
import { PackUpdates } from './PackUpdates';
import { usePackStatus } from './use-pack-status';

export function PackAdmin() {
  const { status, error, reload } = usePackStatus();
  if (error) return <p class="pack-error">无法读取规则包状态：{error}</p>;
  if (!status) return <p>正在读取规则包状态……</p>;
  return (
    <div class="pack-admin">
      <ActivePackCard active={status.active} />
      <PackTryCheck />
      <PackUpdates status={status} onDone={reload} />
      <PackImport onDone={reload} />
      <PackRollback targets={status.rollbackTargets} onDone={reload} />
      <PackHistory events={status.history} />
    </div>
  );
}
