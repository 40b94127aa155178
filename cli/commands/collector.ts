/**
 * `govpost-guard collector …`: the city's audit collector (collector/). Every subcommand reads
 * the database from `DATABASE_URL` (a PostgreSQL server), or uses the embedded PostgreSQL in
 * `--data DIR` (default `./collector-data`) when no URL is set.
 */
import { resolve } from 'node:path';
import { EXIT, UsageError, type CliIO } from '../io';

const HELP = `用法 / Usage:
  govpost-guard collector serve   [--port 8787] [--host 127.0.0.1] [--secure-cookies]
  govpost-guard collector enroll  --unit 单位名称 [--label 说明] [--days 有效天数]
  govpost-guard collector revoke  --code 登记码编号 | --device 设备编号
  govpost-guard collector user    --login 账号 --role city|unit [--unit 单位名称]   （密码从标准输入读取）
  govpost-guard collector import  [--device 设备编号 | --unit 单位名称] 导出文件.jsonl
  govpost-guard collector devices
  govpost-guard collector migrate

城市审计汇聚服务器：各单位浏览器上传审计日志，审计人员在网页上查看全市的账号活跃度、拦截、仍要发布和断链。
数据库：设置 DATABASE_URL（PostgreSQL）；不设置时使用 --data 目录（默认 ./collector-data）中的内嵌 PostgreSQL。

  serve     启动服务（上传接口和审计网页）；对外请放在终止 TLS 的反向代理之后，并加 --secure-cookies
  enroll    为一个单位生成登记码（写入该单位浏览器的企业策略 collectorEnrollmentCode）
  revoke    撤销登记码（不能再登记新设备）或设备（不再接受其上传）
  user      新建或修改审计人员：city 看全市，unit 只看本单位
  import    导入审计页面导出的 JSON Lines（不联网的单位）；核验链后合并，与已上传的不重复
  devices   列出设备、所属单位、最后联系时间和日志链状态
  migrate   只升级数据库结构`;

interface Parsed {
  sub: string;
  flags: Map<string, string | true>;
  rest: string[];
}

const BOOLEAN = new Set(['--secure-cookies', '--help', '-h']);

function parse(args: string[]): Parsed {
  const [sub = '', ...more] = args;
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < more.length; i++) {
    const a = more[i]!;
    if (a.startsWith('-')) {
      if (BOOLEAN.has(a)) flags.set(a, true);
      else {
        const value = more[++i];
        if (value === undefined) throw new UsageError(`${a} 需要一个值\n\n${HELP}`);
        flags.set(a, value);
      }
    } else rest.push(a);
  }
  return { sub, flags, rest };
}

const str = (p: Parsed, name: string): string | undefined => {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
};
const int = (p: Parsed, name: string): number | undefined => {
  const v = str(p, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`${name} 应为正整数`);
  return Number(v);
};

async function readStdin(io: CliIO): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

async function run(args: string[], io: CliIO): Promise<number> {
  const p = parse(args);
  if (!p.sub || p.sub === 'help' || p.flags.has('--help') || p.flags.has('-h')) {
    io.stdout.write(`${HELP}\n`);
    return p.sub ? EXIT.ok : EXIT.usage;
  }
  const known = ['serve', 'enroll', 'revoke', 'user', 'import', 'devices', 'migrate'];
  if (!known.includes(p.sub)) throw new UsageError(`未知的子命令「${p.sub}」\n\n${HELP}`);
  const { openDatabase } = await import('../../collector/db/database');
  const { migrate } = await import('../../collector/db/migrations');
  const url = (io.env ?? process.env).DATABASE_URL || undefined;
  const dataDir = url ? undefined : resolve(io.cwd, str(p, '--data') ?? 'collector-data');
  const db = await openDatabase({ url, dataDir });
  const out = (line: string) => io.stdout.write(`${line}\n`);
  let keepOpen = false;
  try {
    const applied = await migrate(db);
    if (applied.length) io.stderr.write(`数据库结构已升级到第 ${applied.at(-1)} 步\n`);
    switch (p.sub) {
      case 'migrate':
        out(applied.length ? `已应用迁移：${applied.join(', ')}` : '数据库结构已是最新');
        return EXIT.ok;
      case 'enroll': {
        const unit = str(p, '--unit');
        if (!unit) throw new UsageError('enroll 需要 --unit 单位名称');
        const { createCode } = await import('../../collector/enrollment');
        const made = await createCode(db, unit, { label: str(p, '--label'), days: int(p, '--days') });
        out(`单位：${made.unit}`);
        out(`登记码编号：${made.id}${made.expiresAt ? `（有效期至 ${made.expiresAt}）` : ''}`);
        out(`登记码：${made.code}`);
        out('把登记码写入该单位浏览器企业策略的 collectorEnrollmentCode；登记码只显示这一次。');
        return EXIT.ok;
      }
      case 'revoke': {
        const { revoke } = await import('../../collector/enrollment');
        const code = int(p, '--code');
        const device = int(p, '--device');
        if ((code === undefined) === (device === undefined))
          throw new UsageError('revoke 需要 --code 或 --device 之一');
        const done = await revoke(db, { code, device });
        out(done ? '已撤销' : '没有找到，或早已撤销');
        return done ? EXIT.ok : EXIT.failed;
      }
      case 'user': {
        const login = str(p, '--login');
        const role = str(p, '--role');
        if (!login || (role !== 'city' && role !== 'unit'))
          throw new UsageError('user 需要 --login 和 --role city|unit');
        const { addAuditor } = await import('../../collector/auth');
        await addAuditor(db, { login, role, unit: str(p, '--unit'), password: await readStdin(io) });
        out(`审计人员 ${login} 已保存（${role === 'city' ? '全市' : `单位：${str(p, '--unit')}`}）`);
        return EXIT.ok;
      }
      case 'import': {
        const [file] = p.rest;
        if (!file) throw new UsageError('import 需要一个导出文件');
        const { importExport } = await import('../../collector/import');
        const r = await importExport(db, resolve(io.cwd, file), { device: int(p, '--device'), unit: str(p, '--unit') });
        out(
          `设备 ${r.device}：文件中 ${r.records} 条记录，新增 ${r.accepted} 条，已有 ${r.duplicates} 条，断链事件 ${r.events} 个`,
        );
        return EXIT.ok;
      }
      case 'devices': {
        const { devices } = await import('../../collector/queries');
        for (const d of await devices(db, { unitId: null }))
          out(
            `${d.id}\t${d.unit}\t最后联系 ${d.last_contact ? new Date(d.last_contact).toISOString() : '从未'}\t序号 ${d.head_seq}\t${d.revoked_at ? '已撤销' : d.events ? `${d.events} 处断链` : '连续'}`,
          );
        return EXIT.ok;
      }
      case 'serve': {
        const { serveCollector } = await import('../../collector/serve');
        const port = int(p, '--port') ?? 8787;
        const host = str(p, '--host') ?? '127.0.0.1';
        await serveCollector(db, { port, host, secureCookies: p.flags.has('--secure-cookies') });
        out(
          `汇聚服务器已启动：http://${host}:${port}/（数据库：${url ? 'PostgreSQL' : `内嵌 PostgreSQL，${dataDir}`}）`,
        );
        keepOpen = true;
        return await new Promise<number>(() => undefined);
      }
    }
    return EXIT.usage;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.stderr.write(`govpost-guard collector ${p.sub}: ${(e as Error).message}\n`);
    return EXIT.failed;
  } finally {
    if (!keepOpen) await db.close();
  }
}

export const collectorCommand = { run };
