/**
 * Rule examples: the examples in each rule's documentation (docs/rules/<id>.md) are executable,
 * like doctests, and `govpost-guard pack test|sign` runs them against the pack being tested. A
 * pack that would make a rule miss its own documented 错误示例, or fire on its 正确示例, fails.
 *
 * Format (docs/packs.md, "规则示例"): in the sections `## 错误示例` and `## 正确示例`, every
 * top-level list item (`- …` or `* …`, continued on indented lines) is one example.
 * - The item text is the body of a Weibo post, checked as written (inline-code backticks removed).
 * - An item that is exactly one inline code span holding a JSON object is a draft instead:
 *   `{"kind": "repost", "body": "…", "source": {"name": "…"}}` (platform defaults to weibo,
 *   kind to post) — for rules that look at more than the body.
 * - In 错误示例, `错误写法 → 更正` gives the correction after the arrow: the part before must make
 *   the rule report, the correction must not.
 * - A 错误示例 must produce at least one finding of that rule (any severity but off); a 正确示例
 *   none. Rules the pack switches off are skipped, and said so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Checker } from '../../rules/engine/checker';
import type { Pack } from '../../rules/engine/pack';
import type { Draft } from '../../rules/engine/types';

export const RULE_DOCS_DIR = fileURLToPath(new URL('../../docs/rules', import.meta.url));

export type ExampleKind = 'invalid' | 'valid' | 'correction';

export interface RuleExample {
  ruleId: string;
  kind: ExampleKind;
  draft: Draft;
  /** Where it is written: docs/rules/<id>.md:<line>. */
  origin: string;
  /** The example as written, for messages. */
  text: string;
}

const SECTIONS: Record<string, 'invalid' | 'valid'> = { 错误示例: 'invalid', 正确示例: 'valid' };
const ARROW = /\s*→\s*/;

function draftFrom(item: string, where: string): { draft: Draft; text: string } | { problem: string } {
  const json = /^`(\{.*\})`$/s.exec(item)?.[1];
  if (json !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (e) {
      return { problem: `${where}: 示例稿件不是有效的 JSON：${(e as Error).message}` };
    }
    if (typeof value !== 'object' || value === null || typeof (value as Draft).body !== 'string') {
      return { problem: `${where}: 示例稿件应为含 body 的对象` };
    }
    return { draft: { platform: 'weibo', kind: 'post', ...(value as Partial<Draft>) } as Draft, text: json };
  }
  const text = item.replace(/`/g, '');
  return { draft: { platform: 'weibo', kind: 'post', body: text }, text };
}

/** Reads the examples of one rule's documentation. */
export function parseRuleExamples(
  ruleId: string,
  markdown: string,
  file: string,
): { examples: RuleExample[]; problems: string[] } {
  const examples: RuleExample[] = [];
  const problems: string[] = [];
  let section: 'invalid' | 'valid' | undefined;
  const items: { text: string; line: number; section: 'invalid' | 'valid' }[] = [];
  markdown.split(/\r?\n/).forEach((line, i) => {
    const heading = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (heading) {
      const [, hashes = '', title = ''] = heading;
      section = hashes === '##' ? SECTIONS[title] : hashes.length > 2 ? section : undefined;
      return;
    }
    if (!section) return;
    const item = /^[-*]\s+(.*)$/.exec(line)?.[1];
    const previous = items.at(-1);
    if (item !== undefined) items.push({ text: item.trim(), line: i + 1, section });
    else if (/^\s{2,}\S/.test(line) && previous?.section === section) previous.text += `\n${line.trim()}`;
  });
  for (const item of items) {
    const where = `${file}:${item.line}`;
    const [example = '', correction] = item.section === 'invalid' ? item.text.split(ARROW, 2) : [item.text];
    const main = draftFrom(example, where);
    if ('problem' in main) {
      problems.push(main.problem);
      continue;
    }
    examples.push({ ruleId, kind: item.section, origin: where, ...main });
    if (correction) {
      const fixed = draftFrom(correction, where);
      if ('problem' in fixed) problems.push(fixed.problem);
      else examples.push({ ruleId, kind: 'correction', origin: where, ...fixed });
    }
  }
  return { examples, problems };
}

/** Reads the documented examples of the given rules from docs/rules. */
export function readRuleExamples(
  ruleIds: readonly string[],
  dir = RULE_DOCS_DIR,
): { examples: RuleExample[]; problems: string[] } {
  const examples: RuleExample[] = [];
  const problems: string[] = [];
  for (const id of ruleIds) {
    const file = join(dir, `${id}.md`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      problems.push(`docs/rules/${id}.md: 找不到规则 ${id} 的文档`);
      continue;
    }
    const parsed = parseRuleExamples(id, text, `docs/rules/${id}.md`);
    if (parsed.examples.length === 0 && parsed.problems.length === 0)
      problems.push(`docs/rules/${id}.md: 没有「## 错误示例」或「## 正确示例」列表`);
    examples.push(...parsed.examples);
    problems.push(...parsed.problems);
  }
  return { examples, problems };
}

export interface ExampleRun {
  passed: number;
  failures: string[];
  /** Rules the pack switches off, whose examples were not run. */
  skipped: string[];
}

const EXPECTATION: Record<ExampleKind, string> = {
  invalid: '错误示例应被规则 {rule} 报出，却没有',
  valid: '正确示例不应被规则 {rule} 报出，却报出了',
  correction: '更正后的写法不应再被规则 {rule} 报出，却报出了',
};

/** Runs rule examples against a compiled pack. */
export function runRuleExamples(
  checker: Checker,
  pack: Pick<Pack, 'rules'>,
  examples: readonly RuleExample[],
): ExampleRun {
  const run: ExampleRun = { passed: 0, failures: [], skipped: [] };
  for (const example of examples) {
    const severity = pack.rules[example.ruleId]?.severity;
    if (severity === undefined || severity === 'off') {
      if (!run.skipped.includes(example.ruleId)) run.skipped.push(example.ruleId);
      continue;
    }
    const report = checker.check(example.draft);
    const own = report.findings.filter((f) => f.ruleId === example.ruleId);
    const errors = report.errors.filter((e) => e.ruleId === example.ruleId);
    const ok = errors.length === 0 && (example.kind === 'invalid' ? own.length > 0 : own.length === 0);
    if (ok) {
      run.passed++;
      continue;
    }
    const shown = example.text.replace(/\s+/g, ' ');
    const found = own.length ? `（报出：${own.map((f) => `「${f.excerpt}」`).join('、')}）` : '';
    const failed = errors.length ? `（规则出错：${errors.map((e) => e.message).join('；')}）` : '';
    run.failures.push(
      `${example.origin}「${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}」：${EXPECTATION[example.kind].replace('{rule}', example.ruleId)}${found}${failed}`,
    );
  }
  return run;
}
