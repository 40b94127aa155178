/**
 * `govpost-guard check [--pack PATH] [--format text|json|jsonl] [FILE|-]...`: the extension's
 * engine over files or standard input, for admins trying a pack and for batch checks.
 *
 * text and json read each file as one draft's body; jsonl streams one draft per line and writes
 * one result per line in the same order, so a bad line costs only its own result.
 */
import { PackCompileError, compilePack, type Checker } from '../../rules/engine/checker';
import {
  DRAFT_KINDS,
  PLATFORMS,
  type Draft,
  type DraftKind,
  type Platform,
  type Report,
  type Verdict,
} from '../../rules/engine/types';
import { RULES } from '../../rules/index';
import { parseOptions } from '../args';
import { parseDraftLine, type DraftId } from '../draft-input';
import { displayName, InputError, readLines, readText, STDIN } from '../input';
import { EXIT, UsageError, write, type CliIO } from '../io';
import type { Command } from '../main';
import { loadPack, PackLoadError } from '../pack/load';
import { colorWanted, createStyle } from '../report/style';
import { DEFAULT_MAX_FINDINGS, formatTextReport, TextSummary } from '../report/text';

const FORMATS = ['text', 'json', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

/** The verdicts `--fail-on` can name, mildest last; a draft at or above the named one fails the run. */
const FAIL_ON = ['block', 'justify', 'warn'] as const;
type FailOn = (typeof FAIL_ON)[number];
const RANK: Record<Verdict, number> = { pass: 0, warn: 1, justify: 2, block: 3 };

const OPTIONS = {
  pack: { type: 'string' },
  format: { type: 'string', choices: FORMATS },
  platform: { type: 'string', choices: PLATFORMS },
  kind: { type: 'string', choices: DRAFT_KINDS },
  'fail-on': { type: 'string', choices: FAIL_ON },
  'max-findings': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const CHECK_USAGE = `用法 / Usage:
  govpost-guard check [--pack 路径] [--format text|json|jsonl] [--fail-on block|justify|warn]
                      [--platform 平台] [--kind 类型] [--max-findings N] [文件|-]...

用与扩展相同的规则引擎检查稿件。/ Check drafts with the extension's own rule engine.

选项:
  --pack 路径        规则包，三种形式之一：
                       签名规则包文件（pack sign 生成的 *.signed.json；这里不验签，验签用 pack verify）
                       构建好的规则包 JSON 文件（pack build 生成）
                       规则包源目录（packs/default 的布局）
                     默认为内置的默认规则包
  --format 格式      text  每个文件一份人读的报告（默认）
                     json  每个文件一份 JSON 报告（多个文件时为数组）
                     jsonl 每行输入一篇稿件，每行输出一个结果，顺序不变
  --fail-on 结论     有稿件的结论达到这一级（block 拦截 › justify 需说明理由 › warn 提示）时退出码为 3，
                     便于脚本和内容管理系统的发布钩子据此拦下，不必解析输出
  --platform 平台    text/json：稿件所在平台，weibo（默认）或 wechat
  --kind 类型        text/json：稿件类型，${DRAFT_KINDS.join('、')}（默认 post）
  --max-findings N   text：每篇稿件最多列出 N 条问题（最严重的在前，默认 ${DEFAULT_MAX_FINDINGS}；0 为全部）
  -h, --help         显示本帮助

输入:
  text/json  整个文件（UTF-8）作为稿件正文；空文件是错误。
  jsonl      每行一个 JSON 稿件：{"id","platform","kind","title"?,"body","source"?,"quoted"?,"links"?}，空行跳过；
             输出 {"id","verdict","findings":[...]}；出错的行输出 {"id","line","error"}（line 为输入的行号），
             标准错误上另有“文件:行号: 原因”。没有任何稿件的输入是错误。
  -          表示标准输入；不给文件时读取标准输入。

退出码:
  0  检查完成（未给 --fail-on 时无论结论如何）
  1  有规则运行出错（报告不完整）
  2  输入或用法有误：文件读不了、输入为空、某行格式不对（其余稿件照常输出）
  3  有稿件达到 --fail-on 给出的结论
  同时出现几种情况时，取靠前的一种：2 优先于 1，1 优先于 3。`;

interface Run {
  io: CliIO;
  checker: Checker;
  inputs: string[];
  draft: Pick<Draft, 'platform' | 'kind'>;
  failOn?: FailOn;
  maxFindings: number;
  /** What went wrong so far; the exit code is decided from all of them at the end. */
  badInput: boolean;
  ruleError: boolean;
  failed: boolean;
}

/** The exit code: bad input first (results are missing), then rule errors (incomplete), then the gate. */
function exitCode(run: Run): number {
  if (run.badInput) return EXIT.usage;
  if (run.ruleError) return EXIT.failed;
  if (run.failed) return EXIT.verdict;
  return EXIT.ok;
}

function judge(run: Run, report: Report): void {
  if (run.failOn && RANK[report.verdict] >= RANK[run.failOn]) run.failed = true;
}

function parseMaxFindings(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_FINDINGS;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new UsageError(`--max-findings 的取值「${value}」无效，应为 0 或正整数`);
  return n;
}

/** A draft with no text at all is a mistake upstream (an empty file, a wrong field), never a pass. */
const EMPTY_INPUT = '输入为空：没有可检查的文字';

export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  if (values.help) {
    io.stdout.write(`${CHECK_USAGE}\n`);
    return EXIT.ok;
  }
  const format = (values.format ?? 'text') as Format;
  if (format === 'jsonl' && (values.platform !== undefined || values.kind !== undefined)) {
    throw new UsageError('--platform 和 --kind 只用于 text/json 格式；jsonl 的每行稿件自带 platform 和 kind');
  }
  const inputs = positionals.length ? positionals : [STDIN];
  if (!positionals.length && (io.stdin as { isTTY?: boolean }).isTTY) {
    throw new UsageError('请给出要检查的文件，或用 - 从标准输入读取（govpost-guard check --help 查看用法）');
  }
  if (inputs.filter((i) => i === STDIN).length > 1) throw new UsageError('标准输入（-）只能读取一次');

  if (format !== 'text' && values['max-findings'] !== undefined)
    throw new UsageError('--max-findings 只用于 text 格式；json/jsonl 总是给出全部问题');
  const maxFindings = parseMaxFindings(values['max-findings'] as string | undefined);

  const checker = compileChecker(values.pack as string | undefined, io);
  if (!checker) return EXIT.usage;
  const run: Run = {
    io,
    checker,
    inputs,
    draft: { platform: (values.platform ?? 'weibo') as Platform, kind: (values.kind ?? 'post') as DraftKind },
    failOn: values['fail-on'] as FailOn | undefined,
    maxFindings,
    badInput: false,
    ruleError: false,
    failed: false,
  };
  if (format === 'jsonl') await checkLines(run);
  else if (format === 'json') await checkFilesJson(run);
  else await checkFilesText(run);
  return exitCode(run);
}

/** The text of a file or stdin as one draft's body; an empty one is an input error. */
async function readBody(input: string, io: CliIO): Promise<string> {
  const body = await readText(input, io);
  if (body.trim() === '') throw new InputError(`${displayName(input)}: ${EMPTY_INPUT}`);
  return body;
}

function compileChecker(packPath: string | undefined, io: CliIO): Checker | undefined {
  try {
    return compilePack(loadPack(packPath, io.cwd).pack, RULES);
  } catch (e) {
    if (!(e instanceof PackLoadError) && !(e instanceof PackCompileError)) throw e;
    const problems = e instanceof PackLoadError ? e.problems : e.errors;
    io.stderr.write(`govpost-guard check: 规则包无法使用：\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return undefined;
  }
}

function reportRuleErrors(run: Run, where: string, report: Report): void {
  if (!report.errors.length) return;
  run.ruleError = true;
  for (const e of report.errors) run.io.stderr.write(`${where}: 规则 ${e.ruleId} 出错：${e.message}（报告不完整）\n`);
}

async function checkFilesText(run: Run): Promise<void> {
  const { io } = run;
  const style = createStyle(colorWanted(io.stdout, io.env ?? process.env));
  const summary = new TextSummary();
  for (const input of run.inputs) {
    let body: string;
    try {
      body = await readBody(input, io);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr.write(`${e.message}\n`);
      summary.addUnreadable();
      run.badInput = true;
      continue;
    }
    const report = run.checker.check({ ...run.draft, body });
    const name = displayName(input);
    reportRuleErrors(run, name, report);
    judge(run, report);
    summary.add(report);
    const fieldText = (f: string) => (f === 'body' ? body : undefined);
    await write(io.stdout, `${formatTextReport({ name, report, fieldText, maxFindings: run.maxFindings }, style)}\n`);
  }
  await write(io.stdout, summary.format(style));
}

async function checkFilesJson(run: Run): Promise<void> {
  const { io } = run;
  const out: object[] = [];
  for (const input of run.inputs) {
    const file = input;
    try {
      const report = run.checker.check({ ...run.draft, body: await readBody(input, io) });
      reportRuleErrors(run, file, report);
      judge(run, report);
      out.push({ file, ...report });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr.write(`${e.message}\n`);
      out.push({ file, error: e.message });
      run.badInput = true;
    }
  }
  await write(io.stdout, `${prettyJson(run.inputs.length === 1 ? out[0] : out)}\n`);
}

/** Indented JSON with each range kept on one line ("range": [3, 7]). */
function prettyJson(value: unknown): string {
  // Raw newlines never occur inside JSON strings, so this only touches the structure.
  return JSON.stringify(value, null, 2).replace(/\[\n\s+(\d+),\n\s+(\d+)\n\s+\]/g, '[$1, $2]');
}

async function checkLines(run: Run): Promise<void> {
  const { io } = run;
  // With several inputs an error line names its file too; line numbers count from 1 in each.
  const several = run.inputs.length > 1;
  for (const input of run.inputs) {
    const name = displayName(input);
    let drafts = 0;
    try {
      for await (const { line, number } of readLines(input, io)) {
        if (line.trim() === '') continue;
        drafts++;
        const where = { name, line: number, ...(several ? { file: input } : {}) };
        await write(io.stdout, `${JSON.stringify(checkLine(run, line, where))}\n`);
      }
      if (drafts === 0) {
        io.stderr.write(`${name}: ${EMPTY_INPUT}（没有任何稿件行）\n`);
        run.badInput = true;
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr.write(`${e.message}\n`);
      run.badInput = true;
    }
  }
}

/** Whether a draft has any text to check: body, title or the quoted post. */
const hasText = (d: Draft) => Boolean(d.body.trim() || d.title?.trim() || d.quoted?.text.trim());

/** The output object of one input line; problems also go to stderr, tagged file:line. */
function checkLine(run: Run, line: string, where: { name: string; line: number; file?: string }): object {
  const parsed = parseDraftLine(line);
  const id = (value: DraftId | undefined) => (value === undefined ? {} : { id: value });
  const tag = `${where.name}:${where.line}`;
  const failure = (error: string) => {
    run.io.stderr.write(`${tag}: ${error}\n`);
    run.badInput = true;
    return { ...id(parsed.id), ...(where.file ? { file: where.file } : {}), line: where.line, error };
  };
  if (!parsed.ok) return failure(parsed.error);
  if (!hasText(parsed.draft)) return failure(EMPTY_INPUT);
  const report = run.checker.check(parsed.draft);
  reportRuleErrors(run, tag, report);
  judge(run, report);
  return {
    ...id(parsed.id),
    verdict: report.verdict,
    findings: report.findings,
    ...(report.errors.length ? { errors: report.errors } : {}),
  };
}

const check: Command = { run: runCheck };
export default check;
