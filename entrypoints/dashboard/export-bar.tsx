/**
 * The row count of the filtered set and its exports: Excel (.xlsx) and CSV written in a worker,
 * JSON Lines with the chain written on the page; each with progress, and what the file states.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AnchorCheck } from '../../audit/anchor';
import type { LogEntry, LogModel } from '../../audit/entries';
import { localDateTime } from '../../audit/export-csv';
import type { LogFilter } from '../../audit/filter';
import type { ChainReport } from '../../audit/verify';
import { sendMessage } from '../../utils/messaging';
import { exportEntries, exportTable, saveMeta, type ExportFormat, type ExportResult } from './export-file';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: '导出 Excel（.xlsx）',
  csv: '导出 CSV',
  jsonl: '导出 JSON Lines（含哈希链）',
};

export function ExportBar(props: {
  model: LogModel;
  filter: LogFilter;
  /** The filtered entries, newest first (as the table shows them). */
  rows: readonly LogEntry[];
  /** Absent while the chain is being verified: an export must state its verdict. */
  report?: ChainReport;
  /** The head checked against its copies outside the log, stated beside the chain's verdict. */
  anchors?: AnchorCheck;
  /** False while older records are still being read: an export must hold the whole selection. */
  complete: boolean;
  /** Polling pauses while an export runs, so the file is one snapshot. */
  onBusy(busy: boolean): void;
  onFailure(message: string): void;
}) {
  const [exporting, setExporting] = useState<{ format: ExportFormat; share: number; phase?: string }>();
  const [exported, setExported] = useState<ExportResult>();
  /** Personal data is masked in exports unless the policy asks for full text. */
  const [mask, setMask] = useState(true);
  useEffect(() => {
    sendMessage('getSettings', {}).then(
      (s) => setMask(s.settings.logPersonalData !== 'full'),
      () => setMask(true),
    );
  }, []);

  async function run(format: ExportFormat) {
    if (!props.report || exporting || !props.complete) return;
    setExporting({ format, share: 0 });
    setExported(undefined);
    props.onBusy(true);
    try {
      const version = browser.runtime.getManifest().version;
      if (format === 'jsonl') {
        const inChainOrder = props.rows.slice().reverse();
        setExported(
          await exportEntries(
            format,
            props.model,
            props.filter,
            inChainOrder,
            { ...props.report, anchors: props.anchors },
            version,
            (share) => setExporting({ format, share }),
          ),
        );
      } else {
        const first = props.report.broken[0];
        setExported(
          await exportTable(
            {
              format,
              filter: props.filter,
              through: props.model.head?.seq ?? 0,
              chain: { ok: props.report.ok, broken: first ? [first] : [], anchors: props.anchors },
              extension: version,
              mask,
            },
            (share, phase) => setExporting({ format, share, phase: phase === 'read' ? '读取日志' : '写入文件' }),
          ),
        );
      }
    } catch (e) {
      props.onFailure(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      props.onBusy(false);
      setExporting(undefined);
    }
  }

  const disabled = Boolean(exporting) || !props.report || !props.complete;
  const title = !props.complete ? '日志读取完成后可导出' : props.report ? '' : '校验完成后可导出';
  const s = exported?.statement;
  return (
    <div class="export">
      <span>
        筛选结果 <strong data-testid="row-count">{props.rows.length}</strong> 条
      </span>
      {(['xlsx', 'csv', 'jsonl'] as const).map((format) => (
        <button key={format} type="button" disabled={disabled} title={title} onClick={() => void run(format)}>
          {FORMAT_LABELS[format]}
        </button>
      ))}
      {exporting && (
        <span class="exporting" role="status" aria-live="polite">
          {FORMAT_LABELS[exporting.format]}：{exporting.phase ?? '写入文件'}{' '}
          <progress aria-label="导出进度" max={1} value={exporting.share} /> {Math.round(exporting.share * 100)}%
        </span>
      )}
      {exported && s && !exporting && (
        <span class="exported" role="status">
          已导出 {exported.fileName}：{s.count} 条，时间范围 {localDateTime(s.first ?? undefined) || '无'} 至{' '}
          {localDateTime(s.last ?? undefined) || '无'}，链头哈希 <code>{s.head?.hash ?? '（空）'}</code>
          {exported.meta && (
            <>
              {' '}
              <button type="button" class="link" onClick={() => saveMeta(exported.meta!)}>
                下载导出说明（JSON）
              </button>
            </>
          )}
        </span>
      )}
    </div>
  );
}
