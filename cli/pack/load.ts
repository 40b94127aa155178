/**
 * Where a command's pack comes from: `--pack PATH` names a built pack (one JSON document) or a
 * pack source folder (packs/default's layout); without it, the default pack is built from
 * packs/default. Every form ends in `packFromDocument`, the one place a new wrapping of the
 * built document (a signed envelope, say) has to be taught.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { validatePack, type Pack } from '../../rules/engine/pack';
import { loadPackSource, PackSourceError } from './source';
import { DEFAULT_PACK_DIR } from './vite-plugin';

export class PackLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface LoadedPack {
  pack: Pack;
  /** Where it came from, for messages: a path, or the default pack folder. */
  origin: string;
}

export function loadPack(path: string | undefined, cwd: string): LoadedPack {
  const origin = path === undefined ? DEFAULT_PACK_DIR : resolve(cwd, path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(origin).isDirectory();
  } catch (e) {
    throw new PackLoadError([`${origin}: 无法读取规则包（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`]);
  }
  if (isDirectory) {
    try {
      return { pack: loadPackSource(origin), origin };
    } catch (e) {
      if (e instanceof PackSourceError) throw new PackLoadError(e.problems);
      throw e;
    }
  }
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(origin, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const reason = e instanceof SyntaxError ? `不是有效的 JSON：${e.message}` : `无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`;
    throw new PackLoadError([`${origin}: ${reason}`]);
  }
  return { pack: packFromDocument(document, origin), origin };
}

/** A built pack document, checked for shape. */
export function packFromDocument(document: unknown, origin: string): Pack {
  const validation = validatePack(document);
  if (!validation.ok) throw new PackLoadError(validation.errors.map((e) => `${origin}: ${e}`));
  return validation.pack;
}
