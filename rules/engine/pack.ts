/**
 * A rule pack: data only (no code, no code-like language). It configures the rules that ship in
 * the extension — severities and options, term dictionaries with suggestions and basis, approved
 * sources, allow-lists, per-site selector overrides — and carries its own test cases. This is the
 * built form (one JSON document); admins write it as a folder of YAML files (see packs/default).
 */
import { ID_PATTERN, SEVERITIES, VERSION_PATTERN, type DraftKind, type Platform, type Severity } from './types';

export const PACK_FORMAT = 1;

export interface Pack {
  format: typeof PACK_FORMAT;
  /** Stable id, e.g. `baoding-default`. */
  id: string;
  /** MAJOR.MINOR.PATCH; a browser only ever moves to a newer version of the same id. */
  version: string;
  name: string;
  issuer: string;
  /** ISO date of the pack's release. */
  date: string;
  description?: string;
  /**
   * Set by an admin who turns every rule off on purpose (an emergency stop). Admission refuses a
   * pack with every rule off that does not say so (pack-trust/admit.ts).
   */
  disablesAllRules?: boolean;
  rules: Record<string, RuleConfig>;
  dictionaries: Record<string, Dictionary>;
  sources: ApprovedSources;
  allow: AllowEntry[];
  /** Per-adapter selector overrides: adapter id → selector key → selectors, tried in order. */
  sites: Record<string, Record<string, string[]>>;
  tests: PackTest[];
}

export interface RuleConfig {
  severity: Severity;
  options?: Record<string, unknown>;
}

export interface Dictionary {
  description?: string;
  /** Default basis of the entries. */
  basis?: string;
  /** Context that applies to every entry unless the entry sets its own. */
  near?: ContextCondition;
  unlessNear?: ContextCondition;
  entries: TermEntry[];
}

export interface TermEntry {
  /** A literal term, matched on normalised text (width, case, traditional forms, separators). */
  term?: string;
  /** Or a restricted regular expression on the folded text (see safe-pattern.ts). */
  pattern?: string;
  suggestion?: string;
  basis?: string;
  note?: string;
  /** Overrides the rule's severity for this entry. */
  severity?: Severity;
  /** The entry counts only when one of these occurs within `window` characters. */
  near?: ContextCondition;
  /** The entry does not count when one of these occurs within `window` characters. */
  unlessNear?: ContextCondition;
}

export interface ContextCondition {
  terms?: string[];
  /** Name of another dictionary of the pack whose terms count as context. */
  dictionary?: string;
  /**
   * Distance on either side of the match, in content characters: spaces, punctuation and
   * invisible characters do not count, so padding cannot move context in or out of reach.
   */
  window: number;
}

export interface AllowEntry {
  /** A longer correct expression that suppresses any finding inside it (路口交通 for 口交). */
  term: string;
  /** Limit to these rule ids; all rules when absent. */
  rules?: string[];
  basis?: string;
}

export interface ApprovedOutlet {
  name: string;
  aliases?: string[];
  /** Registrable domains; subdomains are included. */
  domains?: string[];
  /** Platform account names. */
  weibo?: string[];
  wechat?: string[];
  basis?: string;
}

export interface ApprovedSources {
  outlets: ApprovedOutlet[];
  /** Host suffixes approved as a whole, e.g. `.gov.cn`. */
  domainSuffixes: string[];
  /**
   * Party and government organs' own releases count as approved: a name that ends with one of
   * `organSuffixes` (…局, …人民政府) and contains one of `organMarkers` (市, 县, 国家…).
   */
  organSuffixes: string[];
  organMarkers: string[];
  /** Names that are not a source at all (网络, 网友, 互联网…). */
  vague: string[];
}

export interface PackTest {
  /** Shorthand for a draft whose body is this text. */
  text?: string;
  draft?: Partial<PackTestDraft>;
  /** Rule ids that must produce shown findings; any other shown rule fails the case. */
  expect: string[];
  note?: string;
}

export interface PackTestDraft {
  platform: Platform;
  kind: DraftKind;
  title: string;
  author: string;
  summary: string;
  body: string;
  source: { name?: string; url?: string };
  quoted: { author?: string; text: string };
  links: { href: string; text?: string }[];
  account: { name: string; id?: string };
}

/** Size limits: a pack must stay small enough to verify and compile in a browser. */
export const PACK_LIMITS = {
  dictionaries: 200,
  entriesPerDictionary: 20_000,
  totalEntries: 100_000,
  termLength: 64,
  allowEntries: 20_000,
  outlets: 5_000,
  tests: 5_000,
  window: 200,
  selectorsPerKey: 10,
  selectorLength: 300,
} as const;

