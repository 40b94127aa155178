/** One attempt in full: the text with its findings highlighted, the decision, the chain status. */
import { Fragment, type ComponentChildren } from 'preact';
import { editorOf, type LogEntry } from '../../audit/entries';
import { localDateTime } from '../../audit/export-csv';
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  KIND_LABELS,
  PLATFORM_LABELS,
  REVIEW,
  REVIEW_LABELS,
  ruleLabel,
  SEVERITY_LABELS,
  VERDICT_LABELS,
} from '../../utils/labels';
import { REVIEW_GATES } from '../../utils/protocol';
import type { LoggedFinding } from '../../audit/record';
import type { ChainReport } from '../../audit/verify';

/** Splits a text at every finding boundary; a piece covered by findings is marked with them. */
export function Highlighted(props: { text: string; findings: readonly LoggedFinding[] }) {
  const cuts = new Set([0, props.text.length]);
  for (const f of props.findings) {
    cuts.add(Math.min(f.range[0], props.text.length));
    cuts.add(Math.min(f.range[1], props.text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: ComponentChildren[] = [];
  for (const [i, from] of points.entries()) {
    const to = points[i + 1];
    if (to === undefined) break;
    const piece = props.text.slice(from, to);
    const covering = props.findings.filter((f) => f.range[0] <= from && f.range[1] >= to && f.range[0] < f.range[1]);
    out.push(
      covering[0] ? (
        <mark
          key={from}
          class={`severity-${covering[0].severity}`}
          title={covering.map((f) => `${ruleLabel(f.ruleId, f.category)}：${f.message ?? ''}`).join('\n')}
        >
          {piece}
        </mark>
      ) : (
        piece
      ),
    );
  }
  return <>{out}</>;
}

function ChainStatus(props: { entry: LogEntry; report?: ChainReport }) {
  const seqs = [props.entry.attempt.seq, props.entry.outcome?.seq].filter((s): s is number => s !== undefined);
  const mine = (props.report?.broken ?? []).filter(
    (b) => seqs.includes(b.seq) || (b.kind === 'link' && seqs.includes(b.seq - 1)),
  );
  return (
    <section class={`chain ${!props.report ? '' : mine.length ? 'bad' : 'good'}`}>
      <h3>链校验</h3>
      {!props.report ? (
        <p>正在校验…</p>
      ) : mine.length ? (
        mine.map((b) => (
          <p key={`${b.kind}${b.seq}`}>
            ✗ 序号 {b.seq}：{b.reason}
          </p>
        ))
      ) : props.report.resumedFrom && Math.max(...seqs) <= props.report.resumedFrom.seq ? (
        <p>
          ✓ 本条记录在检查点（序号 {props.report.resumedFrom.seq}）之前，已于{' '}
          {localDateTime(props.report.resumedFrom.time)}{' '}
          校验通过；此次只核对了检查点的哈希。需要重新计算时，请点上方「从头完整重新校验」。
        </p>
      ) : (
        <p>✓ 本条记录的哈希与前后链接均校验通过。</p>
      )}
      <dl>
        <dt>尝试记录</dt>
        <dd>
          序号 {props.entry.attempt.seq}，哈希 <code>{props.entry.attempt.hash}</code>
        </dd>
        <dt>上一条哈希</dt>
        <dd>
          <code>{props.entry.attempt.prev}</code>
        </dd>
        {props.entry.outcome && (
          <>
            <dt>结果记录</dt>
            <dd>
              序号 {props.entry.outcome.seq}，哈希 <code>{props.entry.outcome.hash}</code>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

export function EntryDetail(props: { entry: LogEntry; report?: ChainReport; onClose: () => void }) {
  const { attempt: a, outcome } = props.entry;
  const fieldFindings = (field: string) => a.findings.filter((f) => f.field === field);
  return (
    <aside class="detail" aria-label="记录详情">
      <button type="button" class="close" onClick={props.onClose} aria-label="关闭">
        ×
      </button>
      <h2>
        {PLATFORM_LABELS[a.platform]} · {KIND_LABELS[a.kind]} · {a.account?.name ?? '未知账号'}
      </h2>
      <p class="meta">
        {localDateTime(a.time)} · 检查结论：{VERDICT_LABELS[a.verdict]} · 处理结果：
        {DECISION_LABELS[props.entry.decision]}
        {outcome && `（${localDateTime(outcome.time)}）`}
      </p>
      {props.entry.decision === 'pending' && (
        <p class="warn">尚未收到处理结果：页面可能在发布前被关闭、浏览器崩溃，或编辑仍在处理。</p>
      )}
      {a.title !== undefined && (
        <h3 class="title">
          <Highlighted text={a.title} findings={fieldFindings('title')} />
        </h3>
      )}
      {a.text !== undefined ? (
        <div class="body" data-testid="detail-text">
          <Highlighted text={a.text} findings={fieldFindings('body')} />
        </div>
      ) : (
        <p class="body hashed">
          按策略只保存了正文的哈希（{a.textLength} 字）：<code>{a.textSha256}</code>
        </p>
      )}
      {outcome?.reason && (
        <section>
          <h3>发布理由</h3>
          <p class="reason">{outcome.reason}</p>
        </section>
      )}
      {outcome?.review && (
        <section>
          <h3>{REVIEW}</h3>
          <dl class="facts review" data-testid="detail-review">
            {REVIEW_GATES.map((gate) => (
              <Fragment key={gate}>
                <dt>{REVIEW_LABELS[gate]}</dt>
                <dd>{outcome.review?.[gate]}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      )}
      <section>
        <h3>发现的问题（{a.findings.length}）</h3>
        <ul class="findings">
          {a.findings.map((f, i) => (
            <li key={i}>
              <span class={`badge severity-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>{' '}
              {CATEGORY_LABELS[f.category]} · {ruleLabel(f.ruleId, f.category)} <code class="rule-id">{f.ruleId}</code>
              {f.excerpt && <>「{f.excerpt}」</>} {f.message} {f.suggestion && <>建议：{f.suggestion}</>}
              <div class="basis">依据：{f.basis}</div>
            </li>
          ))}
          {a.errors.map((e, i) => (
            <li key={`e${i}`} class="error">
              规则「{ruleLabel(e.ruleId)}」（{e.ruleId}）检查出错：{e.message}
            </li>
          ))}
        </ul>
      </section>
      <dl class="facts">
        <dt>网址</dt>
        <dd>{a.url}</dd>
        <dt>页面</dt>
        <dd>{a.page}</dd>
        <dt>规则包</dt>
        <dd>
          {a.pack.id} {a.pack.version}
        </dd>
        <dt>扩展版本</dt>
        <dd>{a.extension}</dd>
        <dt>编辑</dt>
        <dd>
          {editorOf(props.entry).name || '（未设置）'} · {editorOf(props.entry).unit || '（未设置）'}
        </dd>
      </dl>
      <ChainStatus entry={props.entry} report={props.report} />
    </aside>
  );
}
