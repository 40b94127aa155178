/**
 * Runs the guard for one adapter in a content script (isolated world, document_start). Wiring
 * only: the pieces live beside this file.
 *
 *   ui-gate      capture-phase listeners; holds and replays the editor's publish action
 *   link         private channel to the MAIN-world network gate (held publish requests)
 *   flow         check → write-ahead log → panel → decision → complete → let go or not
 *   live         live checking while typing (badge, underlines)
 *   watch        SPA routes, late composers, adapter expectations (breakage is never silent)
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Draft, Finding } from '../rules/engine/types';
import { sendMessage } from '../utils/messaging';
import type { TabStatus } from '../utils/protocol';
import { serialQueue } from '../utils/serial';
import { AccountSource } from './account';
import type { Composer, SiteAdapter } from './adapter';
import { Approvals } from './approvals';
import { CheckerHost } from './checker-host';
import { buildDraft } from './draft';
import type { HeldRequest } from './endpoints';
import { runAttempt, StalePackError, type FlowDeps } from './flow';
import { startHandover } from './handover-host';
import { heldDraft, readHeldRequest } from './held-draft';
import { loadSavedDraft, pageFetchJson } from './saved-draft';
import { GateLink } from './link';
import { makeClassifier } from './net/classify';
import { captureNatives } from './net/natives';
import { showReloadNotice } from './lifetime';
import { serveTabCommands } from './tab-commands';
import { LiveChecker } from './live';
import { Overlay, type OverlayActions } from './overlay/Overlay';
import { createOverlayStore } from './overlay/store';
import './overlay/overlay.css';
import { PanelController } from './panel-controller';
import { ProblemBoard } from './problems';
import { ReviewMemory } from './review-memory';
import { resolveSelectors, type Selectors } from './selectors';
import { SettingsHost } from './settings-host';
import { StatusReporter } from './status';
import { t } from './strings';
import { UiGate, type HeldAction } from './ui-gate';
import { PageWatcher } from './watch';

type LastCheck = NonNullable<TabStatus['lastCheck']>;

const REJECTED = '发布已被政务新媒体发布守卫拦截，请在发布前检查面板中查看原因。';

/** After the next paint, or 50 ms where the page does not paint (a background tab). */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

