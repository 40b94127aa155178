/** Medians and the Markdown table the audit benchmarks print. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = s.length >> 1;
  const upper = s[m]!; // 0 <= m < length
  return s.length % 2 ? upper : (s[m - 1]! + upper) / 2; // an even, non-empty list has m >= 1
}

export interface Row {
  what: string;
  median: string;
  baseline?: string;
  ratio?: string;
}

export function table(title: string, rows: Row[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| 测量 | 中位数 | 基线 | 比值 |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.what} | ${r.median} | ${r.baseline ?? ''} | ${r.ratio ?? ''} |`);
}
