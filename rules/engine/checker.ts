/**
 * Compile a pack once into a checker; check drafts with it as often as needed (every keystroke,
 * every publish click, every line of a batch). Deterministic, synchronous, no I/O.
 */
import type {
  DraftReporter,
  DraftView,
  FieldReporter,
  HitOverrides,
  OptionsSpec,
  ReportInput,
  RuleModule,
  TextFieldName,
} from './define-rule';
import type { TermHit } from './dictionaries';
import { formatMessage } from './define-rule';
import { CompiledDictionaries, DictionaryCompileError } from './dictionaries';
import { LazyFieldView } from './field-view';
import { CompiledModel } from './model';
import { validatePack, type Pack } from './pack';
import { compileSources } from './sources';
import {
  SEVERITIES,
  severityRank,
  verdictOf,
  type Category,
  type Draft,
  type FieldName,
  type Finding,
  type Range,
  type Report,
  type RuleError,
  type Severity,
} from './types';

export class PackCompileError extends Error {
  constructor(readonly errors: string[]) {
    super(`规则包无法使用：\n${errors.join('\n')}`);
  }
}

export interface ActiveRule {
  id: string;
  category: Category;
  severity: Severity;
  description: string;
}

export interface Checker {
  readonly pack: { id: string; version: string; name: string; issuer: string; date: string };
  readonly rules: readonly ActiveRule[];
  /** Number of distinct terms in the compiled automaton. */
  readonly termCount: number;
  /** The pack's judgement models, compiled. */
  readonly models: readonly { name: string; category: Category; ngrams: number }[];
  check(draft: Draft): Report;
}

interface CompiledRule {
  module: RuleModule;
  severity: Severity;
  visitors: ReturnType<RuleModule['create']>;
  fields: readonly TextFieldName[];
}

// What readers read as the post itself. The byline is left to rules that ask for it.
const DEFAULT_FIELDS: readonly TextFieldName[] = ['title', 'summary', 'body'];

export function compilePack(input: unknown, registry: readonly RuleModule[]): Checker {
  const validation = validatePack(input);
  if (!validation.ok) throw new PackCompileError(validation.errors);
  const pack = validation.pack;
  const errors: string[] = [];

  let dictionaries: CompiledDictionaries;
  try {
    dictionaries = new CompiledDictionaries(pack);
  } catch (e) {
    if (e instanceof DictionaryCompileError) throw new PackCompileError(e.errors);
    throw e;
  }
  const sources = compileSources(pack.sources);
  const models = Object.entries(pack.models ?? {}).map(([name, doc]) => new CompiledModel(name, doc));
  const known = new Map(registry.map((r) => [r.meta.id, r]));
  for (const id of Object.keys(pack.rules)) {
    if (!known.has(id)) errors.push(`rules.${id}: 没有这条规则（本版本的规则：${[...known.keys()].join('、')}）`);
  }
  for (const [i, a] of pack.allow.entries()) {
    for (const id of a.rules ?? []) if (!known.has(id)) errors.push(`allow[${i}].rules: 没有规则「${id}」`);
  }

  const compiled: CompiledRule[] = [];
  for (const module of registry) {
    const config = pack.rules[module.meta.id];
    if (!config || config.severity === 'off') continue;
    const options = resolveOptions(
      module.meta.options,
      config.options ?? {},
      `rules.${module.meta.id}.options`,
      errors,
      dictionaries,
      pack.models === undefined ? null : models,
    );
    if (!options) continue;
    compiled.push({
      module,
      severity: config.severity,
      visitors: module.create({ options: options as never, sources }),
      fields: module.meta.fields ?? DEFAULT_FIELDS,
    });
  }
  if (errors.length) throw new PackCompileError(errors);

  return {
    pack: { id: pack.id, version: pack.version, name: pack.name, issuer: pack.issuer, date: pack.date },
    rules: compiled.map((r) => ({
      id: r.module.meta.id,
      category: r.module.meta.category,
      severity: r.severity,
      description: r.module.meta.description,
    })),
    termCount: dictionaries.termCount,
    models: models.map((m) => ({ name: m.name, category: m.category, ngrams: m.ngramCount })),
    check: (draft) => runCheck(draft, compiled, dictionaries, models, pack),
  };
}

