/**
 * `govpost-guard check [--pack PATH] [--format text|json|jsonl] [FILE|-]...`: the extension's
 * engine over files or standard input, for admins trying a pack and for batch checks.
 *
 * text and json read each file as one draft's body; jsonl streams one draft per line and writes
 * one result per line in the same order, so a bad line costs only its own result.
 */
import { PackCompileError, compilePack, type Checker } from '../../rules/engine/checker';
import type { Draft, DraftKind, Platform, Report } from '../../rules/engine/types';
import { RULES } from '../../rules/index';
import { parseOptions } from '../args';
import { KINDS, parseDraftLine, PLATFORMS, type DraftId } from '../draft-input';
import { displayName, InputError, readLines, readText, STDIN } from '../input';
import { EXIT, UsageError, write, type CliIO } from '../io';
import type { Command } from '../main';
import { loadPack, PackLoadError } from '../pack/load';
import { colorWanted, createStyle } from '../report/style';
import { formatTextReport, TextSummary } from '../report/text';

const FORMATS = ['text', 'json', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  pack: { type: 'string' },
  format: { type: 'string', choices: FORMATS },
  platform: { type: 'string', choices: PLATFORMS },
  kind: { type: 'string', choices: KINDS },
  help: { type: 'boolean', short: 'h' },
} as const;

export const CHECK_USAGE = `用法 / Usage:
  govpost-guard check [--pack 路径] [--format text|json|jsonl] [--platform 平台] [--kind 类型] [文件|-]...

用与扩展相同的规则引擎检查稿件。/ Check drafts with the extension's own rule engine.

选项:
  --pack 路径        规则包：构建好的规则包 JSON 文件，或规则包源目录；默认为内置的 packs/default
  --format 格式      text  每个文件一份人读的报告（默认）
                     json  每个文件一份 JSON 报告（多个文件时为数组）
                     jsonl 每行输入一篇稿件，每行输出一个结果，顺序不变
  --platform 平台    text/json：稿件所在平台，weibo（默认）或 wechat
  --kind 类型        text/json：稿件类型，${KINDS.join('、')}（默认 post）
  -h, --help         显示本帮助

输入:
  text/json  整个文件（UTF-8）作为稿件正文。
  jsonl      每行一个 JSON 稿件：{"id","platform","kind","title"?,"body","source"?,"quoted"?,"links"?}，空行跳过；
             输出 {"id","verdict","findings":[...]}，出错的行输出 {"id","error"}。
  -          表示标准输入；不给文件时读取标准输入。

退出码: 0 检查完成（无论结论如何）；1 有规则运行出错（报告不完整）；2 输入或用法有误（其余稿件照常输出）。`;

interface Run {
  io: CliIO;
  checker: Checker;
  inputs: string[];
  draft: Pick<Draft, 'platform' | 'kind'>;
  /** Raised as problems are met; the worst wins. */
  status: number;
}

const worse = (run: Run, status: number) => {
  run.status = Math.max(run.status, status);
};

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

  const checker = compileChecker(values.pack as string | undefined, io);
  if (!checker) return EXIT.usage;
  const run: Run = {
    io,
    checker,
    inputs,
    draft: { platform: (values.platform ?? 'weibo') as Platform, kind: (values.kind ?? 'post') as DraftKind },
    status: EXIT.ok,
  };
  if (format === 'jsonl') await checkLines(run);
  else if (format === 'json') await checkFilesJson(run);
  else await checkFilesText(run);
  return run.status;
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
  worse(run, EXIT.failed);
  for (const e of report.errors) run.io.stderr.write(`${where}: 规则 ${e.ruleId} 出错：${e.message}（报告不完整）\n`);
}

async function checkFilesText(run: Run): Promise<void> {
  const { io } = run;
  const style = createStyle(colorWanted(io.stdout, io.env ?? process.env));
  const summary = new TextSummary();
  for (const input of run.inputs) {
    let body: string;
    try {
      body = await readText(input, io);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr.write(`${e.message}\n`);
      summary.addUnreadable();
      worse(run, EXIT.usage);
      continue;
    }
    const report = run.checker.check({ ...run.draft, body });
    const name = displayName(input);
    reportRuleErrors(run, name, report);
    summary.add(report);
    await write(
      io.stdout,
      `${formatTextReport({ name, report, fieldText: (f) => (f === 'body' ? body : undefined) }, style)}\n`,
    );
  }
  await write(io.stdout, summary.format(style));
}

async function checkFilesJson(run: Run): Promise<void> {
  const { io } = run;
  const out: object[] = [];
  for (const input of run.inputs) {
    const file = input;
    try {
      const report = run.checker.check({ ...run.draft, body: await readText(input, io) });
      reportRuleErrors(run, file, report);
      out.push({ file, ...report });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr.write(`${e.message}\n`);
      out.push({ file, error: e.message });
      worse(run, EXIT.usage);
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
  for (const input of run.inputs) {
    const name = displayName(input);
    try {
      for await (const { line, number } of readLines(input, io)) {
        if (line.trim() === '') continue;
        await write(io.stdout, `${JSON.stringify(checkLine(run, line, `${name}:${number}`))}\n`);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr.write(`${e.message}\n`);
      worse(run, EXIT.usage);
    }
  }
}

/** The output object of one input line; problems also go to stderr, tagged file:line. */
function checkLine(run: Run, line: string, where: string): object {
  const parsed = parseDraftLine(line);
  const id = (value: DraftId | undefined) => (value === undefined ? {} : { id: value });
  if (!parsed.ok) {
    run.io.stderr.write(`${where}: ${parsed.error}\n`);
    worse(run, EXIT.usage);
    return { ...id(parsed.id), error: parsed.error };
  }
  const report = run.checker.check(parsed.draft);
  reportRuleErrors(run, where, report);
  return {
    ...id(parsed.id),
    verdict: report.verdict,
    findings: report.findings,
    ...(report.errors.length ? { errors: report.errors } : {}),
  };
}

const check: Command = { summary: '检查稿件（文本文件、JSON Lines 或标准输入）', run: runCheck };
export default check;
