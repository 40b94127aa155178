/**
 * The default pack: its source folder, and the prebuilt JSON that the bundled CLI reads instead
 * of parsing the YAML on every call. scripts/build-cli.ts writes that JSON beside the bundle from
 * the same source folder with the same reader the extension's build uses (cli/pack/source.ts),
 * so the two cannot differ; run from source (tests, tsx), the CLI reads the folder itself.
 */
import { fileURLToPath } from 'node:url';

/** Replaced by `true` when scripts/build-cli.ts bundles the CLI. */
declare const __GOVPOST_CLI_BUNDLE__: boolean | undefined;

export const DEFAULT_PACK_DIR = fileURLToPath(new URL('../../packs/default', import.meta.url));

/** The prebuilt pack's file name, beside the bundle (dist/cli/). */
export const PREBUILT_PACK_FILE = 'default-pack.json';

/** Where the prebuilt default pack is, when running from the bundle. */
export function prebuiltPackPath(): string | undefined {
  if (typeof __GOVPOST_CLI_BUNDLE__ === 'undefined' || !__GOVPOST_CLI_BUNDLE__) return undefined;
  return fileURLToPath(new URL(`./${PREBUILT_PACK_FILE}`, import.meta.url));
}