export type PackValidation = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/** Compares MAJOR.MINOR.PATCH versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * Structural validation of an untrusted pack document, with a precise message per problem
 * (path first). Rule-specific checks (known rule ids, options, dictionaries referenced) happen
 * when the pack is compiled.
 */
export function validatePack(input: unknown): PackValidation {
  const errors: string[] = [];
  const err = (path: string, msg: string) => errors.push(`${path}: ${msg}`);
  if (!isObject(input)) return { ok: false, errors: ['规则包必须是一个 JSON 对象'] };
  const p = input;

  if (p.format !== PACK_FORMAT) err('format', `格式版本应为 ${PACK_FORMAT}，实际为 ${JSON.stringify(p.format)}`);
  if (typeof p.id !== 'string' || !ID_PATTERN.test(p.id)) err('id', '应为小写字母、数字和连字符组成的标识（最长 64）');
  if (typeof p.version !== 'string' || !VERSION_PATTERN.test(p.version))
    err('version', '应为 主版本.次版本.修订号，如 1.4.0');
  for (const key of ['name', 'issuer', 'date'] as const) {
    if (typeof p[key] !== 'string' || p[key].trim() === '') err(key, '必填的文字字段');
  }
  if (typeof p.date === 'string' && Number.isNaN(Date.parse(p.date))) err('date', '不是有效日期（如 2026-11-29）');
  if (p.disablesAllRules !== undefined && typeof p.disablesAllRules !== 'boolean')
    err('disablesAllRules', '应为 true 或 false');

  if (!isObject(p.rules)) err('rules', '应为「规则 id → 配置」的对象');
  else
    for (const [id, cfg] of Object.entries(p.rules)) {
      if (!isObject(cfg)) {
        err(`rules.${id}`, '应为 { severity, options } 对象');
        continue;
      }
      if (!SEVERITIES.includes(cfg.severity as Severity))
        err(`rules.${id}.severity`, `应为 ${SEVERITIES.join('/')} 之一`);
      if (cfg.options !== undefined && !isObject(cfg.options)) err(`rules.${id}.options`, '应为对象');
    }

  let total = 0;
  if (!isObject(p.dictionaries)) err('dictionaries', '应为「词典名 → 词典」的对象');
  else {
    const dicts = Object.entries(p.dictionaries);
    if (dicts.length > PACK_LIMITS.dictionaries)
      err('dictionaries', `词典数 ${dicts.length} 超过上限 ${PACK_LIMITS.dictionaries}`);
    for (const [name, dict] of dicts) {
      const path = `dictionaries.${name}`;
      if (!isObject(dict) || !Array.isArray(dict.entries)) {
        err(path, '应含 entries 数组');
        continue;
      }
      if (dict.entries.length > PACK_LIMITS.entriesPerDictionary)
        err(path, `词条数 ${dict.entries.length} 超过上限 ${PACK_LIMITS.entriesPerDictionary}`);
      total += dict.entries.length;
      checkContext(dict.near, `${path}.near`, err);
      checkContext(dict.unlessNear, `${path}.unlessNear`, err);
      dict.entries.forEach((entry: unknown, i: number) => checkEntry(entry, `${path}.entries[${i}]`, err));
    }
  }
  if (total > PACK_LIMITS.totalEntries) err('dictionaries', `词条总数 ${total} 超过上限 ${PACK_LIMITS.totalEntries}`);

  checkSources(p.sources, err);

  if (!Array.isArray(p.allow)) err('allow', '应为数组');
  else {
    if (p.allow.length > PACK_LIMITS.allowEntries) err('allow', `白名单条目数超过上限 ${PACK_LIMITS.allowEntries}`);
    p.allow.forEach((a: unknown, i: number) => {
      if (!isObject(a) || !isTerm(a.term)) err(`allow[${i}].term`, `应为 1–${PACK_LIMITS.termLength} 个字的词语`);
      else if (a.rules !== undefined && !isStringArray(a.rules)) err(`allow[${i}].rules`, '应为规则 id 数组');
    });
  }

  if (!isObject(p.sites)) err('sites', '应为「适配器 id → 选择器表」的对象');
  else
    for (const [site, table] of Object.entries(p.sites)) {
      if (!isObject(table)) {
        err(`sites.${site}`, '应为「选择器名 → 选择器数组」的对象');
        continue;
      }
      for (const [key, list] of Object.entries(table)) {
        if (!isStringArray(list) || list.length === 0 || list.length > PACK_LIMITS.selectorsPerKey)
          err(`sites.${site}.${key}`, `应为 1–${PACK_LIMITS.selectorsPerKey} 个选择器`);
        else if (list.some((s) => s.length > PACK_LIMITS.selectorLength))
          err(`sites.${site}.${key}`, `选择器长度超过 ${PACK_LIMITS.selectorLength}`);
      }
    }

  if (!Array.isArray(p.tests)) err('tests', '应为测试用例数组');
  else {
    if (p.tests.length > PACK_LIMITS.tests) err('tests', `用例数超过上限 ${PACK_LIMITS.tests}`);
    p.tests.forEach((t: unknown, i: number) => {
      if (!isObject(t)) return err(`tests[${i}]`, '应为对象');
      if (typeof t.text !== 'string' && !isObject(t.draft)) err(`tests[${i}]`, '需要 text 或 draft');
      if (!isStringArray(t.expect)) err(`tests[${i}].expect`, '应为规则 id 数组（可为空）');
    });
  }

  return errors.length ? { ok: false, errors } : { ok: true, pack: input as unknown as Pack };
}

