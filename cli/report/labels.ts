/** Chinese names of verdicts, severities and fields, for human-readable reports. */
import type { FieldName, Severity, Verdict } from '../../rules/engine/types';

export const VERDICT_LABEL: Record<Verdict, string> = {
  block: '拦截',
  justify: '需说明理由',
  warn: '提示',
  pass: '通过',
};

export const SEVERITY_LABEL: Record<Exclude<Severity, 'off'>, string> = {
  block: '拦截',
  justify: '需说明理由',
  warn: '提示',
  monitor: '监测',
};

const FIELD_LABEL: Record<string, string> = {
  title: '标题',
  body: '正文',
  source: '来源',
  'source.url': '来源链接',
  quoted: '被转发原文',
  'quoted.author': '被转发作者',
};

export function fieldLabel(field: FieldName): string {
  const link = /^links\[(\d+)\]$/.exec(field);
  return link ? `链接 ${Number(link[1]) + 1}` : (FIELD_LABEL[field] ?? field);
}
