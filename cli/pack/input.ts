/**
 * Reads what admins hand to `pack test|sign|verify` and `check --pack`: a pack source folder, a
 * built pack (JSON), or a signed pack file. One function, so every command accepts all three.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SIGNED_PACK_FORMAT, type SignedPackFile } from '../../utils/pack-trust/signed-pack';
import { UsageError } from '../io';
import { PackSourceError, readPackSource } from './source';

export type PackInput =
  | { kind: 'source'; path: string; pack: unknown; testOrigins: string[] }
  | { kind: 'pack'; path: string; pack: unknown }
  | { kind: 'signed'; path: string; pack: unknown; file: SignedPackFile; text: string };

export class PackInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export function readPackInput(path: string, cwd: string): PackInput {
  const full = resolve(cwd, path);
  let isDir: boolean;
  try {
    isDir = statSync(full).isDirectory();
  } catch {
    throw new UsageError(`找不到「${path}」`);
  }
  if (isDir) {
    try {
      const { pack, testOrigins } = readPackSource(full);
      return { kind: 'source', path, pack, testOrigins };
    } catch (e) {
      if (e instanceof PackSourceError) throw new PackInputError(e.problems);
      throw e;
    }
  }
  const text = readFileSync(full, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PackInputError([`${path}: 不是有效的 JSON（${(e as Error).message}）`]);
  }
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SIGNED_PACK_FORMAT) {
    const file = value as SignedPackFile;
    return { kind: 'signed', path, pack: file.pack, file, text };
  }
  return { kind: 'pack', path, pack: value };
}
