/**
 * The pack's approved-source list (第十三条: 原则上只转载党委和政府网站以及有关部门确定的稿源单位发布的信息),
 * compiled for lookups by outlet or account name and by URL.
 */
import { compactTerm } from './normalize';
import type { ApprovedSources } from './pack';

export interface SourceMatch {
  /** The approved outlet's name, or the rule that approved it (政府网站 .gov.cn, 党政机关). */
  name: string;
  basis?: string;
}

export interface CompiledSources {
  /** Approves an outlet, account or organ name (as typed: @人民日报, 人民日报客户端, 保定市公安局). */
  approveName(name: string): SourceMatch | null;
  /** Approves a link by its host. */
  approveUrl(url: string): SourceMatch | null;
  /** True for names that are not a traceable source (网络, 网友…). */
  isVague(name: string): boolean;
}

/** The host of a URL typed with or without a scheme, lower case; null when there is none. */
export function hostOf(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return null;
  try {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
    const host = new URL(withScheme).hostname.toLowerCase();
    return host.includes('.') ? host.replace(/\.$/, '') : null;
  } catch {
    return null;
  }
}

/**
 * What may follow an approved name and still mean the same outlet: its app, its official
 * accounts, its website (人民日报客户端, 新华社微博). Anything else is another name
 * (保定发布者联盟 is not 保定发布).
 */
const OUTLET_SUFFIX =
  /^(?:客户端|新闻客户端|app|官方微博|官微|微博|微信|公众号|微信公众号|官方账号|官网|网|网站|新媒体|融媒体|视频号|抖音号|头条号)?$/;

/** An account or outlet name as names are compared: without a leading @, in compact form. */
export function cleanName(name: string): string {
  return compactTerm(name.replace(/^[@＠]+/, ''));
}

export function compileSources(sources: ApprovedSources): CompiledSources {
  const names: { key: string; match: SourceMatch }[] = [];
  const domains: { domain: string; match: SourceMatch }[] = [];
  for (const outlet of sources.outlets) {
    const match = { name: outlet.name, basis: outlet.basis };
    for (const n of [outlet.name, ...(outlet.aliases ?? []), ...(outlet.weibo ?? []), ...(outlet.wechat ?? [])]) {
      const key = cleanName(n);
      if (key) names.push({ key, match });
    }
    for (const d of outlet.domains ?? []) domains.push({ domain: d.toLowerCase(), match });
  }
  // Longest names first, so 人民日报海外版 wins over 人民日报 when both are listed.
  names.sort((a, b) => b.key.length - a.key.length);
  const suffixes = sources.domainSuffixes.map((s) => s.toLowerCase().replace(/^\.?/, '.'));
  const organs = sources.organSuffixes
    .map(cleanName)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const markers = sources.organMarkers.map(cleanName).filter(Boolean);
  const vague = new Set(sources.vague.map(cleanName));

  return {
    approveName(name) {
      const key = cleanName(name);
      if (!key) return null;
      for (const n of names) if (key.startsWith(n.key) && OUTLET_SUFFIX.test(key.slice(n.key.length))) return n.match;
      // An organ's own release: 保定市生态环境局, 河北省人民政府办公厅.
      const organ = organs.find((o) => key.length > o.length && key.endsWith(o));
      if (organ && markers.some((m) => key.slice(0, -organ.length).includes(m)))
        return { name: `党政机关（${organ}）` };
      return null;
    },
    approveUrl(url) {
      const host = hostOf(url);
      if (!host) return null;
      for (const d of domains) if (host === d.domain || host.endsWith(`.${d.domain}`)) return d.match;
      for (const s of suffixes) if (host.endsWith(s) || `.${host}` === s) return { name: `政府网站（${s}）` };
      return null;
    },
    isVague(name) {
      const key = cleanName(name);
      return key === '' || vague.has(key);
    },
  };
}
