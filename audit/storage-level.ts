/**
 * How close the log is to the storage quota, from `navigator.storage.estimate()`. Warned early
 * (80 %, or less than 200 MB left) so that an auditor can export and an admin can set a retention
 * before the critical level (95 %, or 50 MB left), past which a write may fail and the guard would
 * have to block publishing rather than publish unlogged.
 */
import type { StorageLevel } from './record';

export const STORAGE_THRESHOLDS = {
  warning: { ratio: 0.8, freeBytes: 200 * 2 ** 20 },
  critical: { ratio: 0.95, freeBytes: 50 * 2 ** 20 },
} as const;

export interface StorageEstimate {
  usage: number;
  quota: number;
}

export function storageLevel({ usage, quota }: StorageEstimate): StorageLevel {
  if (!(quota > 0)) return 'ok';
  const ratio = usage / quota;
  const free = quota - usage;
  if (ratio >= STORAGE_THRESHOLDS.critical.ratio || free <= STORAGE_THRESHOLDS.critical.freeBytes) return 'critical';
  if (ratio >= STORAGE_THRESHOLDS.warning.ratio || free <= STORAGE_THRESHOLDS.warning.freeBytes) return 'warning';
  return 'ok';
}

function size(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** The warning shown to the editor (guard panel), the auditor (dashboard) and in the badge title. */
export function storageMessage(level: StorageLevel, { usage, quota }: StorageEstimate): string | undefined {
  if (level === 'ok') return undefined;
  const used = `${Math.round((usage / quota) * 100)}%（${size(usage)} / ${size(quota)}）`;
  return level === 'critical'
    ? `审计日志存储空间即将用尽：已用 ${used}。空间用尽后无法记录，发布将被拦截。请立即导出日志，并请管理员设置保留期限或清理磁盘。`
    : `审计日志存储空间已用 ${used}。请审计人员尽快导出日志，并请管理员设置保留期限。`;
}
