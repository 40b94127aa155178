/**
 * The update manifest a self-hosted extension is installed and updated from: Chromium (and Edge and
 * the Chromium-based domestic browsers) fetch the URL given in ExtensionInstallForcelist /
 * ExtensionSettings `update_url`, read the version offered for their extension id, and download the
 * CRX from `codebase` when it is newer than what they have. Format: Chrome's "gupdate" XML
 * (protocol 2.0), as documented in "Chrome Enterprise: self-host an extension".
 */

export interface UpdateEntry {
  /** The extension id (32 letters a–p). */
  appId: string;
  version: string;
  /** Absolute https URL of the CRX file. */
  codebase: string;
  /** Hex SHA-256 of the CRX file: the browser refuses a download that does not match. */
  sha256?: string;
  /** The oldest browser version the extension supports (the manifest's minimum_chrome_version). */
  minBrowserVersion?: string;
}

const xmlAttribute = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;');

/**
 * What is wrong, in Chinese, with a release's version and download address (the same rules for
 * update.xml and Firefox's updates.json); nothing when both are sound.
 */
export function versionAndLinkProblems(version: string, link: string): string[] {
  const problems: string[] = [];
  if (!/^\d+(\.\d+){0,3}$/.test(version)) problems.push(`版本号应为 1 到 4 段数字：${version}`);
  let url: URL | undefined;
  try {
    url = new URL(link);
  } catch {
    problems.push(`下载地址不是完整的网址：${link}`);
  }
  if (url && url.protocol !== 'https:') problems.push(`下载地址须为 https：${link}`);
  return problems;
}

/** Checks an entry and says in Chinese what is wrong with it; returns nothing when it is sound. */
function updateEntryProblems(entry: UpdateEntry): string[] {
  const problems: string[] = [];
  if (!/^[a-p]{32}$/.test(entry.appId)) problems.push(`扩展 id 应为 32 个 a–p 字母：${entry.appId}`);
  problems.push(...versionAndLinkProblems(entry.version, entry.codebase));
  if (entry.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(entry.sha256)) {
    problems.push(`SHA-256 应为 64 位小写十六进制：${entry.sha256}`);
  }
  if (entry.minBrowserVersion !== undefined && !/^\d+(\.\d+){0,3}$/.test(entry.minBrowserVersion)) {
    problems.push(`最低浏览器版本应为数字：${entry.minBrowserVersion}`);
  }
  return problems;
}

/** The update.xml text offering `entries` (one per extension id). Throws on an unsound entry. */
export function updateManifest(entries: UpdateEntry[]): string {
  if (entries.length === 0) throw new Error('update.xml 至少要有一个扩展');
  const problems = entries.flatMap(updateEntryProblems);
  if (problems.length > 0) throw new Error(`update.xml 无法生成：${problems.join('；')}`);
  const apps = entries.map((e) => {
    const attributes = [
      `codebase='${xmlAttribute(e.codebase)}'`,
      `version='${e.version}'`,
      ...(e.sha256 ? [`hash_sha256='${e.sha256}'`] : []),
      ...(e.minBrowserVersion ? [`prodversionmin='${e.minBrowserVersion}'`] : []),
    ];
    return `  <app appid='${e.appId}'>\n    <updatecheck ${attributes.join(' ')} />\n  </app>\n`;
  });
  return (
    "<?xml version='1.0' encoding='UTF-8'?>\n" +
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n" +
    apps.join('') +
    '</gupdate>\n'
  );
}

/** `base` (the folder the files are published in) joined with a file name, as an absolute URL. */
export function publishedUrl(base: string, file: string): string {
  let url: URL;
  try {
    url = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    throw new Error(`发布地址不是完整的网址：${base}`);
  }
  if (url.protocol !== 'https:') throw new Error(`发布地址须为 https（浏览器的扩展更新只信任 https）：${base}`);
  if (url.search || url.hash) throw new Error(`发布地址应为一个目录，不带 ? 或 #：${base}`);
  return new URL(encodeURIComponent(file), url).href;
}
