/**
 * RuleTester: ESLint's strictness, textlint's ranges, for Chinese text.
 *
 * A rule is tested with the default pack's own data (its dictionaries, sources and allow-list),
 * every other rule switched off. The tester:
 * - requires at least MINIMUM valid and MINIMUM invalid cases, no duplicates, and every declared
 *   message id exercised by some invalid case;
 * - checks each invalid case's findings exactly: count, message id, field, range (given as the
 *   excerpt `at` it must cover, or as `range`), and suggestion / severity where stated; messages
 *   must have no unfilled placeholders;
 * - re-runs every case in disguise — zero-width characters between all characters, combining
 *   marks between all characters, ASCII in full width, the text in traditional characters, every
 *   line typed backwards inside a right-to-left override (so that it displays as the plain line),
 *   and (invalid cases) spaces slipped into each excerpt — and expects the same findings at the
 *   disguised ranges.
 */
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../cli/pack/default-pack';
import { loadPackSource } from '../cli/pack/source';
import { compilePack, type Checker } from '../rules/engine/checker';
import type { RuleModule } from '../rules/engine/define-rule';
import type { Pack } from '../rules/engine/pack';
import type { Draft, FieldName, Finding, Severity } from '../rules/engine/types';
import { RULES } from '../rules/index';

export const MINIMUM_CASES = 8;

export type Variant = 'zero-width' | 'combining' | 'full-width' | 'traditional' | 'overridden' | 'spaced';
const ALL_VARIANTS: readonly Variant[] = [
  'zero-width',
  'combining',
  'full-width',
  'traditional',
  'overridden',
  'spaced',
];

export interface ValidCase {
  text?: string;
  draft?: Partial<Draft>;
  options?: Record<string, unknown>;
  /** Why this case exists (shown in the test name). */
  note?: string;
  /** Disguises that do not apply to this case (false: none apply). */
  variants?: false | readonly Variant[];
}

