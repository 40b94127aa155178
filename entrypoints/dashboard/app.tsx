/**
 * The extension's own page for auditors and admins: status, filters, table and detail, charts,
 * accounts, events, settings, export, and the rule packs (admins). `dashboard.html#<tab>` opens a tab.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LogEntry } from '../../audit/entries';
import { filterEntries } from '../../audit/filter';
import { PLATFORM_LABELS } from '../../utils/labels';
import type { ChainReport } from '../../audit/verify';
import { chainVerdict } from '../../audit/chain-verdict';
import type { ChainAtAnchor } from '../../audit/anchor';
import { chainAtSeqs, openLogDb, type LogDb } from '../../audit/db';
import { PackAdmin } from '../../components/packs/PackAdmin';
import { sendMessage } from '../../utils/messaging';
import type { LogStatus } from '../../utils/protocol';
import { Accounts } from './accounts';
import { Charts } from './charts';
import { EntryDetail } from './detail';
import { Events } from './events';
import { ExportBar } from './export-bar';
import { EMPTY_FORM, Filters, toLogFilter, type FilterForm } from './filters';
import { parseRoute, routeHash, TABS, type Route, type Tab } from './route';
import { loadLog, type LoadedLog } from './load';
import { SettingsPanel } from './settings-panel';
import { StatusBar } from './status-bar';
import { EntryTable } from './table';

const TAB_LABELS: Record<Tab, string> = {
  records: '记录',
  charts: '图表',
  accounts: '账号活跃度',
  events: '事件',
  settings: '设置',
  packs: '规则包',
};

const POLL_MS = 3_000;

/** The background's status, with what the chain holds at each of its anchors, read after it. */
interface StatusView {
  status: LogStatus;
  at: Map<number, ChainAtAnchor>;
}

/**
 * Asks the background first (which also lets it open, and after an update migrate, the database),
 * then reads the chain at its anchors: they are written after their records are committed, so the
 * chain read after them holds at least as much (audit/chain-verdict.ts).
 */
