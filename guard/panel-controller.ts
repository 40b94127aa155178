/**
 * Drives the panel: one question to the editor at a time (attempts queue), locating a finding in
 * its editor surface, applying a suggestion through the editor's own input path and re-checking,
 * and the live-check preview opened from a badge.
 */
import { isShown, type Finding, type Report, type Verdict } from '../rules/engine/types';
import type { Composer } from './adapter';
import type { PanelDecision } from './overlay/Panel';
import type { OverlayActions } from './overlay/Overlay';
import { toBox, type OverlayState, type Store } from './overlay/store';
import { serialQueue } from '../utils/serial';
import { t } from './strings';
import { stillAt, textsOnce, type TextSurface } from './surface';

export interface Question {
  verdict: Verdict | 'error';
  report?: Report;
  failure?: string;
  composer?: Composer;
  allowOverride: boolean;
  fromNetwork: boolean;
}

interface Open {
  seq: number;
  mode: 'attempt' | 'preview';
  question: Question;
  findings: Finding[];
  edited: boolean;
  resolve(d: PanelDecision): void;
}

const HIGHLIGHT_MS = 2500;

export class PanelController implements OverlayActions {
  private readonly questions = serialQueue();
  private open: Open | null = null;
  private highlightTimer = 0;
  private shadow: ShadowRoot | null = null;
  private seq = 0;

  constructor(
    private readonly store: Store<OverlayState>,
    private readonly deps: {
      /** Checks the composer again after an in-place fix (null when the engine is not ready). */
      recheck(composer: Composer): Report | null;
      /** The live result behind a badge. */
      preview(key: string): { composer: Composer; report: Report } | null;
    },
  ) {}

  attach(shadow: ShadowRoot): void {
    this.shadow = shadow;
  }

  get busy(): boolean {
    return this.open?.mode === 'attempt';
  }

  /** Shows the panel for a held attempt and answers with the editor's decision. */
  ask(question: Question): Promise<PanelDecision> {
    return this.questions(
      () =>
        new Promise<PanelDecision>((resolve) => {
          if (this.open) this.close();
          this.open = {
            seq: ++this.seq,
            mode: 'attempt',
            question,
            findings: shown(question.report),
            edited: false,
            resolve,
          };
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

  // --- OverlayActions (called by the Preact overlay) ---

  decide(decision: PanelDecision): void {
    const open = this.open;
    if (!open) return;
    this.close();
    if (open.mode === 'attempt' && decision.action === 'cancel') this.returnToEditor(open);
    open.resolve(decision);
  }

  locate(index: number): void {
    const found = this.surfaceOf(index);
    if (!found) return;
    const { surface, finding } = found;
    const select = () => surface.select(finding.range[0], finding.range[1], { focus: false });
    select();
    // A pointer gesture that activated the finding may still reset an unfocused field's selection
    // when it completes (Chromium does); set it again once the gesture is over.
    setTimeout(select, 0);
    clearTimeout(this.highlightTimer);
    this.store.set({ highlight: surface.rects(finding.range[0], finding.range[1]).map(toBox) });
    this.highlightTimer = window.setTimeout(() => this.store.set({ highlight: [] }), HIGHLIGHT_MS);
  }

  apply(index: number): void {
    const open = this.open;
    const found = this.surfaceOf(index);
    if (!open || !found || found.finding.suggestion === undefined) return;
    const { surface, finding } = found;
    const ok = surface.replace(finding.range[0], finding.range[1], finding.suggestion!);
    const composer = open.question.composer!;
    const report = ok ? this.deps.recheck(composer) : null;
    if (report) open.findings = shown(report);
    open.edited ||= ok;
    this.render(ok ? undefined : t.applyFailed);
    // The edit had to focus the editor; bring keyboard focus back into the dialog.
    setTimeout(
      () =>
        (
          this.shadow?.querySelector<HTMLElement>('.actions .primary') ??
          this.shadow?.querySelector<HTMLElement>('.actions button')
        )?.focus(),
      0,
    );
  }

  openPreview(key: string): void {
    if (this.busy) return;
    const live = this.deps.preview(key);
    if (!live) return;
    const question: Question = {
      verdict: live.report.verdict,
      report: live.report,
      composer: live.composer,
      allowOverride: false,
      fromNetwork: false,
    };
    this.open = {
      seq: ++this.seq,
      mode: 'preview',
      question,
      findings: shown(live.report),
      edited: false,
      resolve: () => undefined,
    };
    this.render();
  }

  dismissNotice(id: string): void {
    this.unnotify(id);
  }

  // --- internals ---

  /** `textOf` lets a pass over many findings read each surface once. */
  private surfaceOf(
    index: number,
    textOf: (surface: TextSurface) => string = (s) => s.text(),
  ): { surface: TextSurface; finding: Finding } | null {
    const open = this.open;
    const finding = open?.findings[index];
    const surface =
      finding &&
      (open.question.composer?.surfaces as Record<string, TextSurface | undefined> | undefined)?.[finding.field];
    if (!finding || !surface || !surface.element.isConnected) return null;
    if (!stillAt(textOf(surface), finding)) return null;
    return { surface, finding };
  }

  private render(message?: string): void {
    const open = this.open;
    if (!open) return;
    const textOf = textsOnce();
    this.store.set({
      panel: {
        seq: open.seq,
        mode: open.mode,
        verdict: open.question.verdict,
        findings: open.findings,
        failure: open.question.failure,
        allowOverride: open.question.allowOverride,
        fromNetwork: open.question.fromNetwork,
        edited: open.edited,
        locatable: open.findings.map((_, i) => this.surfaceOf(i, textOf) !== null),
        message,
      },
    });
  }

  private close(): void {
    this.open = null;
    clearTimeout(this.highlightTimer);
    this.store.set({ panel: null, highlight: [] });
  }

  /** Back to editing: focus the editor on the first finding it holds. */
  private returnToEditor(open: Open): void {
    this.open = open;
    const textOf = textsOnce();
    const first = open.findings.findIndex((_, i) => this.surfaceOf(i, textOf) !== null);
    const found = first >= 0 ? this.surfaceOf(first, textOf) : null;
    this.open = null;
    if (found) found.surface.select(found.finding.range[0], found.finding.range[1], { focus: true });
    else open.question.composer?.surfaces.body.element.focus();
  }
}

function shown(report: Report | undefined): Finding[] {
  return (report?.findings ?? []).filter(isShown);
}
