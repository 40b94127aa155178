/**
 * Plain-text tables for the benchmark's output (ASCII headers keep the columns aligned), and the
 * formatters every benchmark prints its figures with.
 */

export class Table {
  private readonly rows: string[][] = [];
  constructor(private readonly header: string[]) {}

  row(cells: string[]): void {
    this.rows.push(cells);
  }

  render(): string {
    const all = [this.header, ...this.rows];
    const widths = this.header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
    const line = (r: string[]) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
    return `${[line(this.header), widths.map((w) => '-'.repeat(w)).join('  '), ...this.rows.map(line)].join('\n')}\n`;
  }
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 0.01) return `${(value * 1000).toFixed(2)} µs`;
  if (value < 1) return `${(value * 1000).toFixed(0)} µs`;
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

/** Milliseconds with a fixed number of decimals (none unless told). */
export function msFixed(value: number, digits = 0): string {
  return `${value.toFixed(digits)} ms`;
}

/** a against its baseline b, `digits` decimals. */
export function ratio(a: number, b: number, digits = 2): string {
  return (a / b).toFixed(digits);
}

/** The ratio as a factor (`×0.42`), as the Markdown reports print it. */
export function factor(a: number, b: number, digits = 2): string {
  return `×${ratio(a, b, digits)}`;
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) < 1024 * 1024) return `${(value / 1024).toFixed(0)} KiB`;
  return `${(value / 1024 / 1024).toFixed(1)} MiB`;
}

/** Whole kilobytes (1024 bytes), as the Markdown reports print them. */
export function kb(value: number): string {
  return `${(value / 1024).toFixed(0)} KB`;
}

/** Whole megabytes (2^20 bytes), as the Markdown reports print them. */
export function mb(value: number): string {
  return `${(value / 2 ** 20).toFixed(0)} MB`;
}