async function readStatus(db: LogDb): Promise<StatusView | undefined> {
  const status = await sendMessage('getLogStatus', {}).catch(() => undefined);
  if (!status) return undefined;
  const seqs = status.anchors.map((a) => a.seq);
  return { status, at: await chainAtSeqs(db, seqs) };
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function App() {
  const db = useMemo(() => openLogDb(), []);
  const log = useRef<LoadedLog>();
  const [version, setVersion] = useState(0);
  const [progress, setProgress] = useState<{ loaded: number; total: number }>({ loaded: 0, total: 0 });
  const [checked, setChecked] = useState<{ verified: number; total: number; full: boolean }>();
  /** A full re-verification asked for from the status bar is running. */
  const [fullCheck, setFullCheck] = useState(false);
  const [report, setReport] = useState<ChainReport>();
  const [failure, setFailure] = useState<string>();
  const [statusView, setStatusView] = useState<StatusView>();
  const status: LogStatus | undefined = statusView?.status;
  const [persisted, setPersisted] = useState<boolean>();
  // The address is the view: tab and filters (route.ts), so a view can be bookmarked and shared.
  const [route, setRouteState] = useState<Route>(() => parseRoute(location.hash));
  const { tab, form } = route;
  const setRoute = (next: Route) => {
    const hash = routeHash(next);
    if (hash !== location.hash) history.replaceState(null, '', hash);
    setRouteState(next);
  };
  const setTab = (t: Tab) => setRoute({ ...route, tab: t });
  const setForm = (f: FilterForm) => setRoute({ ...route, form: f });
  useEffect(() => {
    // A pasted or edited address, or the browser's back and forward.
    const onHash = () => setRouteState(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const text = useDebounced(form.text, 200);
  const [selected, setSelected] = useState<LogEntry>();
  const busy = useRef(false);

  const load = useCallback(async () => {
    busy.current = true;
    try {
      const next = await readStatus(db);
      setReport(undefined);
      setChecked(undefined);
      setFullCheck(false);
      log.current?.close();
      log.current = await loadLog(db, {
        onRead: (loaded, total) => setProgress({ loaded, total }),
        onComplete: () => setVersion((v) => v + 1),
        onVerified: (verified, total, full) => setChecked({ verified, total, full }),
        onVerdict: (r, full) => {
          setReport(r);
          if (full) setFullCheck(false);
        },
        onFailure: setFailure,
      });
      setStatusView(next);
      setVersion((v) => v + 1);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      busy.current = false;
    }
  }, [db]);

  useEffect(() => {
    void navigator.storage?.persist?.().then(setPersisted, () => setPersisted(false));
    void load();
    const poll = async () => {
      if (busy.current || !log.current) return;
      busy.current = true;
      try {
        const current = log.current;
        // The status, with the chain read at its anchors right after it (readStatus). It also
        // brings the upload state, and is shown with the records read next.
        const next = await readStatus(db);
        const change = await current.refresh();
        if (next) setStatusView(next);
        busy.current = false;
        if (change === 'reload') await load();
        else if (change === 'more') {
          setVersion((v) => v + 1);
          current.verify();
        }
      } finally {
        busy.current = false;
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      clearInterval(timer);
      log.current?.close();
    };
  }, [load, db]);

  const filter = useMemo(() => toLogFilter({ ...form, text }), [form, text]);
  const model = log.current?.model;
  // Whether the whole log is read: each change of it is followed by a `version` bump, so a render.
  const complete = log.current?.complete ?? false;
  // The loaded model's entries grow in place as the log is read and polled; `version` counts those
  // changes, so the memos below that read the entries list it although they do not read it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version: see above
  const rows = useMemo(() => (model ? filterEntries(model.entries, filter).reverse() : []), [model, version, filter]);
  const accounts = useMemo(() => {
    const seen = new Map<string, string>();
    for (const e of model?.entries ?? []) {
      const a = e.attempt;
      if (e.account && a.account) seen.set(e.account, `${a.account.name}（${PLATFORM_LABELS[a.platform]}）`);
    }
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: see above
  }, [model, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version: see above
  const rules = useMemo(() => [...new Set((model?.entries ?? []).flatMap((e) => e.rules))].sort(), [model, version]);
  // The chain's own verdict and its anchors': "链完整" only when both agree. readStatus read the
  // chain at every anchor of the status it brought.
  const verdict = useMemo(
    () =>
      report &&
      chainVerdict(report, statusView?.status.anchorBreaks ?? [], statusView?.status.anchors ?? [], (seq) =>
        statusView!.at.get(seq)!,
      ),
    [report, statusView],
  );
  const broken = useMemo(() => {
    const seqs = new Set<number>();
    for (const b of report?.broken ?? []) {
      seqs.add(b.seq);
      if (b.kind === 'link') seqs.add(b.seq - 1);
    }
    return seqs;
  }, [report]);

  // The detail pane follows the filters: an entry the filters no longer show is closed.
  const selectedShown = useMemo(
    () => selected !== undefined && rows.some((e) => e.attempt.attempt === selected.attempt.attempt),
    [rows, selected],
  );

  useEffect(() => {
    if (model) performance.mark('govpost-table-shown'); // for bench/audit-browser.ts
  }, [model]);

  const nav = (
    <nav role="tablist">
      {TABS.map((id) => (
        <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
          {TAB_LABELS[id]}
        </button>
      ))}
    </nav>
  );

  // The packs tab does not need the log: an admin can work on packs while a large log still loads.
  if (!model || tab === 'packs') {
    return (
      <main class={model ? undefined : 'loading'}>
        <h1>{tab === 'packs' ? '规则包管理' : '审计日志'}</h1>
        {nav}
        {tab === 'packs' ? (
          <PackAdmin />
        ) : failure ? (
          <p class="error">无法读取日志：{failure}</p>
        ) : (
          <>
            <p>
              正在读取日志… {progress.loaded} / {progress.total}
            </p>
            <progress max={Math.max(1, progress.total)} value={progress.loaded} />
          </>
        )}
      </main>
    );
  }

  return (
    <main>
      <header>
        <h1>
          审计日志 <small>Audit log</small>
        </h1>
        <StatusBar
          model={model}
          complete={complete}
          read={progress}
          verdict={verdict}
          checked={checked}
          fullCheck={fullCheck}
          onFullCheck={() => {
            setFullCheck(true);
            setChecked(undefined);
            log.current?.verify(true);
          }}
          status={status}
          persisted={persisted}
        />
      </header>
      {nav}
      {failure && <p class="error">{failure}</p>}
      {!complete && (
        <p class="reading" data-testid="reading-rest">
          正在读取全部记录（{progress.loaded} / {progress.total}）：表格先显示最近的 {model.entries.length}{' '}
          条发布尝试；筛选、计数、图表、账号活跃度和导出在读取完成后覆盖全部日志。
          <progress max={Math.max(1, progress.total)} value={progress.loaded} />
        </p>
      )}
      {(tab === 'records' || tab === 'charts') && (
        <>
          <Filters form={form} accounts={accounts} rules={rules} onChange={setForm} />
          <ExportBar
            model={model}
            filter={filter}
            rows={rows}
            report={report}
            anchors={verdict?.anchors}
            complete={complete}
            onBusy={(b) => (busy.current = b)}
            onFailure={setFailure}
          />
        </>
      )}
      {tab === 'records' && (
        <div class={`records ${selectedShown ? 'with-detail' : ''}`}>
          <EntryTable
            rows={rows}
            filterKey={JSON.stringify(filter)}
            selected={selected?.attempt.attempt}
            broken={report ? broken : undefined}
            onSelect={setSelected}
          />
          {selected && selectedShown && (
            <EntryDetail
              entry={model.entry(selected.attempt.attempt) ?? selected}
              report={report}
              onClose={() => setSelected(undefined)}
            />
          )}
        </div>
      )}
      {tab === 'charts' && <Charts entries={rows} />}
      {tab === 'accounts' && (
        <Accounts
          entries={model.entries}
          retention={model.retention}
          logStart={model.records[0]?.time}
          reading={!complete}
          collector={status?.collector}
          onPick={(account) => setRoute({ tab: 'records', form: { ...EMPTY_FORM, account } })}
        />
      )}
      {tab === 'events' && <Events notices={model.notices} retention={model.retention} />}
      {tab === 'settings' && <SettingsPanel />}
    </main>
  );
}
