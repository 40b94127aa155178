/**
 * What a table export (CSV, Excel) states about itself, outside its rows: the file name carries
 * the time range, the count and the start of the chain's head hash; the metadata (a JSON file
 * beside a CSV, the second sheet of a workbook) carries the rest — the filter in words and as
 * data, the head, the chain's verdict, when and by which version. Only the JSON Lines export
 * carries the chain itself.
 */
import type { ExportStatement } from './export-csv';
import { EXPORT_META_FORMAT, NOT_THE_CHAIN } from './export-jsonl';
import type { LogFilter } from './filter';
import { CATEGORY_LABELS, DECISION_LABELS, PLATFORM_LABELS, ruleLabel, VERDICT_LABELS } from '../utils/labels';
import { localDateTime } from './export-csv';

export const EXPORT_NAME = '政务新媒体审计日志';

const day = (iso: string | null) => (iso ? localDateTime(iso).slice(0, 10).replace(/-/g, '') : '无');

/** 政务新媒体审计日志_20260301-20260307_12条_链头3f1c9a0b2d4e (without extension). */
export function exportBaseName(s: ExportStatement): string {
  const head = s.head ? `_链头${s.head.hash.slice(0, 12)}` : '';
  return `${EXPORT_NAME}_${day(s.first)}-${day(s.last)}_${s.count}条${head}`;
}

/** An account key (platform\nname\nid) as a person reads it. */
function accountName(key: string): string {
  const [platform, name, id] = key.split('\n');
  const where = PLATFORM_LABELS[platform as keyof typeof PLATFORM_LABELS] ?? platform;
  return `${name}（${where}${id ? `，${id}` : ''}）`;
}

/** The filter in words: 时间 2026-03-01 至 2026-03-07；处理结果：已拦截、仍要发布. */
export function describeFilter(f: LogFilter): string {
  const parts: string[] = [];
  if (f.fromMs !== undefined || f.toMs !== undefined) {
    const from = f.fromMs === undefined ? '不限' : localDateTime(new Date(f.fromMs).toISOString()).slice(0, 10);
    const to = f.toMs === undefined ? '不限' : localDateTime(new Date(f.toMs - 1).toISOString()).slice(0, 10);
    parts.push(`时间 ${from} 至 ${to}`);
  }
  if (f.platform) parts.push(`平台：${PLATFORM_LABELS[f.platform]}`);
  if (f.account) parts.push(`账号：${accountName(f.account)}`);
  if (f.verdicts?.length) parts.push(`检查结论：${f.verdicts.map((v) => VERDICT_LABELS[v]).join('、')}`);
  if (f.decisions?.length) parts.push(`处理结果：${f.decisions.map((d) => DECISION_LABELS[d]).join('、')}`);
  if (f.category) parts.push(`问题类别：${CATEGORY_LABELS[f.category]}`);
  if (f.rule) parts.push(`规则：${ruleLabel(f.rule)}（${f.rule}）`);
  if (f.text?.trim()) parts.push(`全文包含「${f.text.trim()}」`);
  return parts.length ? parts.join('；') : '无（全部记录）';
}

export interface ExportMeta extends ExportStatement {
  format: typeof EXPORT_META_FORMAT;
  /** The file this describes. */
  file: string;
  extension: string;
  filter: LogFilter;
  filterText: string;
  columns: string[];
  personalData: 'masked' | 'full';
  note: string;
}

export function exportMeta(
  statement: ExportStatement,
  filter: LogFilter,
  details: { file: string; extension: string; columns: string[]; masked: boolean },
): ExportMeta {
  return {
    format: EXPORT_META_FORMAT,
    file: details.file,
    ...statement,
    extension: details.extension,
    filter,
    filterText: describeFilter(filter),
    columns: details.columns,
    personalData: details.masked ? 'masked' : 'full',
    note: NOT_THE_CHAIN,
  };
}

/**
 * The chain's own verification and its anchors' (the head's copies kept outside the log), in one
 * line: a chain that links perfectly may still have been emptied, cut off or rewritten and
 * rehashed, which only the anchors show (audit/chain-verdict.ts).
 */
export function chainCheckText(s: Pick<ExportStatement, 'chainOk' | 'brokenAt' | 'anchors'>): string {
  const chain = s.chainOk
    ? '链本身完整（每条记录的哈希与链接均核对无误）'
    : `断链：首个断点序号 ${s.brokenAt?.seq ?? '?'}，${s.brokenAt?.reason ?? ''}`;
  const a = s.anchors;
  if (!a) return `${chain}；未与日志之外保存的链头核对`;
  if (a.breaks)
    return `${chain}；与日志之外保存的链头不符 ${a.breaks} 处${a.firstBreak ? `（${a.firstBreak}）` : ''}——日志曾被清空、截断，或被改写后重算哈希`;
  if (!a.agreed.length) return `${chain}；日志之外尚未保存链头，无从核对`;
  return `${chain}；与${a.agreed.join('、')}一致`;
}

/** The metadata as label/value rows, for the workbook's second sheet (times as ISO, typed there). */
export function metaRows(m: ExportMeta): [string, string | number, 'text' | 'number' | 'datetime'][] {
  return [
    ['文件', m.file, 'text'],
    ['导出时间', m.exportedAt, 'datetime'],
    ['发布尝试条数', m.count, 'number'],
    ['最早一条', m.first ?? '', m.first ? 'datetime' : 'text'],
    ['最晚一条', m.last ?? '', m.last ? 'datetime' : 'text'],
    ['筛选条件', m.filterText, 'text'],
    ['链头序号', m.head?.seq ?? '', m.head ? 'number' : 'text'],
    ['链头哈希', m.head?.hash ?? '（空）', 'text'],
    ['导出时的链校验', chainCheckText(m), 'text'],
    ['个人信息', m.personalData === 'masked' ? '已打码（身份证号、手机号、银行卡号）' : '按策略保存原文', 'text'],
    ['扩展版本', m.extension, 'text'],
    ['说明', m.note, 'text'],
  ];
}
