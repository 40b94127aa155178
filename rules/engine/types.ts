/**
 * The contracts shared by adapters, the engine, the panel, the log and the CLI
 * (see docs/design.md): types, and the domain lists they come from. Each list is written
 * here once; its type is derived from it, and validators (messages, packs, CLI drafts) use the
 * same list, so a new platform or draft kind is added in one place.
 */

/** The platforms the extension guards. */
export const PLATFORMS = ['weibo', 'wechat'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What a draft is on its platform. */
export const DRAFT_KINDS = ['post', 'repost', 'comment', 'reply', 'article', 'image-post'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/**
 * Ids of rules and packs: lower-case letters, digits and hyphens, at most 64 characters
 * (`no-typo`, `baoding-default`).
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A pack's MAJOR.MINOR.PATCH version: no leading zeros, at most six digits each. */
export const VERSION_PATTERN = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;

/** What an adapter extracts from an editor page. */
export interface Draft {
  platform: Platform;
  kind: DraftKind;
  /** The logged-in account. */
  account?: { name: string; id?: string };
  title?: string;
  /** The byline the platform shows under the title (WeChat 作者). Visited only by rules that ask for it. */
  author?: string;
  /** The summary readers see in feed and share cards (WeChat 摘要, Weibo headline-article 导语). */
  summary?: string;
  /** Plain text as readers will see it. */
  body: string;
  /** Links from the rich text; URLs typed in the body are found by the rules themselves. */
  links?: { href: string; text?: string }[];
  /** Declared 原文链接 / 来源 from the platform's controls. */
  source?: { name?: string; url?: string };
  /** WeChat 原创声明. */
  original?: boolean;
  /** The post being reposted or replied to. */
  quoted?: { author?: string; text: string };
  /** The page the draft was written on. */
  url?: string;
}

/** Stable category ids, used in reports, logs, exports and packs. */
export const CATEGORIES = [
  'commercial-ad',
  'personal-opinion',
  'unapproved-source',
  'missing-source',
  'title-distortion',
  'off-mission',
  'confidential',
  'personal-data',
  'political-expression',
  'legal-expression',
  'typo',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The severity ladder, highest first. Set by the pack, never by rule code. */
export const SEVERITIES = ['block', 'justify', 'warn', 'monitor', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A finding's severity: every step of the ladder but `off` (an off rule reports nothing). */
export const FINDING_SEVERITIES = ['block', 'justify', 'warn', 'monitor'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** A report's verdict: the highest severity among shown findings, or pass. */
export const VERDICTS = ['pass', 'warn', 'justify', 'block'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A check's outcome as the guard, the log and the dashboard see it: `error` when it could not finish. */
export const CHECK_VERDICTS = [...VERDICTS, 'error'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

/**
 * The text fields a finding can point into. `links[i]` is the href of the i-th entry of
 * `draft.links`.
 */
export const NAMED_FIELDS = [
  'title',
  'author',
  'summary',
  'body',
  'source',
  'source.url',
  'quoted',
  'quoted.author',
] as const;
export type FieldName = (typeof NAMED_FIELDS)[number] | `links[${number}]`;

/** Whether a string names a field (for payloads that arrive untyped: logs, exports). */
export function isFieldName(value: string): value is FieldName {
  return (NAMED_FIELDS as readonly string[]).includes(value) || /^links\[\d{1,4}\]$/.test(value);
}

/** A half-open range [start, end) in UTF-16 offsets of the ORIGINAL field text. */
export type Range = readonly [number, number];

export interface Finding {
  ruleId: string;
  category: Category;
  severity: FindingSeverity;
  field: FieldName;
  range: Range;
  /** The original text the range names. */
  excerpt: string;
  /** Chinese; says what and why. */
  message: string;
  /** Replacement text where there is one (one-click fix). */
  suggestion?: string;
  /** Which article or list entry this rests on. */
  basis: string;
  /** Stable id of the message template, so wording can change without breaking audits. */
  messageId: string;
  /**
   * The stretches that weighed most in the finding, to underline: ranges of the same field's
   * original text (UTF-16 offsets) and their text. `range` stays the finding's extent (a whole
   * paragraph, say); the panel underlines `spans` when there are any, else `range`.
   */
  spans?: { range: Range; excerpt: string }[];
}

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface Report {
  verdict: Verdict;
  findings: Finding[];
  /** Rules that failed while checking. A report with errors is incomplete: callers fail closed. */
  errors: RuleError[];
  pack: { id: string; version: string };
}

const SEVERITY_RANK: Record<Severity, number> = { block: 4, justify: 3, warn: 2, monitor: 1, off: 0 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** Findings at `monitor` are logged but never shown, so they never change the verdict. */
export function isShown(finding: Pick<Finding, 'severity'>): boolean {
  return finding.severity !== 'monitor';
}

export function verdictOf(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  let best = 0;
  for (const f of findings) if (isShown(f)) best = Math.max(best, SEVERITY_RANK[f.severity]);
  return best === 4 ? 'block' : best === 3 ? 'justify' : best === 2 ? 'warn' : 'pass';
}
