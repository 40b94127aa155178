/**
 * Drives the panel: one question to the editor at a time (attempts queue), the "checking" mark by
 * the control from the click on, the panel's place beside the composer, showing a finding in its
 * editor surface (focus stays in the panel on every platform), applying a card's suggestion
 * through the editor's own input path, re-checking while the editor types with the panel open,
 * and the live-check preview opened from a badge.
 */
import { isShown, type Draft, type Finding, type Report, type Verdict } from '../rules/engine/types';
import type { Composer } from './adapter';
import { draftTexts, groupFindings, type Card } from './overlay/cards';
import type { PanelDecision } from './overlay/Panel';
import { CARD_PAGE } from './overlay/Panel';
import type { OverlayActions } from './overlay/Overlay';
import { placePanel } from './overlay/placement';
import { toBox, type Box, type IdentityAsked, type OverlayState, type Store } from './overlay/store';
import type { EditorIdentity, Review } from '../utils/protocol';
import { serialQueue } from '../utils/serial';
import { t } from './strings';
import { stillAt, textsOnce, type TextSurface } from './surface';

export interface Question {
  verdict: Verdict | 'error';
  report?: Report;
  failure?: string;
  composer?: Composer;
  /** The draft the findings are for (their places are named from its text). */
  draft?: Draft;
  allowOverride: boolean;
  /** Overrides are refused because the admin's policy could not be read yet, not by the policy. */
  policyUnknown?: boolean;
  fromNetwork: boolean;
  /** Nothing can go on from here but trying again (the log could not be written). */
  retry?: boolean;
  /** 仍要发布 needs the 三审 record: who passed each 关 (the pack asks for it at justify). */
  review?: boolean;
}

interface Open {
  seq: number;
  mode: 'attempt' | 'preview';
  question: Question;
  verdict: Verdict | 'error';
  findings: Finding[];
  texts: Record<string, string | undefined>;
  /** Every card; the panel builds the first `cardLimit` of them. */
  allCards: Card[];
  cardLimit: number;
  edited: boolean;
  live: boolean;
  /** The finding last shown with 定位: 返回修改 puts the caret there. */
  located: number | null;
  resolve(d: PanelDecision): void;
}

const HIGHLIGHT_MS = 2500;
/** How long the editor pauses typing before the open panel checks the new text. */
export const PANEL_RECHECK_MS = 250;

export class PanelController implements Omit<OverlayActions, 'applyLive' | 'leaveCard'> {
  private readonly questions = serialQueue();
  private open: Open | null = null;
  private highlightTimer = 0;
  private recheckTimer = 0;
  private shadow: ShadowRoot | null = null;
  private seq = 0;

  constructor(
    private readonly store: Store<OverlayState>,
    private readonly deps: {
      /** Checks the composer again after an edit (null when the engine is not ready). */
      recheck(composer: Composer): { draft: Draft; report: Report } | null;
      /** The live result behind a badge. */
      preview(key: string): { composer: Composer; report: Report; draft: Draft } | null;
      /** The editor's name and unit still to ask for (neither set by policy nor given yet). */
      askIdentity?(): IdentityAsked | undefined;
      /** Keeps the name and unit the editor gave; rejects with a message when it cannot. */
      saveIdentity?(identity: EditorIdentity): Promise<void>;
      /** The 三审 record of the editor's last override, to fill the form in again (still editable). */
      lastReview?(): Review | undefined;
    },
  ) {}

  attach(shadow: ShadowRoot): void {
    this.shadow = shadow;
  }

  get busy(): boolean {
    return this.open?.mode === 'attempt';
  }

  /** A publish is held and being checked: say so by the control at once. */
  checking(control: Element): void {
    const r = control.getBoundingClientRect();
    this.store.set({ checking: { box: toBox(r) } });
  }

  doneChecking(): void {
    if (this.store.get().checking) this.store.set({ checking: null });
  }

  /** Shows the panel for a held attempt and answers with the editor's decision. */
  ask(question: Question): Promise<PanelDecision> {
    return this.questions(
      () =>
        new Promise<PanelDecision>((resolve) => {
          if (this.open) this.close();
          this.open = this.opened('attempt', question, resolve);
          this.render();
        }),
    );
  }

  notify(id: string, text: string): void {
    const notices = this.store.get().notices.filter((n) => n.id !== id);
    this.store.set({ notices: [...notices, { id, text }] });
  }

  unnotify(id: string): void {
    this.store.set({ notices: this.store.get().notices.filter((n) => n.id !== id) });
  }

