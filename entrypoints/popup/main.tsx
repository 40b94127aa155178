/**
 * The toolbar popup: for the current tab, whether the guard runs there and on what kind of page,
 * the rule pack in force, the last check's findings, open adapter problems, and a link to the
 * dashboard. `?tab=<id>` names the tab explicitly (used when the popup is opened as a page).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isShown } from '../../rules/engine/types';
import { sendMessage } from '../../utils/messaging';
import type { TabStatus } from '../../utils/protocol';
import { fieldLabel, severityLabel } from '../../guard/strings';
import { DECISION_LABELS, VERDICT_LABELS } from '../../utils/labels';
import './popup.css';

async function currentTab(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function Popup() {
  const [status, setStatus] = useState<TabStatus | null | undefined>(undefined);
  const [pack, setPack] = useState('…');
  useEffect(() => {
    sendMessage('getActivePack', {}).then(
      ({ pack }) => setPack(`${pack.name} ${pack.version}`),
      (e: Error) => setPack(`无法读取规则包：${e.message}`),
    );
    currentTab()
      .then((tabId) => (tabId === undefined ? null : sendMessage('getTabStatus', { tabId })))
      .then(setStatus, () => setStatus(null));
  }, []);
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
          </>
        )}
        <p>当前规则包：{status?.pack ? `${status.pack.name} ${status.pack.version}` : pack}</p>
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
        <section aria-label="最近一次检查">
          <h2>
            最近一次检查（{last.source === 'publish' ? '发布' : '实时'}）：{VERDICT_LABELS[last.verdict]}
            {last.decision ? ` · ${DECISION_LABELS[last.decision]}` : ''}
          </h2>
          {findings.length === 0 ? (
            <p>没有发现问题。</p>
          ) : (
            <ul class="findings">
              {findings.map((f) => (
                <li key={`${f.ruleId}-${f.field}-${f.range[0]}`} class={`sev-${f.severity}`}>
                  <strong>{severityLabel(f.severity as 'block' | 'justify' | 'warn')}</strong>{' '}
                  {f.field === 'body' ? '' : `${fieldLabel(f.field)}：`}「{f.excerpt}」 {f.message}
                  <span class="basis">依据：{f.basis}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p>
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
