/**
 * Reads a pack source folder — the form admins write and review by hand — into the built pack
 * document (rules/engine/pack.ts). Node only.
 *
 *   pack.yaml            id, version, name, issuer, date, description, disablesAllRules
 *   sources.yaml         approved outlets, accounts and domains
 *   allow.yaml           pack-wide allow-list (entries may name the rules they apply to)
 *   sites.yaml           optional per-site selector overrides
 *   tests.yaml           optional cross-rule test cases
 *   rules/<rule-id>.yaml severity, options, the rule's dictionaries, allow entries and tests
 *
 * Shorthands accepted in the source (expanded in the built pack): a dictionary entry may be a
 * string, "术语" or "错误写法 → 正确写法"; an allow entry may be a string; allow entries in a rule's
 * file apply to that rule only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import {
  PACK_FORMAT,
  validatePack,
  type AllowEntry,
  type Dictionary,
  type Pack,
  type PackTest,
  type TermEntry,
} from '../../rules/engine/pack';

export class PackSourceError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

function readYaml(file: string, problems: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    problems.push(`${file}: 无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    return undefined;
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0];
      problems.push(`${file}${line ? `:${line.line}:${line.col}` : ''}: YAML 语法错误：${e.message.split('\n')[0]}`);
    }
    return undefined;
  }
  return doc.toJS();
}

const ARROW = /\s*(?:→|->)\s*/;

function expandEntry(entry: unknown): TermEntry {
  if (typeof entry === 'string') {
    const [term, suggestion] = entry.split(ARROW);
    return suggestion !== undefined ? { term: term.trim(), suggestion: suggestion.trim() } : { term: entry.trim() };
  }
  return entry as TermEntry;
}

function expandAllow(entry: unknown, rule?: string): AllowEntry {
  const base: AllowEntry = typeof entry === 'string' ? { term: entry } : (entry as AllowEntry);
  return rule ? { ...base, rules: [rule] } : base;
}

function asObject(value: unknown, file: string, problems: string[]): Record<string, any> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${file}: 顶层应为键值对象`);
    return {};
  }
  return value as Record<string, any>;
}

export function loadPackSource(dir: string): Pack {
  return readPackSource(dir).pack;
}

/** The built pack, and for each of its test cases the file it was written in (for messages). */
export function readPackSource(dir: string): { pack: Pack; testOrigins: string[] } {
  const problems: string[] = [];
  const file = (name: string) => join(dir, name);
  if (!existsSync(file('pack.yaml'))) throw new PackSourceError([`${dir}: 不是规则包源目录（缺少 pack.yaml）`]);

  const head = asObject(readYaml(file('pack.yaml'), problems), file('pack.yaml'), problems);
  const sources = readYaml(file('sources.yaml'), problems);
  const allowList = existsSync(file('allow.yaml')) ? readYaml(file('allow.yaml'), problems) : [];
  const sites = existsSync(file('sites.yaml')) ? readYaml(file('sites.yaml'), problems) : {};
  const crossTests = existsSync(file('tests.yaml')) ? readYaml(file('tests.yaml'), problems) : [];

  const rules: Pack['rules'] = {};
  const dictionaries: Record<string, Dictionary> = {};
  const allow: AllowEntry[] = Array.isArray(allowList) ? allowList.map((a) => expandAllow(a)) : [];
  if (!Array.isArray(allowList)) problems.push(`${file('allow.yaml')}: 应为列表`);
  const tests: PackTest[] = Array.isArray(crossTests) ? [...crossTests] : [];
  const testOrigins = tests.map((_, i) => `tests.yaml 第 ${i + 1} 个`);
  if (!Array.isArray(crossTests)) problems.push(`${file('tests.yaml')}: 应为列表`);

  const rulesDir = file('rules');
  const ruleFiles = existsSync(rulesDir)
    ? readdirSync(rulesDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  for (const name of ruleFiles) {
    const path = join(rulesDir, name);
    const id = basename(name, '.yaml');
    const doc = asObject(readYaml(path, problems), path, problems);
    rules[id] =
      doc.options === undefined ? { severity: doc.severity } : { severity: doc.severity, options: doc.options };
    for (const [dictName, dict] of Object.entries(asObject(doc.dictionaries, path, problems))) {
      if (dictName in dictionaries) {
        problems.push(`${path}: 词典「${dictName}」已在别的文件中定义`);
        continue;
      }
      const d = asObject(dict, `${path} dictionaries.${dictName}`, problems);
      const entries = Array.isArray(d.entries) ? d.entries.map(expandEntry) : d.entries;
      dictionaries[dictName] = { ...d, entries } as Dictionary;
    }
    if (doc.allow !== undefined) {
      if (Array.isArray(doc.allow)) allow.push(...doc.allow.map((a: unknown) => expandAllow(a, id)));
      else problems.push(`${path}: allow 应为列表`);
    }
    if (doc.tests !== undefined) {
      if (Array.isArray(doc.tests)) {
        tests.push(...doc.tests);
        testOrigins.push(...doc.tests.map((_: unknown, i: number) => `rules/${name} 第 ${i + 1} 个`));
      } else problems.push(`${path}: tests 应为列表`);
    }
  }
  if (problems.length) throw new PackSourceError(problems);

  const pack = {
    format: PACK_FORMAT,
    id: head.id,
    version: head.version,
    name: head.name,
    issuer: head.issuer,
    date: head.date instanceof Date ? head.date.toISOString().slice(0, 10) : head.date,
    ...(head.description ? { description: head.description } : {}),
    ...(head.disablesAllRules !== undefined ? { disablesAllRules: head.disablesAllRules } : {}),
    rules,
    dictionaries,
    sources,
    allow,
    sites,
    tests,
  };
  const validation = validatePack(pack);
  if (!validation.ok) throw new PackSourceError(validation.errors.map((e) => `${dir}: ${e}`));
  return { pack: validation.pack, testOrigins };
}