  /** The editor typed in a composer: with the panel open on it, check the new text shortly. */
  edited(composer: Composer): void {
    const open = this.open;
    if (!open || open.question.composer?.root !== composer.root) return;
    clearTimeout(this.recheckTimer);
    this.recheckTimer = window.setTimeout(() => this.recheckOpen(), PANEL_RECHECK_MS);
  }

  /** The window moved or changed size: keep the panel beside its composer. */
  reflow(): void {
    if (this.open) this.render();
  }

  // --- OverlayActions (called by the Preact overlay) ---

  decide(decision: PanelDecision): void {
    const open = this.open;
    if (!open) return;
    if (decision.action === 'publish' && decision.identity && this.deps.saveIdentity) {
      // Kept before the outcome is logged, so the outcome records who published.
      const { identity, ...rest } = decision;
      this.deps.saveIdentity(identity).then(
        () => this.open === open && this.decide(rest),
        (e: unknown) => {
          if (this.open === open) this.render(t.identitySaveFailed(e instanceof Error ? e.message : String(e)));
        },
      );
      return;
    }
    this.close();
    if (open.mode === 'attempt' && decision.action === 'cancel') this.returnToEditor(open);
    open.resolve(decision);
  }

  locate(index: number): void {
    const open = this.open;
    const found = open && this.surfaceOf(open, index);
    if (!found) return;
    const { surface, finding } = found;
    open.located = index;
    // Shown, not selected: focus and the editor's selection stay where they are, so Esc and
    // typing keep working in the panel on every platform (a rich editor would take focus).
    surface.reveal(finding.range[0], finding.range[1]);
    clearTimeout(this.highlightTimer);
    this.store.set({ highlight: surface.rects(finding.range[0], finding.range[1]).map(toBox) });
    this.highlightTimer = window.setTimeout(() => this.store.set({ highlight: [] }), HIGHLIGHT_MS);
  }

  apply(indices: readonly number[]): void {
    const open = this.open;
    if (!open || !open.question.composer) return;
    const textOf = textsOnce();
    const targets = indices
      .map((i) => this.surfaceOf(open, i, textOf))
      .filter((x): x is { surface: TextSurface; finding: Finding } => x?.finding.suggestion !== undefined)
      // Last first, so each replacement leaves the earlier ranges where they were.
      .sort((a, b) => b.finding.range[0] - a.finding.range[0]);
    let ok = targets.length > 0;
    for (const { surface, finding } of targets)
      ok = surface.replace(finding.range[0], finding.range[1], finding.suggestion!) && ok;
    open.edited ||= ok;
    clearTimeout(this.recheckTimer);
    if (ok) this.recheckOpen(false);
    else this.render(t.applyFailed);
    // The edit had to focus the editor; bring keyboard focus back into the panel.
    setTimeout(
      () =>
        (
          this.shadow?.querySelector<HTMLElement>('.actions .primary') ??
          this.shadow?.querySelector<HTMLElement>('.actions button')
        )?.focus({ preventScroll: true }),
      0,
    );
  }

  showMore(): void {
    if (!this.open) return;
    this.open.cardLimit += CARD_PAGE;
    this.render();
  }

  /** Shows a check made on request (检查当前稿件 in the toolbar popup). */
  showCheck(composer: Composer, draft: Draft, report: Report): void {
    if (this.busy) return;
    const question: Question = {
      verdict: report.verdict,
      report,
      composer,
      draft,
      allowOverride: false,
      fromNetwork: false,
    };
    this.open = this.opened('preview', question, () => undefined);
    this.render();
  }

  /** Opens the findings of a live check (its badge, or Alt+Shift+K in its composer). */
  openPreview(key: string): void {
    if (this.busy) return;
    const live = this.deps.preview(key);
    if (live) this.showCheck(live.composer, live.draft, live.report);
  }

  dismissNotice(id: string): void {
    this.unnotify(id);
  }

  // --- internals ---

  private opened(mode: Open['mode'], question: Question, resolve: (d: PanelDecision) => void): Open {
    this.doneChecking();
    const open: Open = {
      seq: ++this.seq,
      mode,
      question,
      verdict: question.verdict,
      findings: shown(question.report),
      texts: draftTexts(question.draft),
      allCards: [],
      cardLimit: CARD_PAGE,
      edited: false,
      live: false,
      located: null,
      resolve,
    };
    this.regroup(open);
    return open;
  }

  private regroup(open: Open): void {
    open.allCards = groupFindings(open.findings, open.texts);
  }

  /** Checks the open panel's composer again and shows what the new text holds. */
  private recheckOpen(live = true): void {
    const open = this.open;
    const composer = open?.question.composer;
    if (!open || !composer || !composer.root.isConnected) return;
    const result = this.deps.recheck(composer);
    if (!result) return;
    open.findings = shown(result.report);
    open.texts = draftTexts(result.draft);
    open.verdict = result.report.verdict;
    open.live ||= live;
    open.edited = true;
    open.located = null;
    this.regroup(open);
    this.render();
  }

