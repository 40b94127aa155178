/**
 * The human-readable report of `check` (Chinese): per file its verdict, then each finding with
 * where it is (field, line:column), how severe, which rule, the excerpt in its context, what is
 * wrong, the suggested replacement and the basis; a summary line at the end.
 */
import { foldCode } from '../../rules/engine/normalize';
import type { FieldName, Finding, Report, Verdict } from '../../rules/engine/types';
import { isShown } from '../../rules/engine/types';
import { fieldLabel, SEVERITY_LABEL, VERDICT_LABEL } from './labels';
import { LineIndex } from './position';
import type { Style } from './style';

/** Characters of context shown on each side of an excerpt. */
const CONTEXT = 20;

/** Makes invisible and control characters visible: a hidden U+200B is exactly what an admin must see. */
function visible(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (ch === '\n') out += '⏎';
    else if (ch === '\r') continue;
    else if (ch === '\t') out += ' ';
    else if (ch.length === 1 && foldCode(code) === 0) out += `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
    else out += ch;
  }
  return out;
}

/** Moves a cut off the second half of a surrogate pair. */
function safeCut(text: string, at: number, direction: -1 | 1): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at + direction : at;
}

export function excerptInContext(text: string, finding: Pick<Finding, 'range' | 'severity'>, style: Style): string {
  const [start, end] = finding.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', Math.max(start, end - 1));
  const lineEnd = newline === -1 ? text.length : newline;
  const from = Math.max(lineStart, safeCut(text, start - CONTEXT, 1));
  const to = Math.min(lineEnd, safeCut(text, end + CONTEXT, 1));
  const severity = finding.severity;
  const before = visible(text.slice(from, start));
  const after = visible(text.slice(end, to));
  return (
    (from > lineStart ? '…' : '') +
    before +
    style.mark(visible(text.slice(start, end)), severity, before, after) +
    after +
    (to < lineEnd ? '…' : '')
  );
}

export interface TextReportInput {
  /** The name shown for the input (a path, or 标准输入). */
  name: string;
  report: Report;
  /** The text of each field the findings point into. */
  fieldText: (field: FieldName) => string | undefined;
  /** At most this many findings are written out (the most severe first); 0 or absent: all. */
  maxFindings?: number;
}

/** Findings listed per draft by default: enough to act on, short enough to read in a terminal. */
export const DEFAULT_MAX_FINDINGS = 10;

const SEVERITY_ORDER: Record<Finding['severity'], number> = { block: 0, justify: 1, warn: 2, monitor: 3 };

export function formatTextReport({ name, report, fieldText, maxFindings }: TextReportInput, style: Style): string {
  const shown = report.findings.filter(isShown).length;
  const monitored = report.findings.length - shown;
  // The most severe first (a stable sort keeps text order within a severity), then the cap.
  const ordered = [...report.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const listed = maxFindings ? ordered.slice(0, maxFindings) : ordered;
  const verdict = style.severity(`${VERDICT_LABEL[report.verdict]}（${report.verdict}）`, report.verdict);
  const counts = shown ? `${shown} 处问题` : '没有发现问题';
  const lines = [`${style.bold(name)} — ${verdict}：${counts}${monitored ? `，另有 ${monitored} 处监测` : ''}`];

  const indexes = new Map<FieldName, LineIndex>();
  for (const f of listed) {
    const text = fieldText(f.field) ?? '';
    let index = indexes.get(f.field);
    if (!index) indexes.set(f.field, (index = new LineIndex(text)));
    const { line, column } = index.position(f.range[0]);
    const severity = style.severity(SEVERITY_LABEL[f.severity], f.severity);
    const note = isShown(f) ? '' : style.dim('（仅记录，不影响结论）');
    lines.push(`  ${fieldLabel(f.field)} ${line}:${column}  ${severity}  ${style.dim(f.ruleId)}${note}`);
    lines.push(`    ${excerptInContext(text, f, style)}`);
    lines.push(`    ${f.message}`);
    if (f.suggestion !== undefined) lines.push(`    建议改为：${f.suggestion === '' ? '（删除）' : f.suggestion}`);
    lines.push(`    ${style.dim(`依据：${f.basis}`)}`);
  }
  if (listed.length < ordered.length)
    lines.push(`  … 另有 ${ordered.length - listed.length} 条（用 --max-findings 0 列出全部，或 --format json）`);
  for (const e of report.errors)
    lines.push(`  ${style.severity('规则出错', 'block')} ${e.ruleId}：${e.message}（本报告不完整）`);
  return `${lines.join('\n')}\n`;
}

/** Tallies reports for the closing summary line. */
export class TextSummary {
  private readonly verdicts: Record<Verdict, number> = { block: 0, justify: 0, warn: 0, pass: 0 };
  private files = 0;
  private shown = 0;
  private monitored = 0;
  private unreadable = 0;
  private ruleErrors = 0;

  add(report: Report): void {
    this.files++;
    this.verdicts[report.verdict]++;
    for (const f of report.findings) {
      if (isShown(f)) this.shown++;
      else this.monitored++;
    }
    this.ruleErrors += report.errors.length;
  }

  addUnreadable(): void {
    this.unreadable++;
  }

  format(style: Style): string {
    const v = this.verdicts;
    const parts = [
      `共检查 ${this.files} 个文件：拦截 ${v.block}，需说明理由 ${v.justify}，提示 ${v.warn}，通过 ${v.pass}`,
      `问题 ${this.shown} 处${this.monitored ? `（另有监测 ${this.monitored} 处）` : ''}`,
    ];
    if (this.ruleErrors) parts.push(style.severity(`规则出错 ${this.ruleErrors} 次`, 'block'));
    if (this.unreadable) parts.push(style.severity(`无法检查 ${this.unreadable} 个文件`, 'block'));
    return `${style.bold(parts.join('；'))}\n`;
  }
}
