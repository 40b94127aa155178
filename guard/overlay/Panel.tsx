/**
 * The editor's panel, 发布前检查. It stands beside the composer (never over it when there is room
 * anywhere else) and never blocks the page: the editor fixes the text while it stays open, and
 * it re-checks as they type. It opens at its top: a one-line verdict and what to do, the
 * decision buttons, then the findings as cards, most severe first (cards.ts groups them: one
 * card per paragraph-level finding, each term once, each place named). Usable by keyboard alone:
 * focus starts on the safe choice, Tab cycles inside, Esc goes back to editing. Only trusted
 * (user) events can let a post through, so a page script cannot click it for the editor.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COMMON_REASONS, reasonProblem, reviewerProblem } from '../reasons';
import { severityLabel, t, verdictText } from '../strings';
import type { Card } from './cards';
import { REVIEW_GATES, type EditorIdentity, type Review, type ReviewGate } from '../../utils/protocol';
import type { PanelView } from './store';

export type PanelDecision =
  | {
      action: 'publish';
      reason: string;
      identity?: EditorIdentity;
      /** Who passed each 关, where the attempt asked for the 三审 record. */
      review?: Review;
    }
  | { action: 'cancel' }
  | { action: 'recheck' };

export interface PanelActions {
  decide(decision: PanelDecision): void;
  /** Shows the finding in the editor (scrolls to it and highlights it; focus stays here). */
  locate(finding: number): void;
  /** Applies a card's suggestion at every occurrence the editor still holds. */
  apply(findings: readonly number[]): void;
  /** Builds more cards (long drafts are rendered a page at a time). */
  showMore(): void;
}

/** Cards rendered at first and added per 再显示: the panel stays quick on a 300,000-character draft. */
export const CARD_PAGE = 40;
const NO_REVIEW = Object.fromEntries(REVIEW_GATES.map((gate) => [gate, ''])) as Record<ReviewGate, string>;
/** Terms listed on one card before 等 N 处. */
const TERMS_SHOWN = 12;

function focusables(root: HTMLElement): HTMLElement[] {
  return [
    ...root.querySelectorAll<HTMLElement>(
      'button:not([disabled]), textarea:not([disabled]), input:not([disabled]), [tabindex="0"]',
    ),
  ];
}

/** An attempt whose 仍要发布 is closed by policy (or a policy not read yet): the note says why. */
function overrideHeld(view: PanelView): boolean {
  return view.mode === 'attempt' && !view.retry && !view.allowOverride;
}

function todo(view: PanelView): string {
  if (view.retry) return t.todoRetry;
  if (view.mode === 'preview') return '';
  if (overrideHeld(view) && view.verdict !== 'block') return '';
  const justify = view.review ? t.todoJustifyReview : t.todoJustify;
  return { block: t.todoBlock, justify, warn: t.todoWarn, error: t.todoError, pass: '' }[view.verdict];
}