  /** The finding of the open panel and the surface it still stands in; `textOf` lets a pass over many findings read each surface once. */
  private surfaceOf(
    open: Open,
    index: number,
    textOf: (surface: TextSurface) => string = (s) => s.text(),
  ): { surface: TextSurface; finding: Finding } | null {
    const finding = open.findings[index];
    const surface =
      finding &&
      (open.question.composer?.surfaces as Record<string, TextSurface | undefined> | undefined)?.[finding.field];
    if (!finding || !surface || !surface.element.isConnected) return null;
    if (!stillAt(textOf(surface), finding)) return null;
    return { surface, finding };
  }

  private composerBox(): Box | null {
    const composer = this.open?.question.composer;
    if (!composer || !composer.root.isConnected) return null;
    let box: Box | null = null;
    for (const surface of Object.values<TextSurface | undefined>(composer.surfaces)) {
      if (!surface?.element.isConnected) continue;
      const r = surface.element.getBoundingClientRect();
      const frame = surface.element.ownerDocument.defaultView?.frameElement?.getBoundingClientRect();
      const x = frame ? frame.left : 0;
      const y = frame ? frame.top : 0;
      if (r.width === 0 && r.height === 0) continue;
      const b = { left: r.left + x, top: r.top + y, width: r.width, height: r.height };
      if (!box) box = b;
      else {
        const left = Math.min(box.left, b.left);
        const top = Math.min(box.top, b.top);
        box = {
          left,
          top,
          width: Math.max(box.left + box.width, b.left + b.width) - left,
          height: Math.max(box.top + box.height, b.top + b.height) - top,
        };
      }
    }
    // The send button belongs with the composer: the panel leaves it in view too.
    const control = composer.control;
    if (box && control?.isConnected) {
      const c = control.getBoundingClientRect();
      if (c.width > 0 && c.bottom > box.top + box.height && c.bottom - box.top < window.innerHeight * 0.8) {
        box = { ...box, height: c.bottom - box.top };
      }
    }
    return box;
  }

  private render(message?: string): void {
    const open = this.open;
    if (!open) return;
    const textOf = textsOnce();
    const cards = built(open);
    const counts = { block: 0, justify: 0, warn: 0 };
    for (const card of open.allCards) counts[card.severity]++;
    const locatable: boolean[] = new Array<boolean>(open.findings.length).fill(false);
    // Only the built cards' findings are looked up: a long draft's other findings wait for 再显示.
    for (const card of cards) for (const i of card.findings) locatable[i] = this.surfaceOf(open, i, textOf) !== null;
    this.store.set({
      panel: {
        seq: open.seq,
        mode: open.mode,
        verdict: open.verdict,
        findings: open.findings,
        failure: open.live ? undefined : open.question.failure,
        allowOverride: open.question.allowOverride,
        policyUnknown: open.question.policyUnknown === true,
        askIdentity: open.mode === 'attempt' ? this.deps.askIdentity?.() : undefined,
        ...(open.mode === 'attempt' && open.question.review ? { review: { last: this.deps.lastReview?.() } } : {}),
        fromNetwork: open.question.fromNetwork,
        edited: open.edited,
        live: open.live,
        retry: open.question.retry === true,
        locatable,
        cards,
        totalCards: open.allCards.length,
        counts,
        placement: placePanel(this.composerBox(), { width: window.innerWidth, height: window.innerHeight }),
        message,
      },
    });
  }

  private close(): void {
    this.open = null;
    clearTimeout(this.highlightTimer);
    clearTimeout(this.recheckTimer);
    this.store.set({ panel: null, highlight: [] });
  }

  /** Back to editing: focus the editor on the finding last shown, or the first it holds. */
  private returnToEditor(open: Open): void {
    const textOf = textsOnce();
    const order = built(open).flatMap((c) => c.findings);
    const first = open.located ?? order.find((i) => this.surfaceOf(open, i, textOf) !== null);
    const found = first !== undefined ? this.surfaceOf(open, first, textOf) : null;
    if (found) found.surface.select(found.finding.range[0], found.finding.range[1], { focus: true });
    else open.question.composer?.surfaces.body.element.focus();
  }
}

/** The cards the panel builds: the first `cardLimit` (再显示 adds more). */
const built = (open: Open): Card[] => open.allCards.slice(0, open.cardLimit);

function shown(report: Report | undefined): Finding[] {
  return (report?.findings ?? []).filter(isShown);
}
