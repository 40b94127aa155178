/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both read the file as GBK and
 * the Chinese turns to mojibake), CRLF line ends, every cell quoted, and formulas neutralised —
 * a cell that begins with = + - @, a tab or a carriage return gets a leading apostrophe, so a post
 * that says "=HYPERLINK(…)" stays text (CSV injection, OWASP).
 *
 * The first row states what the file holds (count, time range, the chain's head, its check);
 * the column headers follow on the second row.
 */
import type { LogEntry } from './entries';
import { CATEGORY_LABELS, DECISION_LABELS, KIND_LABELS, PLATFORM_LABELS, VERDICT_LABELS } from './labels';

export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly (string | number | undefined | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Local date and time, as Excel recognises it: 2026-03-01 16:00:05. */
export function localDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

interface Column {
  header: string;
  value(e: LogEntry): string | number | undefined;
}

export const CSV_COLUMNS: readonly Column[] = [
  { header: '序号', value: (e) => e.attempt.seq },
  { header: '时间', value: (e) => localDateTime(e.attempt.time) },
  { header: '平台', value: (e) => PLATFORM_LABELS[e.attempt.platform] },
  { header: '类型', value: (e) => KIND_LABELS[e.attempt.kind] },
  { header: '页面', value: (e) => e.attempt.page },
  { header: '账号', value: (e) => e.attempt.account?.name },
  { header: '账号ID', value: (e) => e.attempt.account?.id },
  { header: '网址', value: (e) => e.attempt.url },
  { header: '标题', value: (e) => e.attempt.title },
  { header: '正文', value: (e) => e.attempt.text ?? '（仅存哈希）' },
  { header: '正文SHA-256', value: (e) => e.attempt.textSha256 },
  { header: '字数', value: (e) => e.attempt.textLength },
  { header: '检查结论', value: (e) => VERDICT_LABELS[e.attempt.verdict] },
  { header: '处理结果', value: (e) => DECISION_LABELS[e.decision] },
  { header: '发布理由', value: (e) => e.outcome?.reason },
  { header: '完成时间', value: (e) => localDateTime(e.outcome?.time) },
  { header: '问题类别', value: (e) => e.categories.map((c) => CATEGORY_LABELS[c]).join('；') },
  { header: '规则', value: (e) => e.rules.join('；') },
  {
    header: '发现',
    value: (e) => e.attempt.findings.map((f) => (f.excerpt ? `${f.ruleId}：${f.excerpt}` : f.ruleId)).join('；'),
  },
  { header: '规则包', value: (e) => e.attempt.pack.id },
  { header: '规则包版本', value: (e) => e.attempt.pack.version },
  { header: '扩展版本', value: (e) => e.attempt.extension },
  { header: '编辑', value: (e) => e.attempt.editor.name },
  { header: '单位', value: (e) => e.attempt.editor.unit },
  { header: '记录哈希', value: (e) => e.attempt.hash },
  { header: '结果记录哈希', value: (e) => e.outcome?.hash },
];

/** What an export states about itself (CSV first row, JSON Lines header). */
export interface ExportStatement {
  count: number;
  /** Time of the earliest and latest exported attempt (ISO), or null when empty. */
  first: string | null;
  last: string | null;
  /** The filter's own bounds, if it had any. */
  from: string | null;
  to: string | null;
  head: { seq: number; hash: string } | null;
  chainOk: boolean;
  /** The first broken link, when the chain is broken. */
  brokenAt?: { seq: number; reason: string };
  exportedAt: string;
}

export function statementRow(s: ExportStatement): string {
  const range = s.first ? `${localDateTime(s.first)} 至 ${localDateTime(s.last ?? s.first)}` : '无';
  const filterRange =
    s.from || s.to
      ? `（筛选：${s.from ? localDateTime(s.from) : '不限'} 至 ${s.to ? localDateTime(s.to) : '不限'}）`
      : '';
  return csvRow([
    '导出说明',
    `共 ${s.count} 条发布尝试`,
    `时间范围：${range}${filterRange}`,
    s.head ? `链头：序号 ${s.head.seq}，哈希 ${s.head.hash}` : '链头：空',
    s.chainOk ? '链校验：完整' : `链校验：断链，首个断点序号 ${s.brokenAt?.seq}：${s.brokenAt?.reason}`,
    `导出时间：${localDateTime(s.exportedAt)}`,
  ]);
}

/** The file in chunks of `rows` rows, so a page can write 100,000 rows without freezing. */
export function* csvChunks(entries: readonly LogEntry[], statement: ExportStatement, rows = 2_000): Generator<string> {
  yield CSV_BOM + statementRow(statement) + csvRow(CSV_COLUMNS.map((c) => c.header));
  for (let i = 0; i < entries.length; i += rows) {
    let chunk = '';
    for (const entry of entries.slice(i, i + rows)) chunk += csvRow(CSV_COLUMNS.map((c) => c.value(entry)));
    yield chunk;
  }
}
