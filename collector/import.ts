/**
 * `collector import FILE.jsonl`: a unit with no network to the collector sends the dashboard's
 * JSON Lines export instead. The file's chain is verified with the extension's own verifier first,
 * and against the copies of the head its header names (a broken file is refused whole); its records then go through the same continuity check as an
 * upload, so importing what was also uploaded — or the same file twice — stores nothing twice.
 *
 * The records belong to a device: an enrolled one (`--device ID`), or an offline device of the
 * unit (`--unit NAME`), created on the first import and recognised again by the hash of the
 * chain's first record.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import * as v from 'valibot';
import { ANCHOR_SOURCE_LABEL } from '../audit/anchor';
import { verifyExportLines } from '../audit/export-jsonl';
import { UploadEntry } from '../fleet-protocol/upload';
import { describeIssues } from '../rules/engine/schema';
import type { Database } from './db/database';
import { unitId } from './enrollment';
import { applyEntries, ensureMonthsSafely, type DeviceRow } from './ingest';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ImportResult {
  device: number;
  records: number;
  accepted: number;
  duplicates: number;
  events: number;
}

function lines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}

export async function importExport(
  db: Database,
  path: string,
  target: { device?: number; unit?: string },
  now = new Date(),
): Promise<ImportResult> {
  const verified = await verifyExportLines(lines(path), { sha256: nodeSha256 });
  if (verified.notAnExport) throw new Error(verified.notAnExport);
  const { report } = verified;
  if (!report.ok)
    throw new Error(`导出文件的链不完整，拒绝导入：序号 ${report.broken[0]?.seq}——${report.broken[0]?.reason}`);
  if (report.omitted > 0)
    throw new Error(`这是筛选后的导出（省略了 ${report.omitted} 条记录）：请在审计页面不加筛选地导出全部记录再导入`);
  // A chain can be whole and still not be the log: rewritten and rehashed from some record on, or
  // cut short. The copies of the head kept outside the log, named in the header, catch that.
  const off = verified.headerAnchors.find((a) => a.status === 'broken');
  if (off) {
    const { anchor } = off;
    throw new Error(
      `导出文件的链与文件头记下的${ANCHOR_SOURCE_LABEL[anchor.source]}（序号 ${anchor.seq}）不符，拒绝导入：${off.break?.reason ?? ''}`,
    );
  }

  const records: UploadEntry[] = [];
  let lineNo = 0;
  for await (const line of lines(path)) {
    if (++lineNo === 1 || !line.trim()) continue;
    // The chain is intact: what is left to refuse is a record an upload would be refused for too.
    const entry = v.safeParse(UploadEntry, JSON.parse(line));
    if (!entry.success) {
      const [problem] = describeIssues(entry.issues, { sep: ' ' });
      throw new Error(`第 ${lineNo} 行的记录不能导入：${problem}`);
    }
    records.push(entry.output);
  }
  if (!records.length) throw new Error('导出文件中没有记录');

  const device = await db.tx(async (sql) => {
    if (target.device !== undefined) {
      const { rows } = await sql.query<{ id: number }>('SELECT id FROM devices WHERE id = $1', [target.device]);
      if (!rows[0]) throw new Error(`没有设备 ${target.device}`);
      return rows[0].id;
    }
    if (!target.unit) throw new Error('需要 --device 或 --unit');
    const unit = (await unitId(sql, target.unit))!;
    const keyId = `offline:${records[0]!.hash}`;
    const found = await sql.query<{ id: number }>('SELECT id FROM devices WHERE key_id = $1', [keyId]);
    if (found.rows[0]) return found.rows[0].id;
    const made = await sql.query<{ id: number }>(
      `INSERT INTO devices (unit_id, public_key, key_id, extension, revoked_at) VALUES ($1, '{}', $2, $3, NULL) RETURNING id`,
      [unit, keyId, verified.header?.extension ?? ''],
    );
    return made.rows[0]!.id;
  });

  await ensureMonthsSafely(
    db,
    records.map((r) => r.time.slice(0, 7)),
  );
  const result: ImportResult = { device, records: records.length, accepted: 0, duplicates: 0, events: 0 };
  for (let i = 0; i < records.length; i += 500) {
    const chunk = records.slice(i, i + 500);
    const answer = await db.tx(async (sql) => {
      const { rows } = await sql.query<DeviceRow>(
        `SELECT id, unit_id, public_key, revoked_at, last_counter, epoch, head_seq, head_hash
         FROM devices WHERE id = $1 FOR UPDATE`,
        [device],
      );
      return applyEntries(sql, rows[0]!, chunk, now);
    });
    result.accepted += answer.accepted;
    result.duplicates += answer.duplicates;
    result.events += answer.events;
  }
  return result;
}