export function runGuard(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  // Synchronous part: must finish at document_start, before any page script runs.
  const link = new GateLink(makeClassifier(adapter.network.endpoints, captureNatives(globalThis)));
  link.connect();
  // Everything bound to the page ends with this script (extension reloaded or updated).
  const life = ctx.signal;

  const checker = new CheckerHost();
  const settings = new SettingsHost();
  const reviews = new ReviewMemory();
  let selectors: Selectors<string> = resolveSelectors(adapter.selectors, undefined, adapter.id).selectors;
  const store = createOverlayStore();
  let host: HTMLElement | null = null;
  const isOwn = (e: Event) => host !== null && e.composedPath().includes(host);
  const accounts = new AccountSource(
    () => adapter.account(document),
    () => link.identity(),
  );
  const approvals = new Approvals(Date.now, adapter.network.approvalMs);
  const status = new StatusReporter({
    adapter: { id: adapter.id, label: adapter.label },
    platform: adapter.platform,
    page: null,
    networkGate: false,
    problems: [],
  });
  const problems = new ProblemBoard(
    adapter,
    (list) => {
      status.update({ problems: list }, true);
      if (list.length) panel.notify('adapter', t.adapterProblem(list.join('；')));
      else panel.unnotify('adapter');
    },
    // Reports arrive after start-up, once the page kind below is defined.
    () => pageKind(),
  );
  void link.ready.then((connected) => {
    status.update({ networkGate: connected });
    if (!connected) problems.set('gate', [t.noGate]);
  });

  const extract = (composer: Composer): Draft => buildDraft(adapter, composer, accounts.now());
  // The popup's "last check". A live check that finds exactly what the last publish check found
  // (the same draft, re-checked after the panel) leaves that one, with its decision, in place.
  const signature = (verdict: LastCheck['verdict'], findings: Finding[]) =>
    JSON.stringify([verdict, findings.map((f) => [f.ruleId, f.field, f.range])]);
  let lastPublished = '';
  const lastCheck = (
    source: LastCheck['source'],
    draft: Draft,
    verdict: LastCheck['verdict'],
    findings: Finding[],
    decision?: LastCheck['decision'],
  ) => {
    const sig = signature(verdict, findings);
    if (source === 'live' && sig === lastPublished) return;
    if (source === 'publish') lastPublished = sig;
    status.update(
      {
        lastCheck: {
          time: new Date().toISOString(),
          source,
          kind: draft.kind,
          verdict,
          findings: findings.slice(0, 50),
          ...(decision ? { decision } : {}),
        },
      },
      source === 'publish',
    );
  };

  const live = new LiveChecker(store, {
    composerAt: (target) => adapter.composerAt(target, selectors),
    composers: () => adapter.composers(document, selectors),
    extract,
    check: (draft) => checker.checkNow(draft),
    // Live checking starts once the settings are known, so a site where it is off never flickers on.
    enabled: () => settings.isReady && settings.current.liveCheck[adapter.platform] !== false,
    isOwn,
    checked: (draft, report) =>
      lastCheck('live', draft, report.errors.length ? 'error' : report.verdict, report.findings),
    edited: (composer) => panel.edited(composer),
    openFindings: (key) => panel.openPreview(key),
  });
  const panel = new PanelController(store, {
    recheck: (composer) => {
      const draft = extract(composer);
      const report = checker.checkNow(draft);
      return report ? { draft, report } : null;
    },
    preview: (key) => {
      const found = live.result(key);
      return found ? { ...found, draft: extract(found.composer) } : null;
    },
    askIdentity: () => settings.identityToAsk(),
    saveIdentity: (identity) => settings.saveIdentity(identity),
    lastReview: () => reviews.last,
  });
  const actions: OverlayActions = {
    decide: (d) => panel.decide(d),
    locate: (i) => panel.locate(i),
    apply: (list) => panel.apply(list),
    showMore: () => panel.showMore(),
    openPreview: (key) => {
      live.hideCard();
      panel.openPreview(key);
    },
    dismissNotice: (id) => panel.dismissNotice(id),
    applyLive: (key, index) => void live.applyLive(key, index),
    leaveCard: () => live.hideCard(),
  };
  // A page's modal <dialog> makes everything outside it inert, the guard's overlay too: while
  // one is open, the overlay lives inside it so the panel can still be used.
  const rehome = () => {
    if (!host) return;
    const modal = () => {
      try {
        return [...document.querySelectorAll('dialog')].filter((d) => d.matches(':modal')).pop() ?? null;
      } catch {
        return null; // a browser without :modal has no top layer to escape
      }
    };
    const home = modal() ?? document.documentElement;
    if (host.parentElement !== home) home.append(host);
  };
  store.subscribe(() => rehome());
  const watcher = new PageWatcher({
    page: () => adapter.page(location, document, selectors),
    met: (expectation) => expectation.found(document, selectors),
    onTick: () => {
      if (host && !host.isConnected) document.documentElement.append(host);
      rehome();
      watchFrames();
      live.refresh();
    },
    onPage: (page) => status.update({ page: page?.kind ?? null, pageLabel: page?.label ?? page?.kind }),
    onProblems: (list) => problems.set('page', list),
  });

  // Log writes leave this page one after another, in the order they were made: a completion
  // still in flight must not race the next attempt's entry.
  const inOrder = serialQueue();

  // An editor whose text lives in a same-origin iframe (WeChat's legacy UEditor body) types into
  // that frame's window, where the top window's listeners never hear it.
  const framesWatched = new WeakSet<Window>();
  const frames = document.getElementsByTagName('iframe');
  const watchFrames = () => {
    if (!frames.length) return;
    for (const composer of adapter.composers(document, selectors)) {
      for (const surface of Object.values(composer.surfaces)) {
        const view = surface?.element.ownerDocument.defaultView;
        if (!view || view === window || framesWatched.has(view)) continue;
        framesWatched.add(view);
        live.install(view, life);
      }
    }
  };

  // An attempt the extension's reload or update leaves unwritten is sealed into the page's
  // storage and written by the next guard on this site (handover.ts).
  const handover = startHandover(ctx, {
    start: (attempt) => inOrder(() => sendMessage('logAttempt', attempt)),
    complete: (done) => inOrder(() => sendMessage('completeAttempt', done)),
  });

  const logged = handover.follow({
    start: (attempt) =>
      inOrder(() => sendMessage('logAttempt', attempt)).catch(async (e: unknown) => {
        if (await checker.refreshIfStale(attempt.pack).catch(() => false))
          throw new StalePackError(e instanceof Error ? e.message : String(e));
        throw e;
      }),
    complete: (done) => inOrder(() => sendMessage('completeAttempt', done)),
  });
  const flow: FlowDeps = {
    check: (draft) => checker.check(draft),
    log: {
      start: (attempt) => logged.start(attempt),
      // With the name and unit the editor gave (the panel may just have asked): the background
      // takes from them only what the attempt's own record lacks. Handed over with the rest.
      complete: (done) => {
        if (done.review) reviews.remember(done.review);
        const { editorName: name, editorUnit: unit } = settings.current;
        const editor = settings.known && (name || unit) ? { editor: { name, unit } } : {};
        return logged.complete({ ...done, ...editor });
      },
    },
    reviewAsked: () => checker.pack?.review?.justify === true,
    ask: (question) => panel.ask(question),
    // Unknown settings (no answer, or the policy not read yet) allow no override: policy may forbid it.
    allowOverride: () => settings.overridePermission(),
    reasonWhenUnreadable: () => settings.ready.then(() => settings.known && settings.current.reasonWhenUnreadable),
    notify: (text) => panel.notify('flow', text),
    checked: ({ draft, verdict, findings, decision }) => lastCheck('publish', draft, verdict, findings, decision),
    pack: () =>
      checker.pack ? { id: checker.pack.id, version: checker.pack.version } : { id: 'unknown', version: '0.0.0' },
    strings: { logFailed: t.logFailed, controlGone: t.controlGone },
  };
  const pageKind = (composer?: Composer) => composer?.page ?? watcher.current?.kind ?? 'unknown';

  // The first line: the editor's own publish actions.
  new UiGate(
    adapter,
    () => selectors,
    isOwn,
    async (action: HeldAction) => {
      // Feedback at once, by the control: the editor sees the click was taken.
      // A later step of a publish chain the editor already passed at a control (WeChat's
      // 发表 → 继续发表 when both are gated): the same draft goes on without a second check.
      // The draft is read once, as the editor clicked; the account is added once it is known.
      const clicked = extract(action.composer);
      if (action.via === 'click' && approvals.has(clicked)) {
        action.replay();
        return;
      }
      panel.checking(action.control);
      try {
        // Let the mark paint before the engine takes the main thread (a long draft takes a while).
        await painted();
        const account = clicked.account ?? (await accounts.lookup());
        const result = await runAttempt(
          {
            draft: account ? { ...clicked, account } : clicked,
            page: pageKind(action.composer),
            composer: action.composer,
            origin: 'ui',
            deliverable: action.deliverable,
            reread: () => extract(action.composer),
          },
          flow,
        );
        if (!result.deliver) return;
        approvals.add(result.draft);
        action.replay();
      } finally {
        panel.doneChecking();
      }
    },
  ).install(window, life);

  // When the editor's own click set off a request the first line did not recognise, the network
  // line's check is worded as the ordinary check: it is the editor's publish, not the page's.
  let lastClick = Number.NEGATIVE_INFINITY;
  window.addEventListener(
    'click',
    (e) => {
      if (e.isTrusted && !isOwn(e)) lastClick = performance.now();
    },
    { capture: true, passive: true, signal: life },
  );
  const CLICK_MS = 3000;

  // The second line: publish requests held by the MAIN-world gate.
  link.onHeld(async (request: HeldRequest) => {
    // A request naming a saved draft publishes that draft: it is read back from the platform.
    const read = async () => {
      const held = await readHeldRequest(request, adapter.network, adapter.composers(document, selectors), (id) =>
        loadSavedDraft(adapter.network.savedDraft, id, request, location.href, pageFetchJson),
      );
      if (!accounts.now()) await accounts.lookup();
      return {
        held,
        ...heldDraft(held, { platform: adapter.platform, url: location.href, account: accounts.now(), extract }),
      };
    };
    const { held, draft, page, composer } = await read();
    if (held.unknownEditor) problems.noteUnknownEditor(held.body);
    if (held.read && !held.unreadable && approvals.take(draft)) return { release: true };
    const result = await runAttempt(
      {
        draft,
        page: page ?? pageKind(),
        composer,
        origin: 'network',
        followsClick: performance.now() - lastClick < CLICK_MS,
        deliverable: () => true,
        ...(held.unreadable !== undefined ? { unreadable: held.unreadable } : {}),
        ...(held.fromServer
          ? {
              readSavedAgain: async () => {
                const again = await read();
                if (again.held.unreadable !== undefined) throw new Error(again.held.unreadable);
                return again.draft;
              },
            }
          : {}),
      },
      flow,
    );
    return result.deliver ? { release: true } : { release: false, message: REJECTED };
  });

  checker.onPack((pack) => {
    const resolved = resolveSelectors(adapter.selectors, pack.sites?.[adapter.id], adapter.id);
    selectors = resolved.selectors;
    problems.set('pack', resolved.problems);
    status.update({ pack: { id: pack.id, version: pack.version, name: pack.name } });
  });
  settings.onChange(() => live.refresh());
  // Text typed before the checker was ready is checked as soon as it is.
  checker.onPack(() => live.refresh());
  window.addEventListener('resize', () => panel.reflow(), { passive: true, signal: life });
  checker.start(life);
  settings.start(life);
  reviews.start();
  // 检查当前稿件 from the toolbar popup: the focused composer, else the first that holds text.
  serveTabCommands(() => {
    const all = adapter.composers(document, selectors);
    const active = document.activeElement;
    const composer =
      all.find((c) => active && c.root.contains(active)) ?? all.find((c) => c.surfaces.body.text().trim() !== '');
    if (!composer) return { found: false };
    const draft = extract(composer);
    const report = checker.checkNow(draft);
    if (report) panel.showCheck(composer, draft, report);
    return { found: true };
  }, life);
  ctx.onInvalidated(() => {
    link.close();
    showReloadNotice();
  });

  // The overlay needs a document to live in; mount it once the DOM is there.
  const mount = async () => {
    const ui = await createShadowRootUi(ctx, {
      name: 'govpost-guard',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: (container, shadow, shadowHost) => {
        host = shadowHost;
        panel.attach(shadow);
        render(<Overlay store={store} actions={actions} />, container);
      },
      onRemove: () => host?.shadowRoot && render(null, host.shadowRoot),
    });
    ui.mount();
    live.install(window, life);
    watcher.start(life, (handler, ms) => ctx.setInterval(handler, ms));
  };
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => void mount(), { once: true });
  else void mount();
}
