/**
 * One publish attempt, from the held action to the decision: check the draft within the time
 * budget, write the attempt to the log (write-ahead: nothing leaves before the background has
 * answered), ask the editor when the verdict is not a pass (while the entry is being written),
 * complete the entry with the decision — before the post goes when the editor overrode a
 * finding, as it goes when there was nothing to decide — and say whether the post may go. Every
 * path fails closed: a check that fails or times out holds the post (a written reason lets it go,
 * after the check has been run once more); content that could not be read is refused (a policy
 * may let a written reason publish it, recorded with the entry); a log that cannot be written holds it too, and the
 * editor may try again. A block any finished rule found is final: no time budget and no other
 * rule's error makes it overridable.
 */
import type { Draft, Finding, Report, RuleError, Verdict } from '../rules/engine/types';
import type { AttemptCompletion, AttemptStart, Decision, Review } from '../utils/protocol';
import type { Composer } from './adapter';
import type { CheckOutcome } from './check-budget';
import type { PanelDecision } from './overlay/Panel';
import type { Question } from './panel-controller';
import { approvalKey } from './approvals';

export interface AttemptInput {
  draft: Draft;
  /** The adapter's page kind. */
  page: string;
  composer?: Composer;
  origin: 'ui' | 'network';
  /** A network-held request that the editor's own click set off a moment before. */
  followsClick?: boolean;
  /** Whether the held action can still be carried out (its control may have left the page). */
  deliverable(): boolean;
  /** Reads the composer again after the editor fixed the post from the panel. */
  reread?(): Draft;
  /** The draft could not be read (an unreadable request body): do not check, fail closed. */
  unreadable?: string;
  /**
   * A request that publishes a draft saved on the server: reads that draft again, just before an
   * override lets the request go. The panel may have been open for minutes, and whatever was
   * saved meanwhile (another tab, the page) is what the platform publishes. Rejects, saying why,
   * when the draft cannot be read.
   */
  readSavedAgain?(): Promise<Draft>;
}

export interface AttemptResult {
  deliver: boolean;
  /** The draft that was finally decided on (the editor may have fixed it in the panel). */
  draft: Draft;
}

/**
 * The background refused the entry because a newer pack became active after the draft was
 * checked (every entry must name the pack in force). The caller has loaded the new pack: the
 * attempt is checked again with it, and the editor decides on what it finds.
 */
export class StalePackError extends Error {}

/** How often one attempt re-checks after a pack change before it gives up (fails closed). */
const MAX_STALE_RECHECKS = 2;
const STALE = Symbol('stale pack');
const AGAIN = Symbol('check again');
const STOP = Symbol('stop');
interface LogFailure {
  failed: string;
}

/**
 * Whether the editor may publish over warn/justify findings: the policy allows it, forbids it, or
 * could not be read yet (`policy-unknown`: refused too, and the panel says why truthfully).
 */
export type OverridePermission = 'allowed' | 'forbidden' | 'policy-unknown';

export interface FlowDeps {
  check(draft: Draft): Promise<CheckOutcome>;
  log: {
    start(attempt: AttemptStart): Promise<{ id: string }>;
    complete(done: AttemptCompletion): Promise<unknown>;
  };
  ask(question: Question): Promise<PanelDecision>;
  /** Whether policy lets editors go on over warn/justify; waits for the settings to be known. */
  allowOverride(): Promise<OverridePermission>;
  /**
   * Whether policy lets a written reason publish a draft that could not be read at all (off by
   * default: such a post is refused); waits for the settings to be known.
   */
  reasonWhenUnreadable(): Promise<boolean>;
  /**
   * Whether the pack asks for the 三审 record (who passed each 关) when the editor publishes over
   * a justify-level finding. Absent: never asked.
   */
  reviewAsked?(): boolean;
  /** Tells the editor something went wrong outside the panel (a notice on the page). */
  notify(text: string): void;
  /** The last check on this tab, for the toolbar popup. */
  checked(info: {
    draft: Draft;
    verdict: Verdict | 'error';
    findings: Finding[];
    decision: Exclude<Decision, 'pending'>;
  }): void;
  pack(): { id: string; version: string };
  strings: { logFailed(message: string): string; controlGone: string };
}

