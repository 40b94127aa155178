/** Why a pack was refused: the reason, the precise message and every detail. */
import type { Refusal } from '../../pack-trust/admit';
import { REFUSAL_LABELS } from '../../pack-trust/admit';

export function RefusalView({ refusal }: { refusal: Pick<Refusal, 'reason' | 'message' | 'details' | 'pack'> }) {
  return (
    <div class="pack-refusal" role="alert" data-reason={refusal.reason}>
      <strong>
        已拒绝{refusal.pack ? ` ${refusal.pack.id} ${refusal.pack.version}` : ''}：{REFUSAL_LABELS[refusal.reason]}
      </strong>
      <p>{refusal.message}</p>
      {refusal.details.length ? (
        <ul>
          {refusal.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      <p class="pack-note">当前规则包保持不变。</p>
    </div>
  );
}
