/** Chinese labels for pack states and events, shared by the pack components. */
import type { PackEventKind, PackOrigin, UpdateOutcome } from '../../pack-trust/status';

export const ORIGIN_LABELS: Record<PackOrigin, string> = {
  bundled: '扩展内置',
  policy: '策略地址',
  import: '手动导入',
};

export const EVENT_LABELS: Record<PackEventKind, string> = {
  activated: '启用',
  refused: '拒绝',
  'rolled-back': '回滚',
  'fetch-failed': '获取失败',
};

export const OUTCOME_LABELS: Record<UpdateOutcome, string> = {
  'no-url': '策略未设置规则包地址',
  'not-modified': '服务器上的规则包未变化（304）',
  unchanged: '服务器上的规则包未变化',
  current: '已是当前启用的规则包',
  activated: '已启用新规则包',
  refused: '新规则包被拒绝',
  failed: '获取失败，继续使用当前规则包',
};

export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}