export async function runAttempt(input: AttemptInput, deps: FlowDeps): Promise<AttemptResult> {
  let draft = input.draft;
  let staleRechecks = 0;
  /** A check already made for the next round (the re-check before an override). */
  let next: CheckOutcome | undefined;
  for (;;) {
    const outcome: CheckOutcome =
      next ??
      (input.unreadable && draft === input.draft ? { failure: input.unreadable, ms: 0 } : await deps.check(draft));
    next = undefined;
    const verdict = verdictOf(outcome);
    const findings = outcome.report?.findings ?? [];
    const errors: RuleError[] = [...(outcome.report?.errors ?? [])];
    if (outcome.failure) errors.push({ ruleId: 'guard', message: outcome.failure });

    // Write-ahead: the entry is on its way now; the panel opens at the same time, and nothing is
    // let through before the background has answered.
    const logged: Promise<string | LogFailure | typeof STALE> = deps.log
      .start(attemptStart(draft, input.page, verdict, findings, errors, outcome.report ?? null, deps.pack()))
      .then(
        ({ id }) => id,
        (e: unknown) => {
          if (e instanceof StalePackError && staleRechecks < MAX_STALE_RECHECKS) return STALE;
          return { failed: e instanceof Error ? e.message : String(e) };
        },
      );
    /**
     * The entry could not be written (the background did not answer in time, or refused): the
     * post stays held and the editor sees why, with the way on — try again, or go back.
     */
    const logFailed = async (failure: LogFailure): Promise<boolean> => {
      const again = await deps.ask({
        verdict: 'error',
        failure: deps.strings.logFailed(failure.failed),
        composer: input.composer,
        draft,
        allowOverride: false,
        fromNetwork: input.origin === 'network' && !input.followsClick,
        retry: true,
      });
      return again.action === 'recheck';
    };

    const finish = async (id: string, decision: Exclude<Decision, 'pending'>, reason?: string, review?: Review) => {
      deps.checked({ draft, verdict, findings, decision });
      try {
        await deps.log.complete({ id, decision, ...(reason ? { reason } : {}), ...(review ? { review } : {}) });
      } catch {
        // The entry stays visibly pending in the log: the write-ahead record is there.
      }
    };
    /** The post stays held; the entry says why. */
    const hold = async (id: string, decision: Exclude<Decision, 'pending'>): Promise<AttemptResult> => {
      await finish(id, decision);
      return { deliver: false, draft };
    };
    /**
     * The post goes if its control is still there. An override is recorded with its reason before
     * the post goes; a pass is completed while it goes (a crash in between leaves a visible
     * pending entry).
     */
    const release = async (id: string, reason?: string, review?: Review): Promise<AttemptResult> => {
      if (!input.deliverable()) {
        const held = await hold(id, 'cancelled');
        deps.notify(deps.strings.controlGone);
        return held;
      }
      const done = finish(id, reason ? 'published-with-reason' : 'published', reason, review);
      if (reason || verdict !== 'pass') await done;
      return { deliver: true, draft };
    };
    /**
     * The entry's id once the background has answered; AGAIN when the attempt is checked again
     * (a newer pack, or the editor retries a log that could not be written); STOP when it ends.
     * Going back needs no log entry, so a failed write is offered again only to go on.
     */
    const entry = async (goingOn: boolean): Promise<string | typeof AGAIN | typeof STOP> => {
      const id = await logged;
      if (id === STALE) {
        staleRechecks++;
        return AGAIN;
      }
      if (typeof id === 'string') return id;
      if (goingOn && (await logFailed(id))) {
        draft = input.reread?.() ?? draft;
        return AGAIN;
      }
      return STOP;
    };
    const refused: Exclude<Decision, 'pending'> =
      verdict === 'block' ? 'blocked' : verdict === 'error' ? 'check-failed' : 'cancelled';

    if (verdict === 'pass') {
      const id = await entry(true);
      if (id === AGAIN) continue;
      if (id === STOP) return { deliver: false, draft };
      return release(id);
    }

    // Never decided on default settings: an admin's "no overrides" must hold from the first click.
    const permission = await deps.allowOverride();
    // Content that could not be read is refused unless the policy lets a reason publish it.
    const unread = input.unreadable !== undefined && draft === input.draft;
    const allowOverride = permission === 'allowed' && (!unread || (await deps.reasonWhenUnreadable()));
    // Over a justify-level finding, the pack may ask who passed each 关 (三审记录).
    const review = allowOverride && verdict === 'justify' && deps.reviewAsked?.() === true;
    const decision = await deps.ask({
      verdict,
      report: outcome.report,
      failure: outcome.failure,
      composer: input.composer,
      draft,
      allowOverride,
      ...(review ? { review } : {}),
      ...(permission === 'policy-unknown' ? { policyUnknown: true } : {}),
      fromNetwork: input.origin === 'network' && !input.followsClick,
    });
    // Decided on the old pack's findings: nothing was logged, so ask again on the new pack's.
    const id = await entry(decision.action !== 'cancel');
    if (id === AGAIN) continue;
    if (id === STOP) return { deliver: false, draft };

    if (decision.action === 'publish') {
      const allowed =
        verdict !== 'block' &&
        allowOverride &&
        (decision.reason !== '' || verdict === 'warn') &&
        (!review || decision.review !== undefined);
      if (!allowed) return hold(id, refused);
      // A check that could not finish (slow pack load, rule error, past its budget) is run once
      // more before a reason lets the post go: a block it finds now is final.
      if (verdict === 'error' && !input.unreadable) {
        const again = await deps.check(draft);
        if (again.report?.verdict === 'block') {
          await finish(id, 'check-failed');
          next = again;
          continue;
        }
      }
      if (input.readSavedAgain) {
        const now = await input.readSavedAgain().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
        if (now instanceof Error) {
          deps.notify(now.message);
          return hold(id, 'check-failed');
        }
        // Saved again since the check: this attempt ends, and what would go is checked afresh.
        if (approvalKey(now) !== approvalKey(draft)) {
          await finish(id, 'cancelled');
          draft = now;
          continue;
        }
      }
      return release(id, decision.reason || undefined, review ? decision.review : undefined);
    }
    if (decision.action === 'recheck' && input.reread) {
      await finish(id, 'cancelled');
      draft = input.reread();
      continue;
    }
    return hold(id, refused);
  }
}

/**
 * A block any finished rule found is final: neither a time budget passed nor another rule's
 * error turns it into an overridable check failure.
 */
function verdictOf(outcome: CheckOutcome): Verdict | 'error' {
  if (outcome.report?.verdict === 'block') return 'block';
  return outcome.failure ? 'error' : outcome.report!.verdict;
}

function attemptStart(
  draft: Draft,
  page: string,
  verdict: Verdict | 'error',
  findings: Finding[],
  errors: RuleError[],
  report: Report | null,
  pack: { id: string; version: string },
): AttemptStart {
  return {
    platform: draft.platform,
    kind: draft.kind,
    page,
    ...(draft.account ? { account: draft.account } : {}),
    url: draft.url ?? '',
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    text: draft.body,
    verdict,
    findings,
    errors,
    pack: report?.pack ?? pack,
  };
}
