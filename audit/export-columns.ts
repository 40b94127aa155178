/**
 * The columns of the table exports (CSV and Excel), each with its type, so the Excel export can
 * write text as text, numbers as numbers and times as dates, while the CSV writes them all as
 * text. Names are Chinese (utils/labels.ts); ids only as secondary columns (规则ID). Personal
 * data is masked here too (audit/mask.ts), so a log written before masking existed leaves the
 * browser masked, unless the policy asks for full text.
 */
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  KIND_LABELS,
  PLATFORM_LABELS,
  REVIEW_LABELS,
  ruleLabel,
  VERDICT_LABELS,
} from '../utils/labels';
import { REVIEW_GATES } from '../utils/protocol';
import { editorOf, type LogEntry } from './entries';
import { maskPersonalData } from './mask';
import type { LoggedFinding } from './record';

export type ColumnType = 'text' | 'number' | 'datetime';

/** An entry as exported: its text fields after masking. */
export interface ExportRow {
  entry: LogEntry;
  title?: string;
  text?: string;
  findings: readonly LoggedFinding[];
}

export interface ExportColumn {
  header: string;
  type: ColumnType;
  /** Width in Excel's character units. */
  width: number;
  /** Text, a number, or for `datetime` an ISO time. */
  value(row: ExportRow): string | number | undefined;
}

export function exportRow(entry: LogEntry, mask: boolean): ExportRow {
  const a = entry.attempt;
  if (!mask) return { entry, title: a.title, text: a.text, findings: a.findings };
  const masked = maskPersonalData({ title: a.title, text: a.text, findings: a.findings });
  return { entry, title: masked.title, text: masked.text, findings: masked.findings };
}

const HASH_ONLY = '（仅存哈希）';

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: '序号', type: 'number', width: 8, value: (r) => r.entry.attempt.seq },
  { header: '时间', type: 'datetime', width: 19, value: (r) => r.entry.attempt.time },
  { header: '平台', type: 'text', width: 10, value: (r) => PLATFORM_LABELS[r.entry.attempt.platform] },
  { header: '类型', type: 'text', width: 6, value: (r) => KIND_LABELS[r.entry.attempt.kind] },
  { header: '账号', type: 'text', width: 16, value: (r) => r.entry.attempt.account?.name },
  { header: '编辑', type: 'text', width: 8, value: (r) => editorOf(r.entry).name },
  { header: '单位', type: 'text', width: 16, value: (r) => editorOf(r.entry).unit },
  { header: '检查结论', type: 'text', width: 10, value: (r) => VERDICT_LABELS[r.entry.attempt.verdict] },
  { header: '处理结果', type: 'text', width: 10, value: (r) => DECISION_LABELS[r.entry.decision] },
  { header: '发布理由', type: 'text', width: 24, value: (r) => r.entry.outcome?.reason },
  // The 三审 record (where the pack asked for it): who passed each 关.
  ...REVIEW_GATES.map((gate): ExportColumn => ({
    header: REVIEW_LABELS[gate],
    type: 'text',
    width: 8,
    value: (r) => r.entry.outcome?.review?.[gate],
  })),
  { header: '完成时间', type: 'datetime', width: 19, value: (r) => r.entry.outcome?.time },
  {
    header: '问题类别',
    type: 'text',
    width: 16,
    value: (r) => r.entry.categories.map((c) => CATEGORY_LABELS[c]).join('；'),
  },
  {
    header: '规则',
    type: 'text',
    width: 20,
    value: (r) => r.entry.rules.map((id) => ruleLabel(id, findingCategory(r, id))).join('；'),
  },
  {
    header: '发现',
    type: 'text',
    width: 30,
    value: (r) =>
      r.findings
        .map((f) => (f.excerpt ? `${ruleLabel(f.ruleId, f.category)}：${f.excerpt}` : ruleLabel(f.ruleId, f.category)))
        .join('；'),
  },
  { header: '标题', type: 'text', width: 24, value: (r) => r.title },
  { header: '正文', type: 'text', width: 48, value: (r) => r.text ?? HASH_ONLY },
  { header: '字数', type: 'number', width: 6, value: (r) => r.entry.attempt.textLength },
  { header: '网址', type: 'text', width: 30, value: (r) => r.entry.attempt.url },
  { header: '页面', type: 'text', width: 12, value: (r) => r.entry.attempt.page },
  { header: '账号ID', type: 'text', width: 14, value: (r) => r.entry.attempt.account?.id },
  { header: '规则ID', type: 'text', width: 24, value: (r) => r.entry.rules.join('；') },
  { header: '规则包', type: 'text', width: 16, value: (r) => r.entry.attempt.pack.id },
  { header: '规则包版本', type: 'text', width: 10, value: (r) => r.entry.attempt.pack.version },
  { header: '扩展版本', type: 'text', width: 10, value: (r) => r.entry.attempt.extension },
  { header: '正文SHA-256', type: 'text', width: 20, value: (r) => r.entry.attempt.textSha256 },
  { header: '记录哈希', type: 'text', width: 20, value: (r) => r.entry.attempt.hash },
  { header: '结果记录哈希', type: 'text', width: 20, value: (r) => r.entry.outcome?.hash },
];

function findingCategory(r: ExportRow, ruleId: string) {
  return r.findings.find((f) => f.ruleId === ruleId)?.category;
}
