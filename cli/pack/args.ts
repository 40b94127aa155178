/** Argument parsing for the pack subcommands: node:util parseArgs, errors as usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../io';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals: { min: number; max: number; what: string }) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`缺少${positionals.what}`);
  if (n > positionals.max) throw new UsageError(`多余的参数：${parsed.positionals.slice(positionals.max).join(' ')}`);
  return parsed;
}
