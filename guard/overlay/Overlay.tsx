/**
 * Everything the guard draws on a platform page, in one shadow root: underlines and the count
 * badge of live checking (drawn over the editor, never inside it), a located finding's highlight,
 * adapter-problem notices, and the panel.
 */
import { t } from '../strings';
import { Panel, type PanelActions } from './Panel';
import { useStore, type Box, type OverlayState, type Store } from './store';

export interface OverlayActions extends PanelActions {
  openPreview(key: string): void;
  dismissNotice(id: string): void;
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
          title={t.badgeLabel(b.count)}
          onClick={() => actions.openPreview(b.key)}
        >
          {b.count}
        </button>
      ))}
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