function resolveOptions(
  spec: OptionsSpec,
  given: Record<string, unknown>,
  path: string,
  errors: string[],
  dictionaries: CompiledDictionaries,
  /** The pack's models; null for a pack that has no models section. */
  models: readonly CompiledModel[] | null,
): Record<string, unknown> | null {
  const before = errors.length;
  for (const key of Object.keys(given))
    if (!(key in spec))
      errors.push(`${path}.${key}: 这条规则没有此选项（可用：${Object.keys(spec).join('、') || '无'}）`);
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(spec)) {
    const value = key in given ? given[key] : s.default;
    const at = `${path}.${key}`;
    switch (s.type) {
      case 'dictionary': {
        const handle = typeof value === 'string' ? dictionaries.handle(value) : undefined;
        if (!handle) errors.push(`${at}: 词典「${String(value)}」不存在`);
        out[key] = handle;
        break;
      }
      case 'integer':
        if (!Number.isInteger(value) || (value as number) < s.min || (value as number) > s.max)
          errors.push(`${at}: 应为 ${s.min}–${s.max} 的整数`);
        out[key] = value;
        break;
      case 'boolean':
        if (typeof value !== 'boolean') errors.push(`${at}: 应为 true 或 false`);
        out[key] = value;
        break;
      case 'strings':
        if (!Array.isArray(value) || value.length > s.maxItems || !value.every((v) => typeof v === 'string'))
          errors.push(`${at}: 应为最多 ${s.maxItems} 项的文字数组`);
        out[key] = Object.freeze([...(value as string[])]);
        break;
      case 'model': {
        if (typeof value !== 'string') errors.push(`${at}: 应为模型名（或空字符串表示不用模型）`);
        else if (value === '' || models === null) out[key] = null;
        else {
          const id = models.findIndex((m) => m.name === value);
          const model = models[id];
          if (!model)
            errors.push(
              `${at}: 模型「${value}」不存在（规则包的模型：${models.map((m) => m.name).join('、') || '无'}）`,
            );
          else out[key] = Object.freeze({ id, name: value, thresholds: model.thresholds });
        }
        break;
      }
      case 'severity':
        if (!SEVERITIES.includes(value as Severity)) errors.push(`${at}: 应为 ${SEVERITIES.join('/')} 之一`);
        out[key] = value;
        break;
    }
  }
  return errors.length > before ? null : Object.freeze(out);
}

/** The text of each field a draft has, in report order. */
function draftFields(draft: Draft): [FieldName, string][] {
  const fields: [FieldName, string][] = [];
  if (draft.title) fields.push(['title', draft.title]);
  if (draft.author) fields.push(['author', draft.author]);
  if (draft.summary) fields.push(['summary', draft.summary]);
  fields.push(['body', draft.body ?? '']);
  if (draft.source?.name) fields.push(['source', draft.source.name]);
  if (draft.source?.url) fields.push(['source.url', draft.source.url]);
  if (draft.quoted?.text) fields.push(['quoted', draft.quoted.text]);
  if (draft.quoted?.author) fields.push(['quoted.author', draft.quoted.author]);
  draft.links?.forEach((l, i) => l.href && fields.push([`links[${i}]`, l.href]));
  return fields;
}

interface PendingFinding extends ReportInput<string> {
  field: FieldName;
  rule: CompiledRule;
  /** The compact span of the dictionary hit reported, when the finding is one at the hit's own range. */
  compact?: Range;
  /** Words of a repost chain: kept by a quoteAware rule (HitOverrides.reposted). */
  reposted?: boolean;
}

