/**
 * The editor's panel, 发布前检查: findings by severity (excerpt, message, basis, suggestion), the
 * reason field 发布理由, and the decision buttons 返回修改 / 仍要发布. A modal dialog usable by
 * keyboard alone: focus starts on the safe choice, Tab stays inside, Esc goes back to editing.
 * Only trusted (user) events can let a post through, so a page script cannot click it for them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../rules/engine/types';
import { fieldLabel, severityLabel, t, verdictText } from '../strings';
import type { PanelView } from './store';

export type PanelDecision = { action: 'publish'; reason: string } | { action: 'cancel' } | { action: 'recheck' };

export interface PanelActions {
  decide(decision: PanelDecision): void;
  locate(index: number): void;
  apply(index: number): void;
}

const ORDER = ['block', 'justify', 'warn'] as const;

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button:not([disabled]), textarea:not([disabled]), [tabindex="0"]')];
}

export function Panel({ view, actions }: { view: PanelView; actions: PanelActions }) {
  const dialog = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const attempt = view.mode === 'attempt';
  const needsReason = view.verdict === 'justify' || view.verdict === 'error';
  const canOverride =
    attempt && view.verdict !== 'block' && view.verdict !== 'pass' && view.allowOverride && !view.edited;

  useEffect(() => back.current?.focus(), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      actions.decide({ action: 'cancel' });
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = focusables(dialog.current);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = (dialog.current.getRootNode() as ShadowRoot).activeElement;
    if (e.shiftKey && (active === first || !dialog.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !dialog.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  const publish = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    if (needsReason && reason.trim() === '') {
      setReasonError(true);
      dialog.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    actions.decide({ action: 'publish', reason: reason.trim() });
  };

  const indexed = view.findings.map((f, i) => ({ f, i }));
  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class={`panel verdict-${view.verdict}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="gp-title"
        aria-describedby="gp-summary"
        onKeyDown={onKeyDown}
      >
        <h2 id="gp-title">{attempt ? t.panelTitle : t.previewTitle}</h2>
        <p id="gp-summary" class="summary">
          {view.fromNetwork && <span class="origin">{t.networkOrigin}</span>}
          {verdictText(view.verdict)}
          {view.failure && <span class="failure">（{view.failure}）</span>}
        </p>
        {ORDER.map((severity) => {
          const group = indexed.filter(({ f }) => f.severity === severity);
          if (!group.length) return null;
          return (
            <section
              key={severity}
              class={`group sev-${severity}`}
              aria-label={`${severityLabel(severity)}（${group.length}）`}
            >
              <h3>
                {severityLabel(severity)}（{group.length}）
              </h3>
              <ul>
                {group.map(({ f, i }) => (
                  <FindingItem
                    key={`${f.ruleId}-${f.field}-${f.range[0]}`}
                    finding={f}
                    locatable={view.locatable[i] === true}
                    onLocate={() => actions.locate(i)}
                    onApply={() => actions.apply(i)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
        {view.edited && attempt && <p class="note">{t.edited}</p>}
        {view.message && (
          <p class="note" role="status">
            {view.message}
          </p>
        )}
        {attempt && !view.allowOverride && view.verdict !== 'block' && view.verdict !== 'pass' && (
          <p class="note">{t.overrideForbidden}</p>
        )}
        {canOverride && (
          <div class="reason">
            <label for="gp-reason">{needsReason ? t.reason : t.reasonOptional}</label>
            <textarea
              id="gp-reason"
              rows={2}
              value={reason}
              aria-required={needsReason}
              aria-invalid={reasonError}
              aria-describedby="gp-reason-hint"
              onInput={(e) => {
                setReason((e.target as HTMLTextAreaElement).value);
                setReasonError(false);
              }}
            />
            <span id="gp-reason-hint" class={reasonError ? 'hint error' : 'hint'}>
              {reasonError ? t.reasonRequired : t.reasonHint}
            </span>
          </div>
        )}
        <div class="actions">
          <button ref={back} type="button" class="secondary" onClick={() => actions.decide({ action: 'cancel' })}>
            {attempt ? t.back : t.close}
          </button>
          {attempt && view.edited && (
            <button type="button" class="primary" onClick={(e) => e.isTrusted && actions.decide({ action: 'recheck' })}>
              {t.recheck}
            </button>
          )}
          {canOverride && (
            <button type="button" class="danger" onClick={publish}>
              {t.publishAnyway}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function FindingItem({
  finding: f,
  locatable,
  onLocate,
  onApply,
}: {
  finding: Finding;
  locatable: boolean;
  onLocate: () => void;
  onApply: () => void;
}) {
  const where = f.field === 'body' ? '' : `${fieldLabel(f.field)}：`;
  return (
    <li class={`finding sev-${f.severity}`}>
      <button
        type="button"
        class="excerpt"
        disabled={!locatable}
        onClick={onLocate}
        aria-label={`${t.locate} ${where}「${f.excerpt}」`}
      >
        <span class="tag">{severityLabel(f.severity as 'block' | 'justify' | 'warn')}</span>
        {where}「{f.excerpt}」
      </button>
      <p class="message">{f.message}</p>
      <p class="basis">
        {t.basis}：{f.basis}
      </p>
      {f.suggestion !== undefined && (
        <p class="suggestion">
          {t.suggestion}：「{f.suggestion}」
          {locatable && (
            <button type="button" class="apply" onClick={onApply}>
              {t.apply}
            </button>
          )}
        </p>
      )}
    </li>
  );
}
