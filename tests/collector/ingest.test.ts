/**
 * The collector's upload path on the embedded PostgreSQL: enrollment, signatures, replay,
 * idempotence, continuity events, and the totals the fleet pages read.
 */
import { newDeviceKeys, publicJwk } from '../../entrypoints/background/device-key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../collector/db/database';
import { createCode, enrollDevice, revoke } from '../../collector/enrollment';
import { IngestError, ingestBatch } from '../../collector/ingest';
import * as q from '../../collector/queries';
import { published, TestDevice, testDatabase } from './fleet';

let db: Database;
const city: q.Scope = { unitId: null };

beforeAll(async () => {
  db = await testDatabase();
}, 120_000);
afterAll(() => db?.close());

const status = (e: unknown) => (e instanceof IngestError ? e.status : e);

describe('enrollment', () => {
  it('registers a key with a unit’s code; refuses unknown and revoked codes', async () => {
    const { code, id } = await createCode(db, '保定市公安局');
    const publicKey = await publicJwk(await newDeviceKeys());
    const first = await enrollDevice(db, { code, publicKey, extension: '0.1.0' });
    expect(first.unit).toBe('保定市公安局');
    // The same key again (an answer lost on the way): the same device, not a second one.
    expect((await enrollDevice(db, { code, publicKey, extension: '0.1.0' })).deviceId).toBe(first.deviceId);
    await expect(
      enrollDevice(db, { code: 'GPG-AAAA-BBBB-CCCC-DDDD', publicKey, extension: '' }).catch(status),
    ).resolves.toBe(401);
    await revoke(db, { code: id });
    const other = await publicJwk(await newDeviceKeys());
    await expect(enrollDevice(db, { code, publicKey: other, extension: '' }).catch(status)).resolves.toBe(403);
  });
});

describe('uploads', () => {
  it('stores a signed batch once: a repeat is a duplicate, a replayed body is refused', async () => {
    const device = await TestDevice.enroll(db, '保定市教育局');
    const records = await device.log([
      ...published('2026-03-01T08:00:00.000Z'),
      ...published('2026-03-02T08:00:00.000Z'),
    ]);
    const first = await device.upload(records);
    expect(first).toMatchObject({ accepted: 4, duplicates: 0, events: 0, ack: { seq: 4, hash: records[3]!.hash } });
    // The collector died before answering: the device sends the same entries again, signed anew.
    expect(await device.upload(records)).toMatchObject({ accepted: 0, duplicates: 4, events: 0 });
    // The very same signed body, captured and sent again: refused.
    const body = await device.batchBody(records.slice(0, 2));
    const signature = await device.sign(body);
    await ingestBatch(db, body, signature);
    await expect(ingestBatch(db, body, signature).catch(status)).resolves.toBe(409);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries WHERE device_id = $1', [
      Number(device.id),
    ]);
    expect(rows.rows[0]!.n).toBe(4);
  });

  it('refuses forged, altered, unknown and revoked uploads', async () => {
    const device = await TestDevice.enroll(db, '保定市教育局');
    const records = await device.log(published('2026-03-03T08:00:00.000Z'));
    const body = await device.batchBody(records);
    const stranger = await newDeviceKeys();
    await expect(ingestBatch(db, body, await device.sign(body, stranger)).catch(status)).resolves.toBe(401);
    const altered = body.replace('"published"', '"blocked"');
    await expect(ingestBatch(db, altered, await device.sign(body)).catch(status)).resolves.toBe(401);
    await expect(ingestBatch(db, body, undefined).catch(status)).resolves.toBe(401);
    const unknown = body.replace(`"deviceId":"${device.id}"`, '"deviceId":"999999"');
    await expect(ingestBatch(db, unknown, await device.sign(unknown)).catch(status)).resolves.toBe(401);
    // Signed by the device, but a full record whose content does not match its hash.
    const lying = await device.batchBody([{ ...records[0]!, text: '改过的正文' } as never], 'full');
    await expect(ingestBatch(db, lying, await device.sign(lying)).catch(status)).resolves.toBe(422);
    await revoke(db, { device: Number(device.id) });
    const late = await device.batchBody(records);
    await expect(ingestBatch(db, late, await device.sign(late)).catch(status)).resolves.toBe(403);
  });

  it('keeps text out unless the policy sends it', async () => {
    const device = await TestDevice.enroll(db, '保定市卫健委');
    const hidden = await device.log(published('2026-03-04T08:00:00.000Z', { text: '不上传的正文' }));
    await device.upload(hidden, 'none');
    const shown = await device.log(published('2026-03-04T09:00:00.000Z', { text: '上传的正文' }));
    await device.upload(shown, 'full');
    const rows = await q.attempts(db, city, { device: Number(device.id) });
    expect(rows.map((r) => r.text)).toEqual(['上传的正文', null]);
    const stored = await db.query<{ record: Record<string, unknown> }>(
      `SELECT record FROM entries WHERE device_id = $1 AND type = 'attempt' ORDER BY seq`,
      [Number(device.id)],
    );
    expect(JSON.stringify(stored.rows[0]!.record)).not.toContain('不上传的正文');
    expect(stored.rows[0]!.record.redacted).toBe(true);
  });
});

