/**
 * A rule pack: data only (no code, no code-like language). It configures the rules that ship in
 * the extension — severities and options, term dictionaries with suggestions and basis, approved
 * sources, allow-lists, per-site selector overrides — and carries its own test cases. This is the
 * built form (one JSON document); admins write it as a folder of YAML files (see packs/default).
 *
 * The pack's shape is a valibot schema (`PackSchema`) and its types are inferred from it, so the
 * structural check of an untrusted pack and the types the engine reads cannot drift apart.
 */
import * as v from 'valibot';
import { checkModel, MODEL_LIMITS, type ModelDocument } from './model';
import { bool, describeIssues, fieldsOf, isPlainObject, objectOf, pathTo, strictRecord } from './schema';
import { ID_PATTERN, SEVERITIES, VERSION_PATTERN, type DraftKind, type Platform } from './types';

export const PACK_FORMAT = 1;

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

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isTerm = (x: unknown): x is string =>
  typeof x === 'string' && x.trim().length > 0 && x.length <= PACK_LIMITS.termLength;

const TERM = `应为 1–${PACK_LIMITS.termLength} 个字的词语`;
const text = (message = '应为文字') => v.string(message);
const optionalText = v.optional(text());
const strings = (message: string) => v.custom<string[]>(isStringArray, message);
const filled = (message: string) =>
  v.pipe(
    v.string(message),
    v.check((s) => s.trim() !== '', message),
  );
const severity = v.picklist(SEVERITIES, `应为 ${SEVERITIES.join('/')} 之一`);
/** A plain object (not an array) whose values are all `value`. */
const table = <const T extends v.GenericSchema>(value: T, message: string) =>
  v.pipe(v.custom<Record<string, unknown>>(isPlainObject, message), v.record(v.string(), value, message));
/** Reports a value that is no object (or lacks a required field) at `key` inside it. */
const objectAt = (key: string, message: string, ok: (o: Record<string, unknown>) => boolean = () => true) =>
  v.rawCheck<unknown>(({ dataset, addIssue }) => {
    if (!isPlainObject(dataset.value) || !ok(dataset.value)) addIssue({ message, path: pathTo(dataset.value, key) });
  });

const RuleConfig = objectOf(
  {
    severity,
    options: v.optional(table(v.unknown(), '应为对象')),
  },
  '应为 { severity, options } 对象',
);
export type RuleConfig = v.InferOutput<typeof RuleConfig>;

const ContextCondition = v.pipe(
  objectOf(
    {
      terms: v.optional(v.custom<string[]>((x) => isStringArray(x) && x.every(isTerm), '应为词语数组')),
      /** Name of another dictionary of the pack whose terms count as context. */
      dictionary: v.optional(text('应为词典名')),
      /**
       * Distance on either side of the match, in content characters: spaces, punctuation and
       * invisible characters do not count, so padding cannot move context in or out of reach.
       */
      window: v.pipe(
        v.number(`应为 0–${PACK_LIMITS.window} 的整数`),
        v.integer(`应为 0–${PACK_LIMITS.window} 的整数`),
        v.minValue(0, `应为 0–${PACK_LIMITS.window} 的整数`),
        v.maxValue(PACK_LIMITS.window, `应为 0–${PACK_LIMITS.window} 的整数`),
      ),
    },
    '应为 { terms | dictionary, window }',
  ),
  v.check((c) => c.terms !== undefined || c.dictionary !== undefined, '需要 terms 或 dictionary'),
);
export type ContextCondition = v.InferOutput<typeof ContextCondition>;

/** An entry counts only when `near` occurs within `window` characters, and not when `unlessNear` does. */
const context = { near: v.optional(ContextCondition), unlessNear: v.optional(ContextCondition) };

const TermEntry = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, '应为对象'),
  v.check((e) => (e.term === undefined) !== (e.pattern === undefined), '需要且只能有 term 或 pattern 之一'),
  fieldsOf(
    {
      /** A literal term, matched on normalised text (width, case, traditional forms, separators). */
      term: v.optional(v.custom<string>(isTerm, TERM)),
      /** Or a restricted regular expression on the folded text (see safe-pattern.ts). */
      pattern: optionalText,
      suggestion: optionalText,
      basis: optionalText,
      note: optionalText,
      /** Overrides the rule's severity for this entry. */
      severity: v.optional(severity),
      ...context,
    },
    '应为对象',
  ),
);
export type TermEntry = v.InferOutput<typeof TermEntry>;

const Dictionary = v.pipe(
  v.custom<{ entries: unknown[] }>((d) => isPlainObject(d) && Array.isArray(d.entries), '应含 entries 数组'),
  v.check(
    (d) => d.entries.length <= PACK_LIMITS.entriesPerDictionary,
    (issue) => `词条数 ${issue.input.entries.length} 超过上限 ${PACK_LIMITS.entriesPerDictionary}`,
  ),
  fieldsOf(
    {
      description: optionalText,
      /** Default basis of the entries. */
      basis: optionalText,
      /** Context that applies to every entry unless the entry sets its own. */
      ...context,
      entries: v.array(TermEntry),
    },
    '应含 entries 数组',
  ),
);
export type Dictionary = v.InferOutput<typeof Dictionary>;

