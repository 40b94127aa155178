/**
 * Uploads of the log to the city's collector (汇聚服务器), as the background's uploader reports
 * them: whether they work, how many records wait, the last success and error, the next retry. An
 * auditor reading this browser's log learns whether the city's copy is current.
 */
import { localDateTime } from '../../audit/export-csv';
import { UPLOAD_STATE_LABELS, UPLOAD_TROUBLE } from '../../utils/labels';
import type { UploadStatus } from '../../utils/protocol';

export function CollectorStatus({ upload }: { upload: UploadStatus }) {
  const parts: string[] = [];
  // Off, or the policy not read: nothing is queued for a collector that may not exist.
  if (upload.state !== 'off' && upload.state !== 'policy-unreadable') {
    if (upload.unit) parts.push(`单位：${upload.unit}`);
    parts.push(`待上传 ${upload.pending} 条`);
    parts.push(upload.lastSuccess ? `上次成功 ${localDateTime(upload.lastSuccess)}` : '尚未成功上传过');
    if (upload.nextAttempt) parts.push(`下次重试 ${localDateTime(upload.nextAttempt)}`);
    if (upload.lastError) parts.push(`最近错误：${upload.lastError}`);
    if (upload.refused)
      parts.push(
        `被拒收 ${upload.refused} 条（保留在本机，不再重发${upload.lastRefused ? `；最近：${upload.lastRefused}` : ''}）`,
      );
  }
  return (
    <p
      class={UPLOAD_TROUBLE.has(upload.state) || upload.refused ? 'warn' : undefined}
      data-testid="collector-status"
      data-state={upload.state}
      title={upload.url ? `汇聚服务器 ${upload.url}${upload.deviceId ? `，设备 ${upload.deviceId}` : ''}` : undefined}
    >
      上传到汇聚服务器：<strong>{UPLOAD_STATE_LABELS[upload.state]}</strong>
      {parts.length > 0 && `；${parts.join('；')}`}
    </p>
  );
}
