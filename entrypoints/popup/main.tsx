/**
 * The toolbar popup: for the current tab, whether the guard runs there and on what kind of page,
 * the rule pack in force, the last check's findings, open adapter problems, and a link to the
 * dashboard. `?tab=<id>` names the tab explicitly (used when the popup is opened as a page).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isShown } from '../../rules/engine/types';
import type { CheckNowAnswer, TabCommand } from '../../guard/tab-commands';
import { within } from '../../utils/bounded';
import { sendMessage, type Answer } from '../../utils/messaging';
import type { TabStatus, UploadStatus } from '../../utils/protocol';
import { groupFindings } from '../../guard/overlay/cards';
import { severityLabel } from '../../guard/strings';
import {
  DECISION_LABELS,
  POLICY_UNREADABLE_ADVICE,
  UPLOAD_STATE_LABELS,
  UPLOAD_TROUBLE,
  VERDICT_LABELS,
} from '../../utils/labels';
import './popup.css';

async function currentTab(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

type Settings = Answer<'getSettings'>;
const UPLOAD_REFRESH_MS = 2000;

/** One line on uploads to the city's collector, where the policy names one (details on the dashboard). */
function CollectorLine({ upload }: { upload: UploadStatus }) {
  // The policy not read: nothing is queued for a collector that may not exist.
  const parts = upload.state === 'policy-unreadable' ? [] : [`待上传 ${upload.pending} 条`];
  if (upload.refused) parts.push(`被拒收 ${upload.refused} 条`);
  return (
    <p
      class={UPLOAD_TROUBLE.has(upload.state) || upload.refused ? 'warn' : undefined}
      data-testid="collector-line"
      data-state={upload.state}
    >
      上传到汇聚服务器：<strong>{UPLOAD_STATE_LABELS[upload.state]}</strong>
      {parts.length > 0 && `；${parts.join('；')}`}
    </p>
  );
}

function Popup() {
  const [status, setStatus] = useState<TabStatus | null | undefined>(undefined);
  const [pack, setPack] = useState('…');
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [checkNote, setCheckNote] = useState('');
  const [upload, setUpload] = useState<UploadStatus | undefined>(undefined);
  useEffect(() => {
    // Uploads move while the popup is open (the first try runs a few seconds after the
    // background starts, which opening the popup may have caused): ask again every few seconds.
    const readUploads = () =>
      void sendMessage('getUploadStatus', {}).then(
        (collector) => setUpload(collector),
        () => setUpload(undefined),
      );
    readUploads();
    const uploads = setInterval(readUploads, UPLOAD_REFRESH_MS);
    sendMessage('getActivePack', {}).then(
      ({ pack }) => setPack(`${pack.name} ${pack.version}`),
      (e: Error) => setPack(`无法读取规则包：${e.message}`),
    );
    sendMessage('getSettings', {}).then(setSettings, () => setSettings(null));
    currentTab()
      .then((id) => {
        setTabId(id);
        return id === undefined ? null : sendMessage('getTabStatus', { tabId: id });
      })
      .then(setStatus, () => setStatus(null));
    return () => clearInterval(uploads);
  }, []);
  const checkNow = async () => {
    if (tabId === undefined) return;
    setCheckNote('正在检查…');
    try {
      const answer = await within<CheckNowAnswer | undefined>(
        browser.tabs.sendMessage(tabId, { govpostTab: 'checkNow' } satisfies TabCommand),
        3000,
        '本页的发布守卫',
      );
      if (!answer?.found) setCheckNote('本页没有可以检查的稿件。');
      else {
        setCheckNote('已在页面上打开检查结果。');
        window.close();
      }
    } catch (e) {
      setCheckNote(`无法检查：${e instanceof Error ? e.message : String(e)}。请刷新页面后重试。`);
    }
  };
  const platform = status?.platform;
  const live = platform && settings ? settings.settings.liveCheck[platform] !== false : undefined;
  const liveLocked = settings?.locked.liveCheck === true;
  const toggleLive = async () => {
    if (!platform || live === undefined || liveLocked) return;
    const next = await sendMessage('saveSettings', { liveCheck: { [platform]: !live } }).catch(() => null);
    if (next) setSettings(next);
  };
  const open = (page: string) => (e: Event) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(page) });
  };
  const last = status?.lastCheck;
  const findings = last?.findings.filter(isShown) ?? [];
  return (
    <main>
      <h1>政务新媒体发布前合规守卫</h1>
      <section aria-label="本页状态">
        {status === undefined ? (
          <p>正在读取本页状态…</p>
        ) : status === null ? (
          <p class="off">本页不受保护：不是受支持的平台页面。</p>
        ) : (
          <>
            <p class={status.page ? 'on' : 'off'}>
              {status.page
                ? `本页受保护：${status.adapter.label} · ${status.pageLabel ?? status.page}`
                : `${status.adapter.label}：本页没有需要检查的发布框`}
            </p>
            {!status.networkGate && <p class="warn">网络闸门未就绪：页面脚本可能绕过按钮直接发布。</p>}
            {status.page && (
              <div class="tools">
                <button type="button" class="primary" onClick={() => void checkNow()}>
                  检查当前稿件
                </button>
                {live !== undefined && (
                  <label class={liveLocked ? 'locked' : ''}>
                    <input type="checkbox" checked={!live} disabled={liveLocked} onChange={() => void toggleLive()} />在
                    {status.adapter.label}暂停实时检查{liveLocked ? '（由管理员策略设定）' : ''}
                  </label>
                )}
                {checkNote && <p role="status">{checkNote}</p>}
              </div>
            )}
          </>
        )}
        <p>当前规则包：{status?.pack ? `${status.pack.name} ${status.pack.version}` : pack}</p>
        {settings?.policyUnreadable && (
          <p class="warn" data-testid="policy-unreadable">
            {POLICY_UNREADABLE_ADVICE}
          </p>
        )}
        {upload && upload.state !== 'off' && <CollectorLine upload={upload} />}
      </section>
      {status && status.problems.length > 0 && (
        <section class="problems" aria-label="适配问题">
          <h2>页面可能已改版</h2>
          <ul>
            {status.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      {last && (
        <section aria-label="最近一次检查" class="last">
          <h2>
            最近一次检查（{last.source === 'publish' ? '发布' : '实时'}）：{VERDICT_LABELS[last.verdict]}
            {last.decision ? ` · ${DECISION_LABELS[last.decision]}` : ''}
          </h2>
          {findings.length === 0 ? (
            <p>没有发现问题。</p>
          ) : (
            <ul class="findings">
              {groupFindings(findings, {}).map((card) => (
                <li key={card.key} class={`sev-${card.severity}`}>
                  <strong>{severityLabel(card.severity)}</strong> {card.title} · {card.places.join('、')}：
                  {card.terms.map((term) => `「${term}」`).join('')}
                  <span class="basis">依据：{card.basis}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p class="links">
        <a href={browser.runtime.getURL('/dashboard.html')} onClick={open('/dashboard.html')}>
          打开审计页面（发布日志）
        </a>
        {' · '}
        <a href={browser.runtime.getURL('/dashboard.html#packs')} onClick={open('/dashboard.html#packs')}>
          规则包管理
        </a>
      </p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