const AllowEntry = v.pipe(
  v.unknown(),
  objectAt('term', TERM, (a) => isTerm(a.term)),
  fieldsOf(
    {
      /** A longer correct expression that suppresses any finding inside it (路口交通 for 口交). */
      term: v.string(),
      /** Limit to these rule ids; all rules when absent. */
      rules: v.optional(strings('应为规则 id 数组')),
      basis: optionalText,
    },
    '应为对象',
  ),
);
export type AllowEntry = v.InferOutput<typeof AllowEntry>;

const DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/;
const ApprovedOutlet = v.pipe(
  v.unknown(),
  objectAt('name', '必填', (o) => typeof o.name === 'string' && o.name.trim() !== ''),
  fieldsOf(
    {
      name: v.string(),
      aliases: v.optional(strings('应为文字数组')),
      /** Registrable domains; subdomains are included. */
      domains: v.optional(
        v.pipe(
          strings('应为文字数组'),
          v.rawCheck(({ dataset, addIssue }) => {
            if (!dataset.typed) return;
            for (const d of dataset.value)
              if (!DOMAIN.test(d) && !/^[^\s/]+\.政务$/.test(d)) addIssue({ message: `「${d}」不是域名` });
          }),
        ),
      ),
      /** Platform account names. */
      weibo: v.optional(strings('应为文字数组')),
      wechat: v.optional(strings('应为文字数组')),
      basis: optionalText,
    },
    '应为对象',
  ),
);
export type ApprovedOutlet = v.InferOutput<typeof ApprovedOutlet>;

const ApprovedSources = objectOf(
  {
    outlets: v.pipe(
      v.array(ApprovedOutlet, '应为数组'),
      v.maxLength(PACK_LIMITS.outlets, `稿源数超过上限 ${PACK_LIMITS.outlets}`),
    ),
    /** Host suffixes approved as a whole, e.g. `.gov.cn`. */
    domainSuffixes: strings('应为文字数组'),
    /**
     * Party and government organs' own releases count as approved: a name that ends with one of
     * `organSuffixes` (…局, …人民政府) and contains one of `organMarkers` (市, 县, 国家…).
     */
    organSuffixes: strings('应为文字数组'),
    organMarkers: strings('应为文字数组'),
    /** Names that are not a source at all (网络, 网友, 互联网…). */
    vague: strings('应为文字数组'),
  },
  '应为 { outlets, domainSuffixes, organSuffixes, organMarkers, vague }',
);
export type ApprovedSources = v.InferOutput<typeof ApprovedSources>;

/** Selectors tried in order for one selector key. */
const SELECTORS = `应为 1–${PACK_LIMITS.selectorsPerKey} 个选择器`;
const Selectors = v.pipe(
  v.custom<string[]>((x) => isStringArray(x) && x.length > 0 && x.length <= PACK_LIMITS.selectorsPerKey, SELECTORS),
  v.check(
    (list) => list.every((s) => s.length <= PACK_LIMITS.selectorLength),
    `选择器长度超过 ${PACK_LIMITS.selectorLength}`,
  ),
);

/**
 * The draft of a pack's test case. Its fields are those of a Draft (DESIGN.md), each optional;
 * pack-tests.ts fills in the rest. Only its being an object is checked here.
 */
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

const PackTest = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, '应为对象'),
  v.check((t) => typeof t.text === 'string' || isPlainObject(t.draft), '需要 text 或 draft'),
  fieldsOf(
    {
      /** Shorthand for a draft whose body is this text. */
      text: optionalText,
      draft: v.optional(v.custom<Partial<PackTestDraft>>(isPlainObject, '应为对象')),
      /** Rule ids that must produce shown findings; any other shown rule fails the case. */
      expect: strings('应为规则 id 数组（可为空）'),
      note: optionalText,
    },
    '应为对象',
  ),
);
export type PackTest = v.InferOutput<typeof PackTest>;

/** Counted before the rest is checked: a pack this large is refused for that alone. */
function totalEntries(pack: Record<string, unknown>): number {
  let total = 0;
  if (isPlainObject(pack.dictionaries))
    for (const d of Object.values(pack.dictionaries))
      if (isPlainObject(d) && Array.isArray(d.entries)) total += d.entries.length;
  return total;
}

