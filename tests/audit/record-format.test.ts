/**
 * What a record's hash covers must never change: every log ever written is verified with it.
 * The hashes below were computed once and are never to be recomputed: records of every type (full
 * text, hash only, members left undefined, escapes, lone surrogates, a field the record types do
 * not name). Also pinned, word for word: the verifier's reason for an item it cannot link (and
 * which problem is named first when an item has several), and for a first line that is no header.
 * The records are written out here, not built from fixtures.ts: a change there must not move them.
 */
import { describe, expect, it } from 'vitest';
import { recordHash } from '../../audit/canonical';
import { linkRecord } from '../../audit/chain';
import { NOT_THE_CHAIN, verifyExportLines } from '../../audit/export-jsonl';
import * as v from 'valibot';
import { LogRecord, type RecordBody } from '../../audit/record';
import { ChainVerifier } from '../../audit/verify';

const H = (c: string) => c.repeat(64);
const RECORDS: Record<string, unknown>[] = [
  {
    v: 1,
    seq: 1,
    prev: '0'.repeat(64),
    hash: '',
    time: '2026-03-01T08:00:00.000Z',
    type: 'attempt',
    attempt: '00000000-0000-4000-8000-000000000001',
    platform: 'weibo',
    kind: 'post',
    page: 'home',
    account: { name: '保定发布', id: '2803301701' },
    url: 'https://weibo.com/u/2803301701',
    text: '【通知】明日起城区部分路段施工，请市民做为参考绕行。',
    textSha256: H('a'),
    textLength: 26,
    logText: 'full',
    verdict: 'warn',
    findings: [
      {
        ruleId: 'no-typo',
        messageId: 'typo',
        category: 'typo',
        severity: 'warn',
        field: 'body',
        range: [17, 19],
        excerpt: '做为',
        message: '「做为」应为「作为」',
        suggestion: '作为',
        basis: '第十三条 文字关',
      },
    ],
    errors: [],
    pack: { id: 'baoding-default', version: '1.0.0' },
    extension: '0.1.0',
    editor: { name: '李编辑', unit: '保定市政府办公室' },
  },
  // Hash-only: no text, no quoting fields; undefined members are absent from the canonical form.
  {
    v: 1,
    seq: 2,
    prev: H('1'),
    hash: '',
    time: '2026-03-01T08:00:01.000Z',
    type: 'attempt',
    attempt: '00000000-0000-4000-8000-000000000002',
    platform: 'wechat',
    kind: 'article',
    page: 'article-editor',
    account: undefined,
    url: 'https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/appmsg_edit',
    title: '关于“十五五”规划的解读 😀',
    text: undefined,
    textSha256: H('b'),
    textLength: 20000,
    logText: 'hash',
    verdict: 'error',
    findings: [
      {
        ruleId: 'sensitive-term',
        messageId: 'banned',
        category: 'political-expression',
        severity: 'block',
        field: 'title',
        range: [0, 4],
        basis: '',
      },
    ],
    errors: [{ ruleId: 'emotion-model', message: '模型加载失败\n"引号"\\反斜杠' }],
    pack: { id: 'city-pack', version: '12.0.3' },
    extension: '0.2.0',
    editor: { name: '', unit: '' },
  },
  {
    v: 1,
    seq: 3,
    prev: H('2'),
    hash: '',
    time: '2026-03-01T08:01:00.000Z',
    type: 'outcome',
    attempt: '00000000-0000-4000-8000-000000000001',
    decision: 'published-with-reason',
    reason: '已核实，\u2028原文如此\ud800',
  },
  {
    v: 1,
    seq: 4,
    prev: H('3'),
    hash: '',
    time: '2026-03-01T08:02:00.000Z',
    type: 'outcome',
    attempt: '00000000-0000-4000-8000-000000000002',
    decision: 'blocked',
    reason: undefined,
  },
  {
    v: 1,
    seq: 5,
    prev: H('4'),
    hash: '',
    time: '2026-04-01T00:00:00.000Z',
    type: 'retention',
    days: 30,
    before: '2026-03-02T00:00:00.000Z',
    prunedThrough: 4,
    anchor: H('4'),
    pruned: { records: 4, attempts: 2 },
    accounts: [
      {
        platform: 'weibo',
        name: '保定发布',
        id: '2803301701',
        attempts: 1,
        published: 1,
        lastAttempt: '2026-03-01T08:00:00.000Z',
        lastPublish: '2026-03-01T08:01:00.000Z',
      },
      {
        platform: 'wechat',
        name: '（未识别账号）',
        attempts: 1,
        published: 0,
        lastAttempt: '2026-03-01T08:00:01.000Z',
      },
    ],
  },
  {
    v: 1,
    seq: 6,
    prev: H('5'),
    hash: '',
    time: '2026-04-01T00:00:01.000Z',
    type: 'adapter-problem',
    platform: 'weibo',
    page: 'comment',
    url: 'https://weibo.com/1234567890/AbCdEf',
    problem: '找不到发布按钮',
  },
  {
    v: 1,
    seq: 7,
    prev: H('6'),
    hash: '',
    time: '2026-04-01T00:00:02.000Z',
    type: 'storage',
    level: 'critical',
    usage: 9007199254740991,
    quota: 0,
  },
  {
    v: 1,
    seq: 8,
    prev: H('7'),
    hash: '',
    time: '2026-04-01T00:00:03.000Z',
    type: 'integrity',
    brokenSeq: 3,
    reason: '序号 3–7 的记录缺失或被改写（日志尾部被删除）',
  },
  // A field the record types do not name (a later format's addition) is hashed like any other.
  {
    v: 1,
    seq: 9,
    prev: H('8'),
    hash: '',
    time: '2026-04-01T00:00:04.000Z',
    type: 'outcome',
    attempt: '00000000-0000-4000-8000-000000000003',
    decision: 'cancelled',
    reviewers: ['甲', '乙'],
    zeta: null,
    alpha: true,
  },
];
// Items the verifier must refuse, each with the reason it gives.
const base = { v: 1, seq: 2, prev: H('1'), hash: H('2'), time: '2026-03-01T08:00:00.000Z' };
const MALFORMED: [string, unknown, string][] = [
  ['null', null, '不是 JSON 对象'],
  ['array', [1, 2], '不是 JSON 对象'],
  ['string', 'not json {', '不是 JSON 对象'],
  ['number', 42, '不是 JSON 对象'],
  ['omitted without from', { type: 'omitted', to: 3, prev: H('1'), hash: H('2') }, '省略段的 from/to 不是有效序号'],
  [
    'omitted to before from',
    { type: 'omitted', from: 5, to: 3, prev: H('1'), hash: H('2') },
    '省略段的 from/to 不是有效序号',
  ],
  [
    'omitted to before from, no hash',
    { type: 'omitted', from: 5, to: 3, prev: H('1') },
    '省略段的 from/to 不是有效序号',
  ],
  ['omitted from 0', { type: 'omitted', from: 0, to: 3, prev: H('1'), hash: H('2') }, '省略段的 from/to 不是有效序号'],
  [
    'omitted fraction',
    { type: 'omitted', from: 1.5, to: 3, prev: H('1'), hash: H('2') },
    '省略段的 from/to 不是有效序号',
  ],
  ['omitted bad prev', { type: 'omitted', from: 1, to: 3, prev: 'XYZ', hash: H('2') }, '省略段缺少 prev/hash'],
  ['omitted no hash', { type: 'omitted', from: 1, to: 3, prev: H('1') }, '省略段缺少 prev/hash'],
  ['no type', { ...base }, '未知的记录类型 undefined'],
  ['unknown type', { ...base, type: 'note' }, '未知的记录类型 "note"'],
  ['numeric type', { ...base, type: 7 }, '未知的记录类型 7'],
  ['unknown type and no version', { type: 'note', seq: 1 }, '未知的记录类型 "note"'],
  ['wrong version', { ...base, type: 'storage', v: 2 }, '记录格式版本应为 1'],
  ['version as text', { ...base, type: 'storage', v: '1' }, '记录格式版本应为 1'],
  ['no version', { type: 'storage', seq: 2, prev: H('1'), hash: H('2'), time: 't' }, '记录格式版本应为 1'],
  ['wrong version and seq', { ...base, type: 'outcome', v: 2, seq: -1 }, '记录格式版本应为 1'],
  ['seq 0', { ...base, type: 'storage', seq: 0 }, '序号 seq 不是正整数'],
  ['seq text', { ...base, type: 'storage', seq: '2' }, '序号 seq 不是正整数'],
  ['seq unsafe', { ...base, type: 'storage', seq: 2 ** 60 }, '序号 seq 不是正整数'],
  ['seq and prev bad', { ...base, type: 'storage', seq: 0, prev: 'x' }, '序号 seq 不是正整数'],
  ['prev upper case', { ...base, type: 'storage', prev: 'A'.repeat(64) }, 'prev/hash 不是 64 位十六进制哈希'],
  ['hash short', { ...base, type: 'storage', hash: 'a'.repeat(63) }, 'prev/hash 不是 64 位十六进制哈希'],
  ['hash missing', { v: 1, seq: 2, prev: H('1'), time: 't', type: 'integrity' }, 'prev/hash 不是 64 位十六进制哈希'],
  ['hash and time bad', { ...base, type: 'storage', hash: 1, time: undefined }, 'prev/hash 不是 64 位十六进制哈希'],
  ['time missing', { v: 1, seq: 2, prev: H('1'), hash: H('2'), type: 'storage' }, '缺少时间 time'],
  ['time number', { ...base, type: 'storage', time: 1700000000 }, '缺少时间 time'],
  ['attempt without id', { ...base, type: 'attempt' }, '缺少发布尝试 id'],
  ['attempt id number', { ...base, type: 'attempt', attempt: 5 }, '缺少发布尝试 id'],
  ['outcome without id', { ...base, type: 'outcome', decision: 'blocked' }, '缺少发布尝试 id'],
  ['outcome without id nor decision', { ...base, type: 'outcome' }, '缺少发布尝试 id'],
  [
    'outcome unknown decision',
    { ...base, type: 'outcome', attempt: 'x', decision: 'approved' },
    '未知的处理结果 "approved"',
  ],
  ['outcome pending', { ...base, type: 'outcome', attempt: 'x', decision: 'pending' }, '未知的处理结果 "pending"'],
  ['outcome no decision', { ...base, type: 'outcome', attempt: 'x' }, '未知的处理结果 undefined'],
  [
    'time missing and outcome without id',
    { v: 1, seq: 2, prev: H('1'), hash: H('2'), type: 'outcome' },
    '缺少时间 time',
  ],
  ['retention without fields', { ...base, type: 'retention' }, '保留期记录缺少 prunedThrough/anchor'],
  [
    'retention bad anchor',
    { ...base, type: 'retention', prunedThrough: 1, anchor: 'zz' },
    '保留期记录缺少 prunedThrough/anchor',
  ],
  [
    'retention fraction',
    { ...base, type: 'retention', prunedThrough: 1.5, anchor: H('1') },
    '保留期记录缺少 prunedThrough/anchor',
  ],
  [
    'retention text',
    { ...base, type: 'retention', prunedThrough: '1', anchor: H('1') },
    '保留期记录缺少 prunedThrough/anchor',
  ],
];
// Items that pass the format check (what verify reads today is loose about the rest).
const LOOSE: [string, unknown][] = [
  ['attempt with only links and id', { ...base, type: 'attempt', attempt: 'x' }],
  ['time any text', { ...base, type: 'storage', time: '昨天' }],
  ['retention negative', { ...base, type: 'retention', prunedThrough: -3, anchor: H('1') }],
  ['adapter-problem bare', { ...base, type: 'adapter-problem' }],
  ['integrity bare', { ...base, type: 'integrity', extra: [1] }],
  ['omitted with extras', { type: 'omitted', from: 2, to: 2, prev: H('1'), hash: H('2'), note: 'x' }],
];