describe('continuity', () => {
  it('records a gap, a rewrite and a restarted chain as events with their ranges', async () => {
    const device = await TestDevice.enroll(db, '保定市交通局');
    const a = await device.log([...published('2026-03-05T08:00:00.000Z'), ...published('2026-03-05T09:00:00.000Z')]);
    await device.upload(a.slice(0, 2));
    const b = await device.log(published('2026-03-05T10:00:00.000Z'));
    expect(await device.upload(b)).toMatchObject({ events: 1 }); // seq 3–4 never arrived
    // The local log wiped: a new chain from seq 1.
    device.wipe();
    const c = await device.log(published('2026-03-06T08:00:00.000Z'));
    expect(await device.upload(c)).toMatchObject({ events: 1, ack: { seq: 2 } });
    const events = await q.events(db, city, Number(device.id));
    expect(events.map((e) => [e.kind, e.from_seq, e.to_seq]).reverse()).toEqual([
      ['gap', 3, 4],
      ['restarted', 1, 6],
    ]);
    // The new chain goes on without further events, and its repeats are duplicates.
    const d = await device.log(published('2026-03-06T09:00:00.000Z'));
    expect(await device.upload([...c, ...d])).toMatchObject({ accepted: 2, duplicates: 2, events: 0 });
    const [row] = (await q.devices(db, city)).filter((x) => String(x.id) === device.id);
    expect(row).toMatchObject({ head_seq: 4, events: 2, epoch: 2 });
  });

  it('records a chain that no longer links to the head held', async () => {
    const device = await TestDevice.enroll(db, '保定市交通局');
    const a = await device.log(published('2026-03-07T08:00:00.000Z'));
    await device.upload(a);
    device.wipe(); // rewritten from the start, same length
    await device.log(published('2026-03-07T08:00:00.000Z', { text: '改写后的' }));
    const next = await device.log(published('2026-03-07T09:00:00.000Z'));
    expect(await device.upload(next)).toMatchObject({ events: 1 });
    expect((await q.events(db, city, Number(device.id)))[0]).toMatchObject({
      kind: 'rewritten',
      from_seq: 1,
      to_seq: 2,
    });
  });
});

