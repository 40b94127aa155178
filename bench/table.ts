/** Plain-text tables for the benchmark's output (ASCII headers keep the columns aligned). */

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

export function ratio(a: number, b: number): string {
  return (a / b).toFixed(2);
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) < 1024 * 1024) return `${(value / 1024).toFixed(0)} KiB`;
  return `${(value / 1024 / 1024).toFixed(1)} MiB`;
}