export function Panel({ view, actions }: { view: PanelView; actions: PanelActions }) {
  const dialog = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [identityError, setIdentityError] = useState<string | null>(null);
  // The 三审 record starts from the editor's last one: editors mostly name the same reviewers.
  const [review, setReview] = useState<Record<ReviewGate, string>>(() => ({ ...NO_REVIEW, ...view.review?.last }));
  const [reviewErrors, setReviewErrors] = useState<Partial<Record<ReviewGate, string>>>({});
  const [collapsed, setCollapsed] = useState(false);
  const attempt = view.mode === 'attempt';
  const needsReason = view.verdict === 'justify' || view.verdict === 'error';
  const decided = view.edited || view.live;
  const canOverride =
    attempt && !view.retry && view.verdict !== 'block' && view.verdict !== 'pass' && view.allowOverride && !decided;
  const asksReview = canOverride && view.verdict === 'justify' && view.review !== undefined;

  // Focus the safe choice without scrolling: the panel opens at its top.
  useEffect(() => back.current?.focus({ preventScroll: true }), []);

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
    // A reason is required for justify (and a failed check); one given for a warning must say something too.
    const problem = needsReason || reason.trim() !== '' ? reasonProblem(reason) : null;
    if (problem) {
      setReasonError(problem);
      dialog.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    const ask = view.askIdentity;
    if (ask && ((ask.name && !name.trim()) || (ask.unit && !unit.trim()))) {
      setIdentityError(t.identityMissing);
      dialog.current?.querySelector<HTMLInputElement>('.identity input[aria-invalid="true"], .identity input')?.focus();
      return;
    }
    if (asksReview) {
      const problems = Object.fromEntries(
        REVIEW_GATES.flatMap((gate) => {
          const problem = reviewerProblem(review[gate]);
          return problem ? [[gate, problem]] : [];
        }),
      ) as Partial<Record<ReviewGate, string>>;
      setReviewErrors(problems);
      const first = REVIEW_GATES.find((gate) => problems[gate]);
      if (first) {
        dialog.current?.querySelector<HTMLInputElement>(`#gp-review-${first}`)?.focus();
        return;
      }
    }
    const identity: EditorIdentity | undefined = ask
      ? {
          ...(ask.name ? { editorName: name.trim() } : {}),
          ...(ask.unit ? { editorUnit: unit.trim() } : {}),
        }
      : undefined;
    const record = asksReview
      ? (Object.fromEntries(REVIEW_GATES.map((gate) => [gate, review[gate].trim()])) as Review)
      : undefined;
    actions.decide({
      action: 'publish',
      reason: reason.trim(),
      ...(identity ? { identity } : {}),
      ...(record ? { review: record } : {}),
    });
  };
  const pick = (common: string) => {
    setReason((r) => (r.trim() === '' ? common : r.includes(common) ? r : `${r.trim()}；${common}`));
    setReasonError(null);
  };

  const p = view.placement;
  const style = { left: `${p.left}px`, top: `${p.top}px`, width: `${p.width}px`, maxHeight: `${p.height}px` };
  if (collapsed) {
    return (
      <div class={`panel collapsed verdict-${view.verdict}`} style={{ left: style.left, top: style.top }}>
        <button type="button" class="expand" onClick={() => setCollapsed(false)} aria-label={t.expand}>
          {attempt ? t.panelTitle : t.previewTitle}：{verdictText(view.verdict)}
        </button>
      </div>
    );
  }
  const counts = (['block', 'justify', 'warn'] as const).filter((s) => view.counts[s] > 0);
  const nextPage = Math.min(CARD_PAGE, view.totalCards - view.cards.length);
  return (
    <div
      ref={dialog}
      class={`panel side-${p.side} verdict-${view.verdict}`}
      style={style}
      role="dialog"
      aria-modal="false"
      aria-labelledby="gp-title"
      aria-describedby="gp-summary"
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <div class="titlebar">
          <h2 id="gp-title">{attempt ? t.panelTitle : t.previewTitle}</h2>
          <button type="button" class="collapse" onClick={() => setCollapsed(true)}>
            {t.collapse}
          </button>
        </div>
        <p id="gp-summary" class="summary">
          {view.fromNetwork && <span class="origin">{t.networkOrigin}</span>}
          <strong>
            {view.live && view.verdict === 'pass' ? t.editedClean : verdictText(view.verdict, overrideHeld(view))}
          </strong>{' '}
          {todo(view)}
        </p>
        {view.failure && <p class="failure">{view.failure}</p>}
        {counts.length > 0 && (
          <p class="counts">
            {counts.map((s) => (
              <span key={s} class={`count sev-${s}`}>
                {severityLabel(s)} {view.counts[s]}
              </span>
            ))}
          </p>
        )}
        {view.live && attempt && view.verdict !== 'pass' && <p class="note">{t.editedLive}</p>}
        {view.edited && attempt && !view.live && <p class="note">{t.edited}</p>}
        {view.message && (
          <p class="note" role="status">
            {view.message}
          </p>
        )}
        {overrideHeld(view) && view.verdict !== 'block' && view.verdict !== 'pass' && (
          <p class="note" data-testid="override-refused">
            {view.policyUnknown ? t.overridePolicyUnknown : t.overrideForbidden}
          </p>
        )}
        {canOverride && view.askIdentity && (
          <fieldset class="identity" aria-describedby="gp-identity-hint">
            <legend>{t.identityLegend}</legend>
            {(
              [
                [view.askIdentity.name, t.editorName, 50, name, setName],
                [view.askIdentity.unit, t.editorUnit, 100, unit, setUnit],
              ] as const
            ).map(
              ([asked, label, max, value, set]) =>
                asked && (
                  <label key={label}>
                    {label}
                    <input
                      type="text"
                      maxLength={max}
                      value={value}
                      aria-required="true"
                      aria-invalid={identityError !== null && !value.trim()}
                      onInput={(e) => {
                        set((e.target as HTMLInputElement).value);
                        setIdentityError(null);
                      }}
                    />
                  </label>
                ),
            )}
            {identityError && (
              <span id="gp-identity-hint" class="hint error">
                {identityError}
              </span>
            )}
          </fieldset>
        )}
        {canOverride && (
          <div class="reason">
            <label for="gp-reason">{needsReason ? t.reason : t.reasonOptional}</label>
            <textarea
              id="gp-reason"
              rows={2}
              value={reason}
              aria-required={needsReason}
              aria-invalid={reasonError !== null}
              aria-describedby="gp-reason-hint"
              onInput={(e) => {
                setReason((e.target as HTMLTextAreaElement).value);
                setReasonError(null);
              }}
            />
            <div class="chips" role="group" aria-label={t.commonReasons}>
              {COMMON_REASONS.map((r) => (
                <button key={r} type="button" class="chip" onClick={() => pick(r)}>
                  {r}
                </button>
              ))}
            </div>
            <span id="gp-reason-hint" class={reasonError ? 'hint error' : 'hint'}>
              {reasonError ?? t.reasonHint}
            </span>
          </div>
        )}
        {asksReview && (
          <fieldset class="review" data-testid="review">
            <legend>{t.reviewLegend}</legend>
            {REVIEW_GATES.map((gate) => (
              <div key={gate} class="gate">
                <label for={`gp-review-${gate}`}>{t.reviewGates[gate]}</label>
                <input
                  id={`gp-review-${gate}`}
                  type="text"
                  maxLength={50}
                  value={review[gate]}
                  aria-required="true"
                  aria-invalid={reviewErrors[gate] !== undefined}
                  aria-describedby={reviewErrors[gate] ? `gp-review-${gate}-hint` : undefined}
                  onInput={(e) => {
                    const value = (e.target as HTMLInputElement).value;
                    setReview((r) => ({ ...r, [gate]: value }));
                    setReviewErrors(({ [gate]: _, ...rest }) => rest);
                  }}
                />
                {reviewErrors[gate] && (
                  <span id={`gp-review-${gate}-hint`} class="hint error">
                    {reviewErrors[gate]}
                  </span>
                )}
              </div>
            ))}
            {Object.keys(reviewErrors).length > 0 && (
              <span class="hint error" role="alert">
                {t.reviewMissing}
              </span>
            )}
          </fieldset>
        )}
        <div class="actions">
          <button ref={back} type="button" class="secondary" onClick={() => actions.decide({ action: 'cancel' })}>
            {attempt ? t.back : t.close}
          </button>
          {attempt && (view.retry || decided) && (
            <button type="button" class="primary" onClick={(e) => e.isTrusted && actions.decide({ action: 'recheck' })}>
              {view.retry ? t.retry : decided ? t.recheckPublish : t.recheck}
            </button>
          )}
          {canOverride && (
            <button type="button" class="danger" onClick={publish}>
              {t.publishAnyway}
            </button>
          )}
        </div>
      </div>
      {view.cards.length > 0 && (
        <ul class="cards" aria-label={t.findingsLabel}>
          {view.cards.map((card) => (
            <CardItem
              key={card.key}
              card={card}
              locatable={card.findings.some((i) => view.locatable[i])}
              fixable={attempt || view.mode === 'preview'}
              onLocate={() => {
                const next = card.findings.find((i) => view.locatable[i]);
                if (next !== undefined) actions.locate(next);
              }}
              onApply={() => actions.apply(card.findings.filter((i) => view.locatable[i]))}
            />
          ))}
          {nextPage > 0 && (
            <li class="more">
              <button type="button" onClick={() => actions.showMore()}>
                {t.showMore(nextPage)}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function CardItem({
  card,
  locatable,
  fixable,
  onLocate,
  onApply,
}: {
  card: Card;
  locatable: boolean;
  fixable: boolean;
  onLocate: () => void;
  onApply: () => void;
}) {
  const terms = card.terms.slice(0, TERMS_SHOWN);
  const quoted = terms.map((term) => `「${term}」`).join('');
  const more = card.terms.length - terms.length;
  const places = card.places.join('、');
  return (
    <li class={`card sev-${card.severity}`}>
      <div class="card-head">
        <span class="tag">{severityLabel(card.severity)}</span>
        <span class="rule">{card.title}</span>
        <span class="place">{places}</span>
        {card.findings.length > 1 && <span class="occ">{t.occurrences(card.findings.length)}</span>}
      </div>
      <button
        type="button"
        class="excerpt"
        disabled={!locatable}
        onClick={onLocate}
        aria-label={`${t.locate} ${quoted}，${places}`}
      >
        {quoted}
        {more > 0 && <span class="more-terms">{t.moreTerms(card.terms.length)}</span>}
      </button>
      <p class="message">{card.message}</p>
      {card.suggestion !== undefined && (
        <p class="suggestion">
          {t.suggestion}：「{card.suggestion}」
          {locatable && fixable && (
            <button type="button" class="apply" onClick={onApply}>
              {t.apply}
            </button>
          )}
        </p>
      )}
      <p class="basis">
        {t.basis}：{card.basis}
      </p>
    </li>
  );
}
