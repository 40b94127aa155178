/**
 * Terminal colour for human-readable output: only when writing to a terminal, and never when
 * NO_COLOR is set to anything (https://no-color.org).
 */
import type { Writable } from 'node:stream';
import type { Severity } from '../../rules/engine/types';

export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  /** Colour by severity (block red, justify magenta, warn yellow, monitor dim; pass green). */
  severity: (s: string, severity: Severity | 'pass') => string;
  /**
   * Highlights an excerpt inside its context; brackets stand in when there is no colour, a pair
   * that neither the excerpt nor the characters on either side use (`before`, `after`), so a
   * text that already says 【限时抢购】 never shows as 【【限时抢购】】.
   */
  mark: (s: string, severity: Severity, before?: string, after?: string) => string;
}

/** Plain-text highlight brackets, in order of preference. */
const MARKS: readonly [string, string][] = [
  ['【', '】'],
  ['〖', '〗'],
  ['⟦', '⟧'],
  ['[[', ']]'],
];

export function plainMark(s: string, before = '', after = ''): string {
  const around = `${before.slice(-1)}${s}${after.slice(0, 1)}`;
  const [open, close] = MARKS.find(([o, c]) => !around.includes(o) && !around.includes(c)) ?? MARKS[MARKS.length - 1]!;
  return `${open}${s}${close}`;
}

export function colorWanted(stream: Writable, env: NodeJS.ProcessEnv): boolean {
  return (stream as Writable & { isTTY?: boolean }).isTTY === true && !env.NO_COLOR;
}

const SGR: Record<Severity | 'pass', string> = {
  block: '31',
  justify: '35',
  warn: '33',
  monitor: '2',
  off: '2',
  pass: '32',
};

const sgr = (code: string, s: string) => `\x1b[${code}m${s}\x1b[0m`;

export function createStyle(color: boolean): Style {
  if (!color) {
    const same = (s: string) => s;
    return {
      bold: same,
      dim: same,
      severity: same,
      mark: (s, _severity, before, after) => plainMark(s, before, after),
    };
  }
  return {
    bold: (s) => sgr('1', s),
    dim: (s) => sgr('2', s),
    severity: (s, severity) => sgr(SGR[severity], s),
    mark: (s, severity) => sgr(`1;4;${SGR[severity]}`, s),
  };
}
