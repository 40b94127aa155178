/** The row count of the filtered set and its export, with progress and what the file states. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { LogEntry, LogModel } from '../../audit/entries';
import { localDateTime } from '../../audit/export-csv';
import type { LogFilter } from '../../audit/filter';
import type { ChainReport } from '../../audit/verify';
import { exportEntries, type ExportFormat, type ExportResult } from './export-file';

export function ExportBar(props: {
  model: LogModel;
  filter: LogFilter;
  /** The filtered entries, newest first (as the table shows them). */
  rows: readonly LogEntry[];
  /** Absent while the chain is being verified: an export must state its verdict. */
  report?: ChainReport;
  /** Polling pauses while an export runs, so the file is one snapshot. */
  onBusy(busy: boolean): void;
  onFailure(message: string): void;
}) {
  const [exporting, setExporting] = useState<{ format: ExportFormat; share: number }>();
  const [exported, setExported] = useState<ExportResult>();

  async function run(format: ExportFormat) {
    if (!props.report || exporting) return;
    setExporting({ format, share: 0 });
    props.onBusy(true);
    try {
      const inChainOrder = props.rows.slice().reverse();
      const version = browser.runtime.getManifest().version;
      setExported(
        await exportEntries(format, props.model, props.filter, inChainOrder, props.report, version, (share) =>
          setExporting({ format, share }),
        ),
      );
    } catch (e) {
      props.onFailure(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      props.onBusy(false);
      setExporting(undefined);
    }
  }

  const disabled = Boolean(exporting) || !props.report;
  const title = props.report ? '' : '校验完成后可导出';
  const s = exported?.plan.statement;
  return (
    <div class="export">
      <span>
        筛选结果 <strong data-testid="row-count">{props.rows.length}</strong> 条
      </span>
      <button type="button" disabled={disabled} title={title} onClick={() => void run('csv')}>
        导出 CSV（Excel/WPS）
      </button>
      <button type="button" disabled={disabled} title={title} onClick={() => void run('jsonl')}>
        导出 JSON Lines（含哈希链）
      </button>
      {exporting && <progress aria-label="导出进度" max={1} value={exporting.share} />}
      {exported && s && !exporting && (
        <span class="exported" role="status">
          已导出 {exported.fileName}：{s.count} 条，时间范围 {localDateTime(s.first ?? undefined) || '无'} 至{' '}
          {localDateTime(s.last ?? undefined) || '无'}，链头哈希 <code>{s.head?.hash ?? '（空）'}</code>
        </span>
      )}
    </div>
  );
}
