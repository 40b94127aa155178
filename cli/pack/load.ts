/**
 * Where a command's pack comes from: a pack source folder (packs/default's layout), a built pack
 * (one JSON document) or a signed pack file; without a path, the default pack built from
 * packs/default. `readPackInput` is the one reader (it says which of the three it found, for
 * `pack test|sign`); `loadPack` adds validation for commands that only need the pack (`check`).
 * A signed file is unwrapped here; its signatures are checked by `pack verify` and the extension.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { validatePack, type Pack } from '../../rules/engine/pack';
import { SIGNED_PACK_FORMAT, type SignedPackFile } from '../../pack-trust/signed-pack';
import { PackSourceError, readPackSource } from './source';
import { DEFAULT_PACK_DIR, prebuiltPackPath } from './default-pack';

export class PackLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export type PackInput =
  | { kind: 'source'; origin: string; pack: unknown; testOrigins: string[] }
  | { kind: 'pack'; origin: string; pack: unknown }
  | { kind: 'signed'; origin: string; pack: unknown; file: SignedPackFile };

export interface LoadedPack {
  pack: Pack;
  /** Where it came from, for messages: a path, or the default pack folder. */
  origin: string;
}

export function readPackInput(path: string | undefined, cwd: string): PackInput {
  const origin = path === undefined ? DEFAULT_PACK_DIR : resolve(cwd, path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(origin).isDirectory();
  } catch (e) {
    throw new PackLoadError([
      `${origin}: 无法读取规则包（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`,
    ]);
  }
  if (isDirectory) {
    try {
      const { pack, testOrigins } = readPackSource(origin);
      return { kind: 'source', origin, pack, testOrigins };
    } catch (e) {
      if (e instanceof PackSourceError) throw new PackLoadError(e.problems);
      throw e;
    }
  }
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(origin, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const reason =
      e instanceof SyntaxError
        ? `不是有效的 JSON：${e.message}`
        : `无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`;
    throw new PackLoadError([`${origin}: ${reason}`]);
  }
  if (
    typeof document === 'object' &&
    document !== null &&
    (document as { format?: unknown }).format === SIGNED_PACK_FORMAT
  ) {
    const file = document as SignedPackFile;
    return { kind: 'signed', origin, pack: file.pack, file };
  }
  return { kind: 'pack', origin, pack: document };
}

export function loadPack(path: string | undefined, cwd: string): LoadedPack {
  const prebuilt = path === undefined ? prebuiltPackPath() : undefined;
  if (prebuilt) {
    // Built from packs/default with the bundle, checked there: parsing it is all that is left.
    return { pack: JSON.parse(readFileSync(prebuilt, 'utf8')) as Pack, origin: DEFAULT_PACK_DIR };
  }
  const input = readPackInput(path, cwd);
  return { pack: packFromDocument(input.pack, input.origin), origin: input.origin };
}

/** A built pack document, checked for shape. */
export function packFromDocument(document: unknown, origin: string): Pack {
  const validation = validatePack(document);
  if (!validation.ok) throw new PackLoadError(validation.errors.map((e) => `${origin}: ${e}`));
  return validation.pack;
}
