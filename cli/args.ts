/**
 * Option parsing for the commands: node:util's parseArgs in strict mode, with its English
 * errors turned into Chinese usage errors (exit 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** For string options: the accepted values. */
  choices?: readonly string[];
  /** A string option that may be given more than once: its values arrive as an array. */
  multiple?: boolean;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseOptions(args: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [
      name,
      { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (e) {
    throw new UsageError(describeParseError(e as NodeJS.ErrnoException));
  }
  for (const [name, s] of Object.entries(spec)) {
    const value = parsed.values[name];
    if (s.choices && typeof value === 'string' && !s.choices.includes(value)) {
      throw new UsageError(`--${name} 的取值「${value}」无效，应为 ${s.choices.join('、')} 之一`);
    }
  }
  return parsed;
}

function describeParseError(e: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]*)/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message) ? `选项 ${option} 需要一个值` : `选项 ${option} 不接受值`;
    default:
      return e.message;
  }
}

/** The one positional argument a command takes; `what` names it when it is missing. */
export function onePositional(positionals: string[], what: string): string {
  const [only, ...more] = positionals;
  if (only === undefined) throw new UsageError(`缺少${what}`);
  if (more.length) throw new UsageError(`多余的参数：${more.join(' ')}`);
  return only;
}

/** Too few or too many positional arguments is a usage error; `what` names the missing one. */
export function expectPositionals(positionals: string[], min: number, max: number, what: string): void {
  if (positionals.length < min) throw new UsageError(`缺少${what}`);
  if (positionals.length > max) throw new UsageError(`多余的参数：${positionals.slice(max).join(' ')}`);
}