function checkEntry(entry: unknown, path: string, err: (p: string, m: string) => void): void {
  if (!isObject(entry)) return err(path, '应为对象');
  const hasTerm = entry.term !== undefined;
  const hasPattern = entry.pattern !== undefined;
  if (hasTerm === hasPattern) return err(path, '需要且只能有 term 或 pattern 之一');
  if (hasTerm && !isTerm(entry.term)) err(`${path}.term`, `应为 1–${PACK_LIMITS.termLength} 个字的词语`);
  if (hasPattern && typeof entry.pattern !== 'string') err(`${path}.pattern`, '应为文字');
  for (const key of ['suggestion', 'basis', 'note'] as const) {
    if (entry[key] !== undefined && typeof entry[key] !== 'string') err(`${path}.${key}`, '应为文字');
  }
  if (entry.severity !== undefined && !SEVERITIES.includes(entry.severity as Severity))
    err(`${path}.severity`, `应为 ${SEVERITIES.join('/')} 之一`);
  checkContext(entry.near, `${path}.near`, err);
  checkContext(entry.unlessNear, `${path}.unlessNear`, err);
}

function checkContext(ctx: unknown, path: string, err: (p: string, m: string) => void): void {
  if (ctx === undefined) return;
  if (!isObject(ctx)) return err(path, '应为 { terms | dictionary, window }');
  if (ctx.terms === undefined && ctx.dictionary === undefined) err(path, '需要 terms 或 dictionary');
  if (ctx.terms !== undefined && (!isStringArray(ctx.terms) || !ctx.terms.every(isTerm)))
    err(`${path}.terms`, '应为词语数组');
  if (ctx.dictionary !== undefined && typeof ctx.dictionary !== 'string') err(`${path}.dictionary`, '应为词典名');
  if (!Number.isInteger(ctx.window) || (ctx.window as number) < 0 || (ctx.window as number) > PACK_LIMITS.window) {
    err(`${path}.window`, `应为 0–${PACK_LIMITS.window} 的整数`);
  }
}

function checkSources(s: unknown, err: (p: string, m: string) => void): void {
  if (!isObject(s)) return err('sources', '应为 { outlets, domainSuffixes, organSuffixes, organMarkers, vague }');
  if (!Array.isArray(s.outlets)) err('sources.outlets', '应为数组');
  else {
    if (s.outlets.length > PACK_LIMITS.outlets) err('sources.outlets', `稿源数超过上限 ${PACK_LIMITS.outlets}`);
    s.outlets.forEach((o: unknown, i: number) => {
      const path = `sources.outlets[${i}]`;
      if (!isObject(o) || typeof o.name !== 'string' || o.name.trim() === '') return err(`${path}.name`, '必填');
      for (const key of ['aliases', 'domains', 'weibo', 'wechat'] as const) {
        if (o[key] !== undefined && !isStringArray(o[key])) err(`${path}.${key}`, '应为文字数组');
      }
      if (isStringArray(o.domains)) {
        for (const d of o.domains)
          if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(d) && !/^[^\s/]+\.政务$/.test(d))
            err(`${path}.domains`, `「${d}」不是域名`);
      }
    });
  }
  for (const key of ['domainSuffixes', 'organSuffixes', 'organMarkers', 'vague'] as const) {
    if (!isStringArray(s[key])) err(`sources.${key}`, '应为文字数组');
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function isTerm(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0 && v.length <= PACK_LIMITS.termLength;
}