const GOOD_HEADER = { format: 'govpost-guard-log', version: 1, count: 0, head: null };
const HEADERS: [string, string, string | undefined][] = [
  ['csv', '"时间","平台"', `这是 CSV 文件。${NOT_THE_CHAIN}`],
  [
    'meta',
    JSON.stringify({ format: 'govpost-guard-export-meta' }),
    `这是 CSV/Excel 导出的说明文件，不含记录。${NOT_THE_CHAIN}`,
  ],
  ['text', 'hello', '第一行不是导出文件头（JSON 对象）'],
  ['number', '42', '第一行不是导出文件头（JSON 对象）'],
  ['null', 'null', '第一行不是导出文件头（JSON 对象）'],
  ['array', '[1]', '第一行不是 GovPost Guard 的日志导出文件头（format 应为 govpost-guard-log）'],
  ['empty object', '{}', '第一行不是 GovPost Guard 的日志导出文件头（format 应为 govpost-guard-log）'],
  [
    'other format',
    JSON.stringify({ ...GOOD_HEADER, format: 'x' }),
    '第一行不是 GovPost Guard 的日志导出文件头（format 应为 govpost-guard-log）',
  ],
  ['version 2', JSON.stringify({ ...GOOD_HEADER, version: 2 }), '不支持的导出格式版本 2（支持 1）'],
  [
    'version missing',
    JSON.stringify({ format: 'govpost-guard-log', count: 0, head: null }),
    '不支持的导出格式版本 undefined（支持 1）',
  ],
  ['count text', JSON.stringify({ ...GOOD_HEADER, count: '3' }), '文件头缺少条数 count'],
  ['count missing', JSON.stringify({ format: 'govpost-guard-log', version: 1, head: null }), '文件头缺少条数 count'],
  ['count fraction', JSON.stringify({ ...GOOD_HEADER, count: 1.5 }), undefined],
  ['head missing', JSON.stringify({ format: 'govpost-guard-log', version: 1, count: 0 }), '文件头的链头 head 格式不对'],
  ['head text', JSON.stringify({ ...GOOD_HEADER, head: 'abc' }), '文件头的链头 head 格式不对'],
  ['head without hash', JSON.stringify({ ...GOOD_HEADER, head: { seq: 1 } }), '文件头的链头 head 格式不对'],
  ['head hash number', JSON.stringify({ ...GOOD_HEADER, head: { seq: 1, hash: 5 } }), '文件头的链头 head 格式不对'],
  ['head array', JSON.stringify({ ...GOOD_HEADER, head: [] }), '文件头的链头 head 格式不对'],
  ['head hash short', JSON.stringify({ ...GOOD_HEADER, head: { seq: 1, hash: 'short' } }), undefined],
  // The head's seq is what the chain's end is compared with: it must be a number too.
  ['head seq text', JSON.stringify({ ...GOOD_HEADER, head: { seq: 'x', hash: H('a') } }), '文件头的链头 head 格式不对'],
  ['good', JSON.stringify(GOOD_HEADER), undefined],
  ['bom', '\uFEFF' + JSON.stringify(GOOD_HEADER), undefined],
];

