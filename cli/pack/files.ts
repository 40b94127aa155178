/** Writing CLI outputs: never over an existing file by accident, private keys readable by the owner only. */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../io';

export function writeNew(
  cwd: string,
  path: string,
  text: string,
  options: { force?: boolean; mode?: number } = {},
): string {
  const full = resolve(cwd, path);
  if (!options.force && existsSync(full)) throw new UsageError(`「${path}」已存在；换一个文件名，或加 --force 覆盖`);
  writeFileSync(full, text, { mode: options.mode ?? 0o644, flag: options.force ? 'w' : 'wx' });
  return full;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