describe('fleet queries', () => {
  it('name the editor an outcome gave where the attempt had none', async () => {
    const device = await TestDevice.enroll(db, '保定市林业局');
    await device.upload(
      await device.log(
        published('2026-04-20T08:00:00.000Z', {
          account: '保定林业',
          decision: 'published-with-reason',
          reason: '转载已获授权',
          editorAtOutcome: { name: '赵编辑', unit: '保定市林业局' },
        }),
      ),
    );
    const units = await q.units(db, city, new Date('2026-04-01'), new Date('2026-04-30'));
    const unit = units.find((u) => u.name === '保定市林业局')!.id;
    const rows = await q.attempts(db, city, { unit, decision: 'published-with-reason' });
    expect(rows.map((r) => r.editor)).toEqual(['赵编辑']);
  });

  it('keep the 三审 record an outcome carried, and none where it carried none', async () => {
    const review = { political: '王审核', legal: '刘法务', policy: '陈主任', secrecy: '周保密', wording: '吴校对' };
    const device = await TestDevice.enroll(db, '保定市审计局');
    await device.upload(
      await device.log([
        ...published('2026-04-21T08:00:00.000Z', {
          account: '保定审计',
          decision: 'published-with-reason',
          reason: '经三审同意发布',
          review,
        }),
        ...published('2026-04-21T09:00:00.000Z', { account: '保定审计' }),
      ]),
    );
    const rows = await q.attempts(db, city, { device: Number(device.id) });
    expect(rows.map((r) => [r.decision, r.review])).toEqual([
      ['published', null],
      ['published-with-reason', review],
    ]);
  });

  it('answer dormant accounts, per-unit totals and overrides with reasons, within the auditor’s scope', async () => {
    const busy = await TestDevice.enroll(db, '保定市文旅局');
    const quiet = await TestDevice.enroll(db, '保定市水利局');
    await busy.upload(
      await busy.log([
        ...published('2026-04-28T08:00:00.000Z', { account: '保定文旅' }),
        ...published('2026-04-29T08:00:00.000Z', {
          account: '保定文旅',
          decision: 'published-with-reason',
          reason: '经领导审核',
          categories: ['typo'],
        }),
        ...published('2026-04-29T09:00:00.000Z', {
          account: '保定文旅',
          decision: 'blocked',
          categories: ['commercial-ad'],
        }),
      ]),
    );
    await quiet.upload(await quiet.log(published('2026-03-01T08:00:00.000Z', { account: '保定水利' })));
    const now = new Date('2026-05-01T00:00:00Z');
    const dormant = await q.accounts(db, city, 14, now);
    expect(dormant.map((a) => a.name)).toContain('保定水利');
    expect(dormant.map((a) => a.name)).not.toContain('保定文旅');
    const wenlv = (await q.accounts(db, city, undefined, now)).find((a) => a.name === '保定文旅')!;
    expect(wenlv).toMatchObject({ attempts: 3, published: 2, days_silent: 1 });

    const units = await q.units(db, city, new Date('2026-04-01'), new Date('2026-04-30'));
    expect(units.find((u) => u.name === '保定市文旅局')).toMatchObject({
      attempts: 3,
      blocked: 1,
      overrides: 1,
      published: 2,
    });
    const unitId = units.find((u) => u.name === '保定市文旅局')!.id;
    const overrides = await q.attempts(db, city, { unit: unitId, decision: 'published-with-reason' });
    expect(overrides.map((o) => [o.reason, o.categories])).toEqual([['经领导审核', ['typo']]]);
    const days = await q.days(db, city, unitId, new Date('2026-04-01'), new Date('2026-04-30'));
    expect(days.filter((d) => d.category === 'commercial-ad')).toEqual([
      { day: '2026-04-29', category: 'commercial-ad', attempts: 1, blocked: 1, overrides: 0 },
    ]);

    // A unit auditor sees only their own unit.
    const own: q.Scope = { unitId };
    expect((await q.accounts(db, own, undefined, now)).map((a) => a.name)).toEqual(['保定文旅']);
    expect((await q.units(db, own, new Date('2026-04-01'), new Date('2026-04-30'))).map((u) => u.name)).toEqual([
      '保定市文旅局',
    ]);
    expect(await q.attempts(db, own, { q: '文旅' })).toHaveLength(3);
    expect((await q.devices(db, own)).map((d) => d.unit)).toEqual(['保定市文旅局']);
  });
});
