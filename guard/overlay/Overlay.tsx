/**
 * Everything the guard draws on a platform page, in one shadow root: underlines and the count
 * badge of live checking (drawn over the editor, never inside it), the card shown on an
 * underline, the "checking" mark by a held control, a located finding's highlight,
 * adapter-problem notices, and the panel. Nothing here blocks the page: only the guard's own
 * controls take pointer events.
 */
import { t } from '../strings';
import { Panel, type PanelActions } from './Panel';
import { useStore, type Box, type HoverCard, type OverlayState, type Store } from './store';

export interface OverlayActions extends PanelActions {
  openPreview(key: string): void;
  dismissNotice(id: string): void;
  /** Applies the suggestion of a live finding from its card (result key, finding index). */
  applyLive(key: string, index: number): void;
  /** The pointer left the card. */
  leaveCard(): void;
}

const place = (b: Box) => ({ left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` });

export function Overlay({ store, actions }: { store: Store<OverlayState>; actions: OverlayActions }) {
  const s = useStore(store);
  return (
    <>
      {s.marks.map((m) =>
        m.boxes.map((b, i) => (
          <div
            key={`${m.key}-${i}`}
            class={`mark sev-${m.severity}`}
            style={place({ ...b, top: b.top + b.height - 2, height: 2 })}
          />
        )),
      )}
      {s.highlight.map((b, i) => (
        <div key={`h${i}`} class="highlight" style={place(b)} />
      ))}
      {s.badges.map((b) => (
        <button
          key={b.key}
          type="button"
          class={`badge sev-${b.severity}`}
          style={{ left: `${b.left}px`, top: `${b.top}px` }}
          aria-label={t.badgeLabel(b.count)}
          aria-keyshortcuts={t.badgeShortcut}
          title={`${t.badgeLabel(b.count)}（${t.badgeShortcut}）`}
          onClick={() => actions.openPreview(b.key)}
        >
          {b.count}
        </button>
      ))}
      {s.hover && <LiveCard card={s.hover} actions={actions} />}
      {s.checking && (
        <div
          class="checking"
          role="status"
          style={{ left: `${s.checking.box.left}px`, top: `${s.checking.box.top + s.checking.box.height + 4}px` }}
        >
          <span class="spinner" aria-hidden="true" />
          {t.checking}
        </div>
      )}
      {s.notices.length > 0 && (
        <div class="notices" role="alert">
          {s.notices.map((n) => (
            <div key={n.id} class="notice">
              <span>{n.text}</span>
              <button type="button" onClick={() => actions.dismissNotice(n.id)}>
                {t.dismiss}
              </button>
            </div>
          ))}
        </div>
      )}
      {s.panel && <Panel key={s.panel.seq} view={s.panel} actions={actions} />}
    </>
  );
}

/** What, why and the fix of one underlined finding, by the underline. */
function LiveCard({ card, actions }: { card: HoverCard; actions: OverlayActions }) {
  const below = card.box.top + card.box.height + 6;
  const top = below + 140 > window.innerHeight ? Math.max(4, card.box.top - 146) : below;
  return (
    <div
      class="livecard"
      role="tooltip"
      style={{ left: `${Math.min(card.box.left, window.innerWidth - 330)}px`, top: `${top}px` }}
      onMouseLeave={() => actions.leaveCard()}
    >
      <strong>{card.title}</strong>
      <p>{card.message}</p>
      {card.suggestion !== undefined && (
        <button type="button" class="apply" onClick={(e) => e.isTrusted && actions.applyLive(card.key, card.index)}>
          {t.apply}：「{card.suggestion}」
        </button>
      )}
      <button type="button" class="link" onClick={() => actions.openPreview(card.key)}>
        {t.previewTitle}
      </button>
    </div>
  );
}
