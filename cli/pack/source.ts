/**
 * Reads a pack source folder — the form admins write and review by hand — into the built pack
 * document (rules/engine/pack.ts). Node only.
 *
 *   pack.yaml            id, version, name, issuer, date, description, disablesAllRules, review
 *   sources.yaml         approved outlets, accounts and domains
 *   allow.yaml           pack-wide allow-list (entries may name the rules they apply to)
 *   sites.yaml           optional per-site selector overrides
 *   tests.yaml           optional cross-rule test cases
 *   rules/<rule-id>.yaml severity, options, the rule's dictionaries, allow entries and tests
 *   models/<name>.json   optional judgement models (written by `npm run train`; rules/engine/model.ts)
 *
 * Shorthands accepted in the source (expanded in the built pack): a dictionary entry may be a
 * string, "术语" or "错误写法 → 正确写法"; an allow entry may be a string; allow entries in a rule's
 * file apply to that rule only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import { PACK_FORMAT, validatePack, type Pack } from '../../rules/engine/pack';

export class PackSourceError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** The names of the files in `dir` that end in `ext`, sorted; none where the folder is absent. */
function filesIn(dir: string, ext: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
    : [];
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

// What the YAML files hold is unknown until validatePack has read the assembled pack: the
// shorthands are expanded where they are recognised and everything else is passed on as written,
// so the validator names the field that is wrong.

function expandEntry(entry: unknown): unknown {
  if (typeof entry === 'string') {
    const [term = '', suggestion] = entry.split(ARROW);
    return suggestion !== undefined ? { term: term.trim(), suggestion: suggestion.trim() } : { term: entry.trim() };
  }
  return entry;
}

function expandAllow(entry: unknown, rule?: string): unknown {
  const base = typeof entry === 'string' ? { term: entry } : entry;
  return rule && typeof base === 'object' && base !== null ? { ...base, rules: [rule] } : base;
}

function asObject(value: unknown, file: string, problems: string[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${file}: 顶层应为键值对象`);
    return {};
  }
  return value as Record<string, unknown>;
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

  const rules: Record<string, unknown> = {};
  const dictionaries: Record<string, unknown> = {};
  const allow: unknown[] = Array.isArray(allowList) ? allowList.map((a) => expandAllow(a)) : [];
  if (!Array.isArray(allowList)) problems.push(`${file('allow.yaml')}: 应为列表`);
  const tests: unknown[] = Array.isArray(crossTests) ? [...(crossTests as unknown[])] : [];
  const testOrigins = tests.map((_, i) => `tests.yaml 第 ${i + 1} 个`);
  if (!Array.isArray(crossTests)) problems.push(`${file('tests.yaml')}: 应为列表`);

  const rulesDir = file('rules');
  for (const name of filesIn(rulesDir, '.yaml')) {
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
      const entries = Array.isArray(d.entries) ? (d.entries as unknown[]).map(expandEntry) : d.entries;
      dictionaries[dictName] = { ...d, entries };
    }
    if (doc.allow !== undefined) {
      if (Array.isArray(doc.allow)) allow.push(...(doc.allow as unknown[]).map((a) => expandAllow(a, id)));
      else problems.push(`${path}: allow 应为列表`);
    }
    if (doc.tests !== undefined) {
      if (Array.isArray(doc.tests)) {
        const own = doc.tests as unknown[];
        tests.push(...own);
        testOrigins.push(...own.map((_, i) => `rules/${name} 第 ${i + 1} 个`));
      } else problems.push(`${path}: tests 应为列表`);
    }
  }
  const models: Record<string, unknown> = {};
  const modelsDir = file('models');
  const modelFiles = filesIn(modelsDir, '.json');
  for (const name of modelFiles) {
    const path = join(modelsDir, name);
    try {
      models[basename(name, '.json')] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      problems.push(`${path}: 不是有效的 JSON 模型文件（${(e as Error).message}）`);
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
    ...(head.review !== undefined ? { review: head.review } : {}),
    rules,
    dictionaries,
    sources,
    allow,
    sites,
    tests,
    ...(modelFiles.length ? { models } : {}),
  };
  const validation = validatePack(pack);
  if (!validation.ok) throw new PackSourceError(validation.errors.map((e) => `${dir}: ${e}`));
  return { pack: validation.pack, testOrigins };
}
