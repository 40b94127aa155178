/** The log at a glance: chain and anchor check, counts, head hash, storage, uploads. */
import type { ComponentChildren } from 'preact';
import type { ChainVerdict } from '../../audit/chain-verdict';
import type { LogModel } from '../../audit/entries';
import { localDateTime } from '../../audit/export-csv';
import type { LogStatus } from '../../utils/protocol';
import { CollectorStatus } from './collector-status';

function Progress(props: {
  testId: string;
  /** Unknown until the worker says how many records it has to re-hash. */
  checked?: { verified: number; total: number };
  children: ComponentChildren;
}) {
  const { checked } = props;
  return (
    <p class="chain-status checking" data-testid={props.testId}>
      {props.children}
      {checked ? (
        <>
          {' '}
          {checked.verified} / {checked.total}
          <progress max={Math.max(1, checked.total)} value={checked.verified} />
        </>
      ) : (
        <progress />
      )}
    </p>
  );
}

function size(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

export function StatusBar(props: {
  model: LogModel;
  /** False while only the newest records are read (`read`: how far the rest is). */
  complete: boolean;
  read: { loaded: number; total: number };
  /** The chain's and its anchors' verdict, once the chain is verified. */
  verdict?: ChainVerdict;
  /** The running check: records re-hashed of those it has to; `full` from the chain's start. */
  checked?: { verified: number; total: number; full: boolean };
  /** A full re-verification asked for here is running (its progress is `checked`). */
  fullCheck: boolean;
  onFullCheck: () => void;
  status?: LogStatus;
  persisted?: boolean;
}) {
  const { model, verdict, status } = props;
  const pending = model.entries.filter((e) => e.decision === 'pending').length;
  return (
    <div class="status">
      {verdict ? (
        <p class={`chain-status ${verdict.ok ? 'good' : 'bad'}`} data-testid="chain-status">
          {verdict.summary}
        </p>
      ) : (
        <Progress testId="chain-checking" checked={props.checked}>
          {!props.checked
            ? '正在校验哈希链…'
            : props.checked.full
              ? '正在从头逐条校验哈希链…'
              : '正在校验上次校验之后新增的记录…'}
        </Progress>
      )}
      {verdict &&
        (props.fullCheck ? (
          <Progress testId="full-check" checked={props.checked}>
            正在从头完整重新校验（在后台进行，不影响查看）…
          </Progress>
        ) : (
          <p class="full-check">
            <button type="button" data-testid="full-check-start" onClick={props.onFullCheck}>
              从头完整重新校验
            </button>{' '}
            <span>平时只重新计算上次校验之后新增的记录；完整重新校验会重新计算每一条记录的哈希。</span>
          </p>
        ))}
      {status?.anchorBreaks.map((b) => (
        <p class="warn" data-testid="anchor-break" key={`${b.time}${b.reason}`}>
          日志与保存在日志之外的链头不符（{localDateTime(b.time)} 发现，此记录不可清除）：{b.reason}
        </p>
      ))}
      {verdict?.live.map((b) => (
        <p class="warn" data-testid="anchor-break" key={b.reason}>
          日志与保存在日志之外的链头不符（本页刚刚核对发现）：{b.reason}
        </p>
      ))}
      {status?.lastIntegrityProblem && (
        <p class="warn">
          后台日常检查记录过完整性问题（序号 {status.lastIntegrityProblem.seq}）：{status.lastIntegrityProblem.reason}
        </p>
      )}
      <p>
        {props.complete ? (
          <>
            发布尝试 <strong data-testid="total-count">{model.entries.length}</strong> 条，其中未完成 {pending} 条
          </>
        ) : (
          <>
            正在统计发布尝试（已读取 {props.read.loaded} / {props.read.total} 条记录）
          </>
        )}
        ；链头 序号 {model.head?.seq ?? 0}，哈希{' '}
        <code title="导出时会写入文件；请记下以便日后核对">{model.head?.hash ?? '（空）'}</code>
      </p>
      <p class={status?.storage.level && status.storage.level !== 'ok' ? 'warn' : ''}>
        {status?.storage.message ??
          `存储：已用 ${size(status?.storage.usage)}${status?.storage.quota ? ` / ${size(status.storage.quota)}` : ''}`}
        {props.persisted === false && '；浏览器未授予持久存储，空间紧张时可能被清理，请定期导出。'}
        {props.persisted && '；已获得持久存储。'}
      </p>
      {status?.collector && <CollectorStatus upload={status.collector} />}
    </div>
  );
}
