/**
 * Account activity: when each account last published, and which have been silent for more
 * than N days (第十六条: 对长期不发布的……约谈单位负责人，并公开通报批评).
 */
import { useState } from 'preact/hooks';
import type { LogEntry } from '../../audit/entries';
import { localDateTime } from '../../audit/export-csv';
import { PLATFORM_LABELS, POLICY_UNREADABLE, UPLOAD_STATE_LABELS } from '../../utils/labels';
import type { RetentionRecord } from '../../audit/record';
import { accountActivity, DEFAULT_SILENT_DAYS } from '../../audit/stats';
import type { UploadStatus } from '../../utils/protocol';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Whether the city's collector holds this browser's log too: configured, and uploading (or retrying). */
function collectorSentence(collector: UploadStatus | undefined): { scope: string; advice: string } {
  if (!collector || collector.state === 'off')
    return { scope: '（尚未配置汇聚服务器）', advice: '请合并各处的导出后再下结论' };
  if (collector.state === 'policy-unreadable')
    return { scope: `（${POLICY_UNREADABLE}，不知道是否配置了汇聚服务器）`, advice: '请合并各处的导出后再下结论' };
  const where = `汇聚服务器 ${collector.url ? hostOf(collector.url) : ''}`.trim();
  if (collector.state === 'idle' || collector.state === 'sending' || collector.state === 'retrying')
    return {
      scope: `；本机日志也上传到${where}（${UPLOAD_STATE_LABELS[collector.state]}）`,
      advice: '各电脑的合并统计以汇聚服务器上的统计为准',
    };
  return {
    scope: `；已配置${where}，但目前未上传（${UPLOAD_STATE_LABELS[collector.state]}）`,
    advice: '汇聚服务器上的统计也不含本机近期的发布，请合并各处的导出后再下结论',
  };
}

/** From which date this browser's log starts, plainly. */
function startSentence(props: { logStart?: string; retention?: RetentionRecord; reading: boolean }): string {
  if (props.reading) return '（正在读取全部日志，读完后显示本浏览器的日志从哪一天开始。）';
  if (!props.logStart) return '本浏览器的日志还没有记录。';
  const day = localDateTime(props.logStart).slice(0, 10);
  if (!props.retention) return `本浏览器的日志从 ${day} 开始。`;
  return `本浏览器现存的日志从 ${day} 开始；更早的记录已按 ${props.retention.days} 天的保留期限清理（其中的账号活动汇总仍计入下表）。`;
}

export function Accounts(props: {
  entries: readonly LogEntry[];
  retention: RetentionRecord | undefined;
  /** Time of the oldest record read (ignored while `reading`: only the newest page is in). */
  logStart: string | undefined;
  /** The whole log is still being read. */
  reading: boolean;
  /** Uploads to the city's collector (LogStatus.collector). */
  collector: UploadStatus | undefined;
  onPick(accountKey: string): void;
}) {
  const [days, setDays] = useState(DEFAULT_SILENT_DAYS);
  const rows = accountActivity(props.entries, props.retention, Date.now(), days);
  const silent = rows.filter((r) => r.silent).length;
  const collector = collectorSentence(props.collector);
  return (
    <section class="accounts">
      <p class="scope-note" data-testid="accounts-scope">
        本页只统计<strong>这台电脑上这个浏览器</strong>的审计日志{collector.scope}
        ：同一账号在其他电脑、其他浏览器或手机上的发布不在本页中，“长期不发布”可能是误报，{collector.advice}。
        {startSentence(props)}
      </p>
      <p>
        <label>
          超过
          <input
            type="number"
            name="silentDays"
            min={1}
            max={3650}
            value={days}
            onInput={(e) => setDays(Math.max(1, Number(e.currentTarget.value) || DEFAULT_SILENT_DAYS))}
          />
          天未发布的账号标为「长期不发布」
        </label>
        （默认 14 天：国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》以“监测时间点前 2
        周内无更新”为单项否决；《保定市政务新媒体管理办法》第十六条对长期不发布的约谈通报）。 共 {rows.length}{' '}
        个账号，其中 <strong data-testid="silent-count">{silent}</strong> 个长期不发布。
      </p>
      <table>
        <thead>
          <tr>
            <th>平台</th>
            <th>账号</th>
            <th>最近发布</th>
            <th>最近尝试</th>
            <th>尝试次数</th>
            <th>发布次数</th>
            <th>未发布天数</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} class={r.silent ? 'silent' : ''}>
              <td>{PLATFORM_LABELS[r.platform]}</td>
              <td>
                <button type="button" class="link" onClick={() => props.onPick(r.key)}>
                  {r.name}
                </button>
              </td>
              <td>{r.lastPublish ? localDateTime(r.lastPublish) : '从未发布'}</td>
              <td>{localDateTime(r.lastAttempt)}</td>
              <td>{r.attempts}</td>
              <td>{r.published}</td>
              <td>{r.silentDays}</td>
              <td>{r.silent ? '长期不发布' : '正常'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.retention && (
        <p class="note">已按保留期限清理的记录中的账号活动也计入（保留期记录序号 {props.retention.seq}）。</p>
      )}
    </section>
  );
}
