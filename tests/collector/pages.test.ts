/**
 * The fleet pages through the app itself: sign-in with roles, what each auditor sees, text shown
 * as text, exports, and `collector import` merging a dashboard export without doubling.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogModel } from '../../audit/entries';
import type { AnchorCheck } from '../../audit/anchor';
import type { LogRecord } from '../../audit/record';
import { jsonlRecordChunks } from '../../audit/export-jsonl';
import { exportHeader, planExport } from '../../audit/export-plan';
import { addAuditor, checkPassword, hashPassword } from '../../collector/auth';
import type { Database } from '../../collector/db/database';
import { importExport } from '../../collector/import';
import { createApp } from '../../collector/server';
import { published, TestDevice, testDatabase } from './fleet';

let db: Database;
let app: ReturnType<typeof createApp>;
let dir: string;
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>'); DROP TABLE attempts; --`;

async function signIn(login: string, password: string): Promise<string> {
  const res = await app.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ login, password, next: '/' }),
  });
  expect(res.status).toBe(302);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  db = await testDatabase();
  app = createApp(db);
  dir = mkdtempSync(join(tmpdir(), 'govpost-fleet-'));
  const device = await TestDevice.enroll(db, '保定市市场监管局');
  await device.upload(
    await device.log([
      ...published('2026-04-01T08:00:00.000Z', {
        account: '保定市场监管',
        text: HOSTILE,
        decision: 'published-with-reason',
        reason: HOSTILE,
      }),
    ]),
    'full',
  );
  const other = await TestDevice.enroll(db, '保定市应急管理局');
  await other.upload(await other.log(published('2026-04-02T08:00:00.000Z', { account: '保定应急' })));
  await addAuditor(db, { login: 'city', password: '市级审计的密码1234', role: 'city' });
  await addAuditor(db, { login: 'unit', password: '单位审计的密码1234', role: 'unit', unit: '保定市应急管理局' });
}, 120_000);
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sign-in', () => {
  it('stores passwords with scrypt and checks them', async () => {
    const stored = await hashPassword('一个足够长的密码', { N: 1024, r: 8, p: 1 });
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await checkPassword('一个足够长的密码', stored)).toBe(true);
    expect(await checkPassword('另一个密码呀呀呀', stored)).toBe(false);
  });

  it('sends a visitor without a session to the sign-in page, and refuses a wrong password', async () => {
    const res = await app.request('/devices');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?next=%2Fdevices');
    const wrong = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ login: 'city', password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('账号或密码不对');
  });
});

describe('what auditors see', () => {
  it('a city auditor sees every unit; draft text with markup and SQL is shown as text', async () => {
    const cookie = await signIn('city', '市级审计的密码1234');
    const res = await app.request('/attempts', { headers: { cookie } });
    const html = await res.text();
    expect(html).toContain('保定市市场监管局');
    expect(html).toContain('保定市应急管理局');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
    expect(html).toContain('DROP TABLE attempts');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM attempts');
    expect(count.rows[0]!.n).toBeGreaterThanOrEqual(2); // still there
  });

  it('a unit auditor sees only their unit, on every page and export', async () => {
    const cookie = await signIn('unit', '单位审计的密码1234');
    for (const path of ['/?show=all', '/units', '/attempts', '/devices', '/events']) {
      const html = await (await app.request(path, { headers: { cookie } })).text();
      expect(html, path).not.toContain('保定市市场监管局');
    }
    expect(await (await app.request('/attempts', { headers: { cookie } })).text()).toContain('保定应急');
    const bytes = Buffer.from(await (await app.request('/attempts?format=csv', { headers: { cookie } })).arrayBuffer());
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFF"时间"')).toBe(true); // the BOM Excel and WPS need
    expect(csv).toContain('保定应急');
    expect(csv).not.toContain('保定市场监管');
  });

  it('exports a view as CSV with formulas neutralised, and as JSON Lines', async () => {
    const cookie = await signIn('city', '市级审计的密码1234');
    const res = await app.request('/attempts?format=csv&q=DROP', { headers: { cookie } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv.split('\r\n')).toHaveLength(3);
    const jsonl = await (await app.request('/devices?format=jsonl', { headers: { cookie } })).text();
    expect(
      jsonl
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).unit),
    ).toEqual(['保定市市场监管局', '保定市应急管理局']);
  });
});

describe('collector import', () => {
  /** The dashboard's unfiltered JSON Lines export of `records`, written to `name`. */
  function writeExport(name: string, records: LogRecord[], anchors?: AnchorCheck): string {
    const model = new LogModel();
    model.add(records);
    const plan = planExport(
      model,
      {},
      model.entries,
      { ok: true, broken: [], anchors },
      new Date('2026-04-05T00:00:00Z'),
    );
    const file = join(dir, name);
    writeFileSync(
      file,
      `${JSON.stringify(exportHeader(plan, {}, '0.1.0'))}\n${[...jsonlRecordChunks(plan.records, plan.keep)].join('')}`,
    );
    return file;
  }

  it('merges a dashboard export, verified, and importing it again or after upload stores nothing twice', async () => {
    const device = await TestDevice.enroll(db, '保定市审计局');
    const records = await device.log([
      ...published('2026-04-03T08:00:00.000Z'),
      ...published('2026-04-04T08:00:00.000Z'),
    ]);
    await device.upload(records.slice(0, 2));
    const file = writeExport('export.jsonl', records);
    expect(await importExport(db, file, { device: Number(device.id) })).toMatchObject({
      accepted: 2,
      duplicates: 2,
      events: 0,
    });
    expect(await importExport(db, file, { device: Number(device.id) })).toMatchObject({ accepted: 0, duplicates: 4 });
    const offline = await importExport(db, file, { unit: '保定市审计局' });
    expect(offline).toMatchObject({ accepted: 4 });
    expect(await importExport(db, file, { unit: '保定市审计局' })).toMatchObject({
      device: offline.device,
      accepted: 0,
    });
    const tampered = join(dir, 'tampered.jsonl');
    const lines = (await import('node:fs')).readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"published"', '"blocked"');
    writeFileSync(tampered, lines.join('\n'));
    await expect(importExport(db, tampered, { unit: '保定市审计局' })).rejects.toThrow('链不完整');
  });

  it('refuses an export whose chain does not hold the anchors its header names', async () => {
    const device = await TestDevice.enroll(db, '保定市审计局');
    const records = await device.log([
      ...published('2026-04-03T08:00:00.000Z'),
      ...published('2026-04-04T08:00:00.000Z'),
    ]);
    const last = records.at(-1)!;
    const held = { seq: last.seq, hash: last.hash, source: 'storage' as const };
    const agreed = { agreed: ['扩展存储中的链头'], breaks: 0 };
    const whole = writeExport('anchored.jsonl', records, { ...agreed, heads: [held] });
    expect(await importExport(db, whole, { unit: '保定市审计局' })).toMatchObject({ accepted: 4 });

    // The last two records cut off: the rest is a whole chain, but the head kept in extension
    // storage lies beyond it.
    const cut = writeExport('cut.jsonl', records.slice(0, 2), { ...agreed, heads: [held] });
    await expect(importExport(db, cut, { unit: '保定市应急管理局' })).rejects.toThrow(
      `导出文件的链与文件头记下的扩展存储中的链头（序号 ${last.seq}）不符，拒绝导入`,
    );
    // A head the collector acknowledged that the chain now answers with another hash.
    const other = { seq: records[1]!.seq, hash: 'b'.repeat(64), source: 'collector' as const };
    const rewritten = writeExport('rewritten.jsonl', records, { ...agreed, heads: [other] });
    await expect(importExport(db, rewritten, { unit: '保定市应急管理局' })).rejects.toThrow(
      /汇聚服务器确认的链头（序号 \d+）不符，拒绝导入：日志被改写/,
    );
  });

  it('refuses, by line, a record an upload would be refused for, though its chain is intact', async () => {
    const device = await TestDevice.enroll(db, '保定市审计局');
    const file = writeExport('old-clock.jsonl', await device.log(published('1999-04-03T08:00:00.000Z')));
    await expect(importExport(db, file, { unit: '保定市审计局' })).rejects.toThrow(
      '第 2 行的记录不能导入：time 时间不在 2000–2099 年之间',
    );
  });
});

describe('the 三审 record', () => {
  it('is listed under the reason, as text, and exported as five columns', async () => {
    const review = {
      political: '王审核',
      legal: '<b>刘法务</b>',
      policy: '陈主任',
      secrecy: '周保密',
      wording: '吴校对',
    };
    const device = await TestDevice.enroll(db, '保定市统计局');
    await device.upload(
      await device.log(
        published('2026-04-05T08:00:00.000Z', {
          account: '保定统计',
          decision: 'published-with-reason',
          reason: '经三审同意发布',
          review,
        }),
      ),
    );
    const cookie = await signIn('city', '市级审计的密码1234');
    const html = await (await app.request('/attempts?q=经三审', { headers: { cookie } })).text();
    expect(html).toContain('政治关：王审核');
    expect(html).toContain('法律关：&lt;b>刘法务&lt;/b>');
    expect(html).toContain('文字关：吴校对');
    const csv = await (await app.request('/attempts?format=csv&q=经三审', { headers: { cookie } })).text();
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toContain('"发布理由","政治关","法律关","政策关","保密关","文字关"');
    expect(row).toContain('"经三审同意发布","王审核","<b>刘法务</b>","陈主任","周保密","吴校对"');
  });
});
