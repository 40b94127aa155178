/**
 * The extension's own page for auditors and admins: status, filters, table and detail, charts,
 * accounts, events, settings, export, and the rule packs (admins). `dashboard.html#<tab>` opens a tab.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LogEntry } from '../../audit/entries';
import { filterEntries } from '../../audit/filter';
import { PLATFORM_LABELS } from '../../utils/labels';
import type { ChainReport } from '../../audit/verify';
import { chainAtInRecords, chainVerdict } from '../../audit/chain-verdict';
import { openLogDb } from '../../audit/db';
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
  const [checked, setChecked] = useState<{ verified: number; total: number }>({ verified: 0, total: 0 });
  const [report, setReport] = useState<ChainReport>();
  const [failure, setFailure] = useState<string>();
  const [status, setStatus] = useState<LogStatus>();
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
      // Asking the background first also lets it open (and, after an update, migrate) the database.
      // Its anchors are compared with the records read after it (audit/chain-verdict.ts).
      const next = await sendMessage('getLogStatus', {}).catch(() => undefined);
      setReport(undefined);
      log.current?.close();
      log.current = await loadLog(db, {
        onRead: (loaded, total) => setProgress({ loaded, total }),
        onVerified: (verified, total) => setChecked({ verified, total }),
        onVerdict: setReport,
        onFailure: setFailure,
      });
      setStatus(next);
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
        // The status first: the anchors it names were written after their records, so the records
        // read next include them (audit/chain-verdict.ts). It also brings the upload state.
        // Set only once the records are read, so no render compares them with newer anchors.
        const next = await sendMessage('getLogStatus', {}).catch(() => undefined);
        const change = await current.refresh();
        if (next) setStatus(next);
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
  }, [load]);

  const filter = useMemo(() => toLogFilter({ ...form, text }), [form, text]);
  const model = log.current?.model;
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
  // The chain's own verdict and its anchors': "链完整" only when both agree.
  const verdict = useMemo(
    () =>
      report &&
      model &&
      chainVerdict(report, status?.anchorBreaks ?? [], status?.anchors ?? [], (seq) =>
        chainAtInRecords(model.records, model.retention, seq),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: see above
    [report, status, model, version],
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

  const complete = true;

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
        <StatusBar model={model} verdict={verdict} checked={checked} status={status} persisted={persisted} />
      </header>
      {nav}
      {failure && <p class="error">{failure}</p>}
      {(tab === 'records' || tab === 'charts') && (
        <>
          <Filters form={form} accounts={accounts} rules={rules} onChange={setForm} />
          <ExportBar
            model={model}
            filter={filter}
            rows={rows}
            report={report}
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
          onPick={(account) => setRoute({ tab: 'records', form: { ...EMPTY_FORM, account } })}
        />
      )}
      {tab === 'events' && <Events notices={model.notices} retention={model.retention} />}
      {tab === 'settings' && <SettingsPanel />}
    </main>
  );
}
