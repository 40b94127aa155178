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
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseOptions(args: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [name, s.short ? { type: s.type, short: s.short } : { type: s.type }]),
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
