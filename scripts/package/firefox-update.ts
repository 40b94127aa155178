/**
 * Self-hosted updates for Firefox: the add-on's manifest names an update manifest
 * (`browser_specific_settings.gecko.update_url`), and Firefox's add-on manager fetches it on its
 * update schedule, reads the newest version offered for the add-on's id and installs it from
 * `update_link` when it is newer than what it has. Format: Mozilla's JSON update manifest
 * ("updates.json"), as documented in Extension Workshop, "Updating your extension".
 *
 * The file at `update_link` is the SIGNED add-on (Firefox release and ESR install only add-ons
 * Mozilla signed); the release folder holds the unsigned one, which the admin has signed through
 * addons.mozilla.org's unlisted channel and publishes under `signedXpiName`. So updates.json
 * carries no `update_hash` (a hash of the unsigned file would never match the signed one); Mozilla
 * requires a hash only when update_link is not https, and publishedUrl only makes https addresses.
 */
import { publishedUrl, versionAndLinkProblems } from './update-manifest';

export const FIREFOX_UPDATES_FILE = 'updates.json';

/** The file the release folder holds: to be signed by Mozilla before any Firefox installs it. */
export const unsignedXpiName = (version: string) => `govpost-guard-${version}-firefox-unsigned.xpi`;
/** The name the admin publishes the signed file under, and updates.json points to. */
export const signedXpiName = (version: string) => `govpost-guard-${version}-firefox.xpi`;

export interface FirefoxUpdate {
  /** The add-on id (browser_specific_settings.gecko.id). */
  addonId: string;
  version: string;
  /** Absolute https URL of the signed .xpi. */
  updateLink: string;
  /** The oldest Firefox the add-on supports (the manifest's gecko.strict_min_version). */
  minFirefoxVersion?: string;
}

/** An add-on id as Firefox accepts it: an email-like id or a {GUID}. */
const ADDON_ID = /^(?:[\w.+-]*@[\w.-]+|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i;

function problems(u: FirefoxUpdate): string[] {
  const out: string[] = [];
  if (!ADDON_ID.test(u.addonId)) out.push(`附加组件 id 应形如 名称@域名 或 {GUID}：${u.addonId}`);
  out.push(...versionAndLinkProblems(u.version, u.updateLink));
  if (u.minFirefoxVersion !== undefined && !/^\d+(\.\d+)*[a-z]*\d*$/.test(u.minFirefoxVersion))
    out.push(`最低 Firefox 版本格式不对：${u.minFirefoxVersion}`);
  return out;
}

/** The updates.json text offering `update`. Throws, saying what is wrong, on an unsound entry. */
export function firefoxUpdateManifest(update: FirefoxUpdate): string {
  const found = problems(update);
  if (found.length > 0) throw new Error(`updates.json 无法生成：${found.join('；')}`);
  const entry = {
    version: update.version,
    update_link: update.updateLink,
    // The update manifest keeps the older key name `applications` (not browser_specific_settings).
    ...(update.minFirefoxVersion && { applications: { gecko: { strict_min_version: update.minFirefoxVersion } } }),
  };
  return `${JSON.stringify({ addons: { [update.addonId]: { updates: [entry] } } }, null, 2)}\n`;
}

/** What a Firefox build's manifest says about the add-on, for updates.json. */
export interface GeckoSettings {
  id: string;
  strictMinVersion?: string;
}

type FirefoxManifest = Record<string, unknown> & {
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; update_url?: string } };
};

export function geckoSettings(manifest: FirefoxManifest): GeckoSettings {
  const gecko = manifest.browser_specific_settings?.gecko;
  if (!gecko?.id) throw new Error('Firefox 构建的清单中没有 browser_specific_settings.gecko.id：无法自行托管更新');
  return { id: gecko.id, ...(gecko.strict_min_version && { strictMinVersion: gecko.strict_min_version }) };
}

/** The manifest with `gecko.update_url` set to the published updates.json (a copy; the build is untouched). */
export function withUpdateUrl(manifest: FirefoxManifest, publishUrl: string): FirefoxManifest {
  const settings = manifest.browser_specific_settings ?? {};
  return {
    ...manifest,
    browser_specific_settings: {
      ...settings,
      gecko: { ...settings.gecko, update_url: publishedUrl(publishUrl, FIREFOX_UPDATES_FILE) },
    },
  };
}