const HASHES = [
  '94debaeb141fa8de38bedb0fbd69558492a224366e46cd74261471595fcd12c9',
  '24f00b19b402f94a6fd8dd5e31e04e5b5c29479359482819db860fc5148e3650',
  '6db62013b5010599167f4999dbc4e3a5647a71e76df5419f0da00862db6f4f7f',
  'fade37e31d2b4df54a3db122cdc04f6cc8d886e41b1115590df30f4f2bfb8e8b',
  '0df008da19547b9b0cb4c86a46c83ba2e6fe6a2410399359359cebbcfc5aa3af',
  '3b1887dd97f8aa8b28f385196a13db09b36d73bb89773a3ee20e6fc4850279ca',
  'dc6dbce75723124ef18c28690c89f3b0014ace83ca2400316ad4494d2b5f101c',
  'a602ec8fe7804ac4ff95c2e34f416852b23f774e88ca60b89e7c8645ce978a0a',
  '886db7c4a847a8c433ea759b45e1d2b399c6924e015cabe3c536b1b368390d97',
];

async function formatReason(value: unknown): Promise<string | undefined> {
  const verifier = new ChainVerifier();
  await verifier.push([value]);
  return verifier.finish().broken.find((b) => b.kind === 'format')?.reason;
}

describe('record hashes', () => {
  it('stay what they were for every kind of record', async () => {
    expect(await Promise.all(RECORDS.map((r) => recordHash(r)))).toEqual(HASHES);
  });

  it('are what the writer links a body with', async () => {
    const { v: _v, seq: _s, prev: _p, hash: _h, ...body } = RECORDS[0]!;
    const linked = await linkRecord(body as unknown as RecordBody, { seq: 7, hash: 'f'.repeat(64) });
    expect(linked.hash).toBe('c82e519c0d2445001d827113b099bd4e6f314ae17afbb8eb8c734fa0e4c0c1a6');
  });
});

describe('the verifier’s format check', () => {
  it.each(MALFORMED)('refuses %s with its reason', async (_name, value, reason) => {
    expect(await formatReason(value)).toBe(`记录格式不对：${reason}`);
  });

  it.each(LOOSE)('links %s (only the fields it follows the chain by are checked)', async (_name, value) => {
    expect(await formatReason(value)).toBeUndefined();
  });

  it('accepts every record above, which the full record schemas describe too', async () => {
    for (const record of RECORDS) {
      const linked = { ...record, hash: 'a'.repeat(64) };
      expect(v.safeParse(LogRecord, linked).issues).toBeUndefined();
      expect(await formatReason(linked)).toBeUndefined();
    }
  });
});

describe('the export header check', () => {
  it.each(HEADERS)('answers a first line (%s)', async (_name, line, why) => {
    expect((await verifyExportLines([line])).notAnExport).toBe(why);
  });

  it('answers an empty file', async () => {
    expect((await verifyExportLines([])).notAnExport).toBe('文件是空的');
  });
});