export interface ExpectedError {
  messageId: string;
  /** The original text the finding must cover exactly. */
  at?: string;
  /** Which occurrence of `at` in the field (0-based). */
  occurrence?: number;
  range?: readonly [number, number];
  field?: FieldName;
  suggestion?: string;
  severity?: Severity;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export interface RuleTests {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
  /** Disguises that do not apply to this rule at all. */
  skipVariants?: readonly Variant[];
}

let basePack: Pack | undefined;
export function defaultPack(): Pack {
  return (basePack ??= loadPackSource(DEFAULT_PACK_DIR));
}

const checkers = new Map<string, Checker>();
function checkerFor(rule: RuleModule, options: Record<string, unknown> | undefined): Checker {
  const key = `${rule.meta.id}\u0000${JSON.stringify(options ?? null)}`;
  let checker = checkers.get(key);
  if (!checker) {
    const pack = defaultPack();
    const own = pack.rules[rule.meta.id];
    const severity = own && own.severity !== 'off' ? own.severity : 'warn';
    const rules: Pack['rules'] = {};
    for (const id of Object.keys(pack.rules)) rules[id] = { severity: 'off' };
    rules[rule.meta.id] = { severity, options: { ...own?.options, ...options } };
    const registry = RULES.some((r) => r.meta.id === rule.meta.id) ? RULES : [...RULES, rule];
    checker = compilePack({ ...pack, rules, tests: [] }, registry);
    checkers.set(key, checker);
  }
  return checker;
}

function baseDraft(c: ValidCase): Draft {
  return { platform: 'weibo', kind: 'post', ...c.draft, body: c.draft?.body ?? c.text ?? '' };
}

/** The text of a field of a draft, for locating `at`. */
export function fieldText(draft: Draft, field: FieldName): string {
  const link = /^links\[(\d+)\]$/.exec(field);
  if (link) return draft.links?.[Number(link[1])]?.href ?? '';
  const map: Record<string, string | undefined> = {
    title: draft.title,
    author: draft.author,
    summary: draft.summary,
    body: draft.body,
    source: draft.source?.name,
    'source.url': draft.source?.url,
    quoted: draft.quoted?.text,
    'quoted.author': draft.quoted?.author,
  };
  return map[field] ?? '';
}

// ---- disguises -------------------------------------------------------------------------------

const toTraditional = Converter({ from: 'cn', to: 'tw' });

/**
 * Every line typed backwards between RLO (U+202E) and PDF (U+202C), code point by code point:
 * displayed, it reads as the plain line. `at[i]` is where plain code unit i was typed.
 */
export function overrideLines(plain: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let from = 0;
  for (const line of plain.split('\n')) {
    if (from > 0) {
      at.push(text.length);
      text += '\n';
    }
    const points: [number, string][] = [];
    for (let i = 0; i < line.length;) {
      const point = String.fromCodePoint(line.codePointAt(i)!);
      points.push([from + i, point]);
      i += point.length;
    }
    if (points.length) text += '\u202e';
    for (const [i, point] of points.reverse()) {
      for (let u = 0; u < point.length; u++) at[i + u] = text.length + u;
      text += point;
    }
    if (points.length) text += '\u202c';
    from += line.length + 1;
  }
  at.push(text.length);
  return { text, at };
}

const TRANSFORMS: Record<Exclude<Variant, 'spaced'>, (s: string) => string> = {
  'zero-width': (s) => [...s].join('\u200b'),
  combining: (s) => [...s].join('\u0301'),
  'full-width': (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  traditional: (s) => toTraditional(s),
  overridden: (s) => overrideLines(s).text,
};

/** Where a range of a plain field lands in the field typed backwards line by line: the typed range holding it. */
function overriddenRange(plain: string, [start, end]: readonly [number, number]): [number, number] {
  const typed = overrideLines(plain).at.slice(start, end);
  return [Math.min(...typed), Math.max(...typed) + 1];
}

/** Applies a text transform to every typed field of a draft (URLs from platform controls stay). */
function transformDraft(draft: Draft, t: (s: string) => string): Draft {
  return {
    ...draft,
    title: draft.title === undefined ? undefined : t(draft.title),
    author: draft.author === undefined ? undefined : t(draft.author),
    summary: draft.summary === undefined ? undefined : t(draft.summary),
    body: t(draft.body),
    source: draft.source && {
      ...draft.source,
      name: draft.source.name === undefined ? undefined : t(draft.source.name),
    },
    quoted: draft.quoted && {
      text: t(draft.quoted.text),
      author: draft.quoted.author === undefined ? undefined : t(draft.quoted.author),
    },
  };
}

/** A draft with one typed field rewritten. */
function withField(draft: Draft, field: FieldName, t: (s: string) => string): Draft {
  switch (field) {
    case 'title':
      return { ...draft, title: t(draft.title ?? '') };
    case 'author':
      return { ...draft, author: t(draft.author ?? '') };
    case 'summary':
      return { ...draft, summary: t(draft.summary ?? '') };
    case 'body':
      return { ...draft, body: t(draft.body) };
    case 'source':
      return { ...draft, source: { ...draft.source, name: t(draft.source?.name ?? '') } };
    case 'quoted':
      return { ...draft, quoted: { ...draft.quoted, text: t(draft.quoted?.text ?? '') } };
    case 'quoted.author':
      return { ...draft, quoted: { text: draft.quoted?.text ?? '', author: t(draft.quoted?.author ?? '') } };
    default:
      return draft;
  }
}

function variantsOf(c: ValidCase, skip: readonly Variant[], invalid: boolean): Variant[] {
  if (c.variants === false) return [];
  const excluded = new Set([...skip, ...(c.variants ?? [])]);
  return ALL_VARIANTS.filter((v) => !excluded.has(v) && (invalid || v !== 'spaced'));
}

// ---- assertions ------------------------------------------------------------------------------

function ruleFindings(rule: RuleModule, c: ValidCase, draft: Draft): Finding[] {
  const report = checkerFor(rule, c.options).check(draft);
  expect(report.errors, 'the rule threw while checking').toEqual([]);
  return report.findings.filter((f) => f.ruleId === rule.meta.id);
}

function locate(draft: Draft, e: ExpectedError, disguise: (s: string) => string): readonly [number, number] {
  if (e.range) return e.range;
  if (e.at === undefined) throw new Error(`expected error ${e.messageId} needs "at" or "range"`);
  const text = fieldText(draft, e.field ?? 'body');
  const needle = disguise(e.at);
  let from = -1;
  for (let n = 0; n <= (e.occurrence ?? 0); n++) {
    from = text.indexOf(needle, from + 1);
    if (from === -1)
      throw new Error(`"${needle}" (occurrence ${e.occurrence ?? 0}) is not in the ${e.field ?? 'body'} text`);
  }
  return [from, from + needle.length];
}

function assertFindings(
  rule: RuleModule,
  found: Finding[],
  c: InvalidCase,
  draft: Draft,
  disguise: (s: string) => string,
  /** For a disguise that moves characters: the plain draft, whose ranges are moved by `move`. */
  moved?: { plain: Draft; move: (plain: string, range: readonly [number, number]) => readonly [number, number] },
) {
  const summary = found.map((f) => `${f.messageId}@${f.field}[${f.range.join(',')}]「${f.excerpt}」`);
  expect(found.length, `findings: ${summary.join(', ') || 'none'}`).toBe(c.errors.length);
  const where = (e: ExpectedError) =>
    moved
      ? moved.move(
          fieldText(moved.plain, e.field ?? 'body'),
          locate(moved.plain, e, (s) => s),
        )
      : locate(draft, e, disguise);
  const expected = c.errors
    .map((e) => ({ e, range: where(e), field: e.field ?? 'body' }))
    .sort((a, b) => a.field.localeCompare(b.field) || a.range[0] - b.range[0]);
  const actual = [...found].sort((a, b) => a.field.localeCompare(b.field) || a.range[0] - b.range[0]);
  expected.forEach(({ e, range, field }, i) => {
    const f = actual[i]!;
    const where = `finding ${i + 1} of ${summary.join(', ')}`;
    expect(f.messageId, where).toBe(e.messageId);
    expect(f.field, where).toBe(field);
    expect([...f.range], where).toEqual([...range]);
    expect(f.excerpt, where).toBe(fieldText(draft, field).slice(range[0], range[1]));
    expect(f.message, `${where}: unfilled placeholder`).not.toMatch(/\{\w+\}/);
    expect(f.basis.length, `${where}: basis`).toBeGreaterThan(0);
    if (e.suggestion !== undefined) expect(f.suggestion, where).toBe(e.suggestion);
    if (e.severity !== undefined) expect(f.severity, where).toBe(e.severity);
  });
}

function label(c: ValidCase): string {
  const text = c.text ?? c.draft?.body ?? c.draft?.title ?? '';
  const short = text.length > 36 ? `${text.slice(0, 36)}…` : text;
  return c.note ? `${short} (${c.note})` : short;
}

export const ruleTester = {
  run(rule: RuleModule, tests: RuleTests): void {
    const valid = tests.valid.map((v) => (typeof v === 'string' ? { text: v } : v));
    const skip = tests.skipVariants ?? [];
    describe(rule.meta.id, () => {
      it('has enough distinct cases and exercises every message', () => {
        expect(valid.length, 'valid cases').toBeGreaterThanOrEqual(MINIMUM_CASES);
        expect(tests.invalid.length, 'invalid cases').toBeGreaterThanOrEqual(MINIMUM_CASES);
        const seen = new Set<string>();
        for (const c of [...valid, ...tests.invalid]) {
          const key = JSON.stringify([c.text, c.draft, c.options]);
          expect(seen.has(key), `duplicate case ${label(c)}`).toBe(false);
          seen.add(key);
        }
        const used = new Set(tests.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
        for (const id of Object.keys(rule.meta.messages))
          expect(used.has(id), `message "${id}" has no invalid case`).toBe(true);
        for (const c of tests.invalid) {
          expect(c.errors.length, `invalid case without errors: ${label(c)}`).toBeGreaterThan(0);
          for (const e of c.errors)
            expect(e.messageId in rule.meta.messages, `undeclared message "${e.messageId}"`).toBe(true);
        }
      });

      describe('valid', () => {
        for (const c of valid) {
          it(label(c), () => {
            const draft = baseDraft(c);
            expect(ruleFindings(rule, c, draft).map((f) => `${f.messageId}「${f.excerpt}」`)).toEqual([]);
            for (const v of variantsOf(c, skip, false)) {
              const t = TRANSFORMS[v as Exclude<Variant, 'spaced'>];
              const found = ruleFindings(rule, c, transformDraft(draft, t));
              expect(
                found.map((f) => `${f.messageId}「${f.excerpt}」`),
                `disguised as ${v}`,
              ).toEqual([]);
            }
          });
        }
      });

      describe('invalid', () => {
        for (const c of tests.invalid) {
          it(label(c), () => {
            const draft = baseDraft(c);
            assertFindings(rule, ruleFindings(rule, c, draft), c, draft, (s) => s);
            for (const v of variantsOf(c, skip, true)) {
              if (v === 'spaced') {
                // Spaces slipped between the characters of each excerpt, as an editor dodging a filter would.
                let disguised = draft;
                const space = (s: string) => [...s].join(' ');
                for (const e of c.errors) {
                  if (e.at === undefined || e.at.length < 2) continue;
                  const at = e.at;
                  disguised = withField(disguised, e.field ?? 'body', (text) => text.split(at).join(space(at)));
                }
                const found = ruleFindings(rule, c, disguised);
                try {
                  assertFindings(rule, found, c, disguised, space);
                } catch (err) {
                  throw new Error(`disguised as spaced: ${(err as Error).message}`, { cause: err });
                }
                continue;
              }
              const t = TRANSFORMS[v];
              const disguised = transformDraft(draft, t);
              const moved = v === 'overridden' ? { plain: draft, move: overriddenRange } : undefined;
              try {
                assertFindings(rule, ruleFindings(rule, c, disguised), c, disguised, t, moved);
              } catch (err) {
                throw new Error(`disguised as ${v}: ${(err as Error).message}`, { cause: err });
              }
            }
          });
        }
      });
    });
  },
};