function runCheck(
  draft: Draft,
  rules: readonly CompiledRule[],
  dictionaries: CompiledDictionaries,
  models: readonly CompiledModel[],
  pack: Pack,
): Report {
  const order = draftFields(draft);
  const views = new Map<FieldName, LazyFieldView>();
  for (const [name, text] of order) views.set(name, new LazyFieldView(name, text, dictionaries, models));
  const draftView: DraftView = { draft, field: (name) => views.get(name) };

  const pending: PendingFinding[] = [];
  const errors: RuleError[] = [];
  for (const rule of rules) {
    const { field: visitField, draft: visitDraft } = rule.visitors;
    try {
      if (visitField) {
        for (const name of rule.fields) {
          const view = views.get(name);
          if (view) visitField(view, new PendingFieldReports(pending, name, rule));
        }
      }
      if (visitDraft) visitDraft(draftView, new PendingDraftReports(pending, rule));
    } catch (e) {
      errors.push({ ruleId: rule.module.meta.id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  const findings = settle(
    pending,
    views,
    order.map(([n]) => n),
    errors,
  );
  return { verdict: verdictOf(findings), findings, errors, pack: { id: pack.id, version: pack.version } };
}

/** What a rule reports on one field, kept for `settle` (a class: no closures made per rule and field). */
class PendingFieldReports implements FieldReporter<string> {
  constructor(
    private readonly pending: PendingFinding[],
    private readonly field: FieldName,
    private readonly rule: CompiledRule,
  ) {}

  report(input: ReportInput<string>): void {
    this.pending.push(pendingFinding(input, this.field, this.rule));
  }

  hit(hit: TermHit, messageId: string, extra?: HitOverrides): void {
    const suggestion = extra?.suggestion ?? hit.entry.suggestion;
    // A rule that moves the range (widened to a quote pair) lets `{term}` name the finding's own excerpt.
    const base: Record<string, string | number> = extra?.range
      ? { suggestion: suggestion ?? '' }
      : { term: hit.excerpt, suggestion: suggestion ?? '' };
    this.pending.push({
      field: this.field,
      rule: this.rule,
      range: extra?.range ?? hit.range,
      compact: extra?.range ? undefined : hit.compact,
      messageId,
      data: extra?.data ? Object.assign(base, extra.data) : base,
      suggestion,
      basis: extra?.basis ?? hit.entry.basis,
      severity: extra?.severity ?? hit.entry.severity,
      reposted: extra?.reposted,
    });
  }
}

class PendingDraftReports implements DraftReporter<string> {
  constructor(
    private readonly pending: PendingFinding[],
    private readonly rule: CompiledRule,
  ) {}

  report(input: ReportInput<string> & { field: FieldName }): void {
    this.pending.push(pendingFinding(input, input.field, this.rule));
  }
}

/**
 * Copied field by field: spreading objects of the many shapes rules report leaves the copy on
 * V8's slowest path, which cost more per report than everything else a report does.
 */
function pendingFinding(input: ReportInput<string>, field: FieldName, rule: CompiledRule): PendingFinding {
  return {
    range: input.range,
    messageId: input.messageId,
    data: input.data,
    suggestion: input.suggestion,
    basis: input.basis,
    severity: input.severity,
    spans: input.spans,
    field,
    rule,
  };
}

/** Allow-lists, quote awareness, severities, de-duplication and a stable order. */
function settle(
  pending: PendingFinding[],
  views: Map<FieldName, LazyFieldView>,
  fieldOrder: FieldName[],
  errors: RuleError[],
): Finding[] {
  const kept: Finding[] = [];
  for (const p of pending) {
    const view = views.get(p.field);
    if (!view) continue;
    const [start, end] = p.range;
    const id = p.rule.module.meta.id;
    if (view.allowed(p.range, id, p.compact)) continue;
    if (p.rule.module.meta.quoteAware && !p.reposted && view.inQuote(p.range)) continue;
    const severity = p.severity ?? p.rule.severity;
    if (severity === 'off') continue;
    const meta = p.rule.module.meta;
    const template = meta.messages[p.messageId];
    if (template === undefined) {
      errors.push({ ruleId: id, message: `报告了未声明的消息「${p.messageId}」` });
      continue;
    }
    const excerpt = view.text.slice(start, end);
    const finding: Finding = {
      ruleId: id,
      category: meta.category,
      severity,
      field: p.field,
      range: [start, end],
      excerpt,
      message: formatMessage(template, p.data, excerpt),
      basis: p.basis || meta.basis,
      messageId: p.messageId,
    };
    const spans = p.spans?.length
      ? p.spans.map((r) => ({ range: r, excerpt: view.text.slice(r[0], r[1]) }))
      : undefined;
    kept.push(p.suggestion === undefined && !spans ? finding : withExtras(finding, p.suggestion, spans));
  }

  const fieldRank = new Map(fieldOrder.map((f, i) => [f, i]));
  kept.sort(
    (a, b) =>
      fieldRank.get(a.field)! - fieldRank.get(b.field)! ||
      a.range[0] - b.range[0] ||
      b.range[1] - a.range[1] ||
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  // One finding per rule for nested spans: 限时抢购 covers 抢购; the longer, more severe one stays.
  // Sorted by start, then longest first, so a covering finding always comes before what it covers.
  const out: Finding[] = [];
  const reach = new Map<string, { end: number; rank: number }>();
  for (const f of kept) {
    const key = `${f.ruleId}\u0000${f.field}`;
    const rank = severityRank(f.severity);
    const r = reach.get(key);
    if (r && f.range[1] <= r.end && r.rank >= rank) continue;
    out.push(f);
    if (!r || f.range[1] > r.end) reach.set(key, { end: f.range[1], rank });
  }
  return out;
}

/**
 * The finding with its suggestion, which stands before the basis in a finding (logs hash them as
 * written), and its spans, which stand last.
 */
function withExtras(f: Finding, suggestion: string | undefined, spans: Finding['spans']): Finding {
  const head = {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    field: f.field,
    range: f.range,
    excerpt: f.excerpt,
    message: f.message,
  };
  const tail = spans ? { basis: f.basis, messageId: f.messageId, spans } : { basis: f.basis, messageId: f.messageId };
  return suggestion === undefined ? { ...head, ...tail } : { ...head, suggestion, ...tail };
}