export const PackSchema = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, '规则包必须是一个 JSON 对象'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const total = totalEntries(dataset.value);
    if (total > PACK_LIMITS.totalEntries)
      addIssue({
        message: `词条总数 ${total} 超过上限 ${PACK_LIMITS.totalEntries}`,
        path: pathTo(dataset.value, 'dictionaries'),
      });
  }),
  fieldsOf(
    {
      format: v.literal(PACK_FORMAT, (issue) => `格式版本应为 ${PACK_FORMAT}，实际为 ${JSON.stringify(issue.input)}`),
      /** Stable id, e.g. `baoding-default`. */
      id: v.pipe(
        v.string('应为小写字母、数字和连字符组成的标识（最长 64）'),
        v.regex(ID_PATTERN, '应为小写字母、数字和连字符组成的标识（最长 64）'),
      ),
      /** MAJOR.MINOR.PATCH; a browser only ever moves to a newer version of the same id. */
      version: v.pipe(
        v.string('应为 主版本.次版本.修订号，如 1.4.0'),
        v.regex(VERSION_PATTERN, '应为 主版本.次版本.修订号，如 1.4.0'),
      ),
      name: filled('必填的文字字段'),
      issuer: filled('必填的文字字段'),
      /** ISO date of the pack's release. */
      date: v.pipe(
        filled('必填的文字字段'),
        v.check((d) => !Number.isNaN(Date.parse(d)), '不是有效日期（如 2026-11-29）'),
      ),
      description: optionalText,
      /**
       * Set by an admin who turns every rule off on purpose (an emergency stop). Admission refuses a
       * pack with every rule off that does not say so (pack-trust/admit.ts).
       */
      disablesAllRules: v.optional(v.boolean('应为 true 或 false')),
      /**
       * What an override must carry beyond its reason. `justify: true`: publishing over a
       * justify-level finding names who passed each of the five checks of the 三审 process
       * (政治关、法律关、政策关、保密关、文字关). Absent: not asked.
       */
      review: v.optional(strictRecord({ justify: v.optional(bool) })),
      rules: table(RuleConfig, '应为「规则 id → 配置」的对象'),
      dictionaries: v.pipe(
        v.custom<Record<string, unknown>>(isPlainObject, '应为「词典名 → 词典」的对象'),
        v.check(
          (d) => Object.keys(d).length <= PACK_LIMITS.dictionaries,
          (issue) => `词典数 ${Object.keys(issue.input as object).length} 超过上限 ${PACK_LIMITS.dictionaries}`,
        ),
        v.record(v.string(), Dictionary),
      ),
      sources: ApprovedSources,
      allow: v.pipe(
        v.array(AllowEntry, '应为数组'),
        v.maxLength(PACK_LIMITS.allowEntries, `白名单条目数超过上限 ${PACK_LIMITS.allowEntries}`),
      ),
      /** Per-adapter selector overrides: adapter id → selector key → selectors, tried in order. */
      sites: table(table(Selectors, '应为「选择器名 → 选择器数组」的对象'), '应为「适配器 id → 选择器表」的对象'),
      tests: v.pipe(
        v.array(PackTest, '应为测试用例数组'),
        v.maxLength(PACK_LIMITS.tests, `用例数超过上限 ${PACK_LIMITS.tests}`),
      ),
      /**
       * Judgement models by name (rules/engine/model.ts), read by the rules whose options name
       * them. Optional: a pack made before models existed has none, and its rules judge without
       * one. Each model's own fields are checked by checkModel (validatePack).
       */
      models: v.optional(v.custom<Record<string, ModelDocument>>(isPlainObject, '应为「模型名 → 模型」的对象')),
    },
    '规则包必须是一个 JSON 对象',
  ),
);
export type Pack = v.InferOutput<typeof PackSchema>;

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
 * when the pack is compiled. The pack given is the pack answered, unchanged: fields this build
 * does not know are kept, as before.
 */
export function validatePack(input: unknown): PackValidation {
  const result = v.safeParse(PackSchema, input);
  const errors = result.success ? [] : describeIssues(result.issues, { sep: ': ' });
  errors.push(...modelErrors(input));
  return errors.length ? { ok: false, errors } : { ok: true, pack: input as Pack };
}

/** The models' own checks (rules/engine/model.ts), each problem with its path. */
function modelErrors(input: unknown): string[] {
  if (!isPlainObject(input) || !isPlainObject(input.models)) return [];
  const errors: string[] = [];
  const err = (path: string, msg: string) => errors.push(`${path}: ${msg}`);
  const models = Object.entries(input.models);
  if (models.length > MODEL_LIMITS.models) err('models', `模型数 ${models.length} 超过上限 ${MODEL_LIMITS.models}`);
  for (const [name, model] of models) {
    if (!ID_PATTERN.test(name)) err(`models.${name}`, '模型名应为小写字母、数字和连字符');
    checkModel(model, `models.${name}`, err);
    const chars = JSON.stringify(model)?.length ?? 0;
    if (chars > MODEL_LIMITS.chars) err(`models.${name}`, `模型 ${chars} 字符，超过上限 ${MODEL_LIMITS.chars}`);
  }
  return errors;
}
