import { beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, PackManager, type KeyValueStore } from '../../entrypoints/background/pack-manager';
import { RULES } from '../../rules/index';
import type { Pack } from '../../rules/engine/pack';
import type { PackEvent, UpdateState } from '../../pack-trust/status';
import type { ActivePack } from '../../utils/protocol';
import type { ManagedPolicy } from '../../utils/settings';
import { SITE_SCHEMA } from '../../adapters/site-schema';
import { defaultPack, packWithTerm, signed, testKey, type TestKey } from '../pack-trust/helpers';

class MemoryStore implements KeyValueStore {
  data = new Map<string, unknown>();
  async get(keys: string[]) {
    return Object.fromEntries(keys.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  get active() {
    return this.data.get('activePack') as ActivePack;
  }
  get history() {
    return (this.data.get('packHistory') as PackEvent[]) ?? [];
  }
}

interface Served {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** A pack server: answers what `serve` holds, honours validators like a real one, records requests. */
class FakeServer {
  serve: Served = { status: 404 };
  validators = true;
  offline = false;
  /** Fails requests that carry validators, as a failed CORS preflight does. */
  rejectValidators = false;
  requests: { url: string; headers: Record<string, string> }[] = [];
  fetch: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(
      Object.entries((init?.headers as Record<string, string>) ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    this.requests.push({ url: input instanceof Request ? input.url : String(input), headers });
    if (this.offline) throw new TypeError('Failed to fetch');
    if (this.rejectValidators && (headers['if-none-match'] || headers['if-modified-since']))
      throw new TypeError('Failed to fetch');
    const etag = this.serve.headers?.etag;
    if (this.validators && etag && headers['if-none-match'] === etag) return new Response(null, { status: 304 });
    return new Response(this.serve.body ?? null, {
      status: this.serve.status,
      headers: this.validators ? this.serve.headers : {},
    });
  };
  servePack(text: string, etag: string) {
    this.serve = { status: 200, body: text, headers: { etag, 'last-modified': 'Sun, 29 Nov 2026 08:00:00 GMT' } };
  }
}

let store: MemoryStore;
let server: FakeServer;
let policy: ManagedPolicy | undefined;
let clock: number;
let key: TestKey;
let manager: PackManager;

function make(bundled: Pack = defaultPack()) {
  return new PackManager({
    store,
    bundled,
    builtinKeys: [],
    readPolicy: async () => policy,
    fetch: server.fetch,
    now: () => new Date(clock++ * 1000),
    rules: RULES,
    sites: SITE_SCHEMA,
  });
}

const text = async (pack: unknown, ...keys: TestKey[]) =>
  JSON.stringify(await signed(pack, ...(keys.length ? keys : [key])), null, 2);
const activeRef = () => `${store.active.pack.id} ${store.active.pack.version}`;
const lastEvent = () => store.history.at(-1)!;

beforeEach(async () => {
  store = new MemoryStore();
  server = new FakeServer();
  clock = Date.UTC(2026, 10, 29) / 1000;
  key = await testKey('管理员密钥');
  policy = { trustedKeys: [key.publicEntry] };
  manager = make();
});

describe('the bundled pack', () => {
  it('is activated on first run and sets the rollback floor', async () => {
    const active = await manager.init();
    expect(active).toMatchObject({ origin: 'bundled', pack: { id: 'baoding-default', version: '1.0.0' } });
    expect(store.active.origin).toBe('bundled');
    expect(store.history).toEqual([
      expect.objectContaining({
        kind: 'activated',
        origin: 'bundled',
        pack: { id: 'baoding-default', version: '1.0.0' },
      }),
    ]);
    expect(store.data.get('packHighWater')).toEqual({ 'baoding-default': '1.0.0' });
  });

  it('is replaced by a newer bundled version after an extension update, but never displaces an admin pack of another id', async () => {
    await manager.init();
    await make({ ...defaultPack(), version: '1.0.1' }).init();
    expect(activeRef()).toBe('baoding-default 1.0.1');

    const other = { ...packWithTerm('3.0.0'), id: 'county-pack' };
    expect((await manager.importFile(await text(other), 'county.json')).ok).toBe(true);
    await make({ ...defaultPack(), version: '1.0.2' }).init();
    expect(activeRef()).toBe('county-pack 3.0.0');
  });
});

describe('import', () => {
  it('activates a signed newer pack and records it', async () => {
    await manager.init();
    const outcome = await manager.importFile(await text(packWithTerm('1.1.0')), '规则包-1.1.0.json');
    expect(outcome).toMatchObject({
      ok: true,
      active: {
        id: 'baoding-default',
        version: '1.1.0',
        origin: 'import',
        keyIds: [key.id],
        source: '规则包-1.1.0.json',
      },
    });
    expect(store.active).toMatchObject({ origin: 'import', keyIds: [key.id], source: '规则包-1.1.0.json' });
    expect(store.active.pack.dictionaries.typos!.entries.some((e) => e.term === '示例禁词')).toBe(true);
    expect(lastEvent()).toMatchObject({
      kind: 'activated',
      origin: 'import',
      pack: { version: '1.1.0' },
      previous: { version: '1.0.0' },
      keyIds: [key.id],
    });
  });

  const refusals: [string, () => Promise<string>, string][] = [
    [
      'a bad signature',
      async () => {
        const file = await signed(packWithTerm('1.1.0'), key);
        (file.pack as Pack).rules['no-typo']!.severity = 'off';
        return JSON.stringify(file);
      },
      'bad-signature',
    ],
    ['an unknown key', async () => text(packWithTerm('1.1.0'), await testKey('陌生')), 'unknown-key'],
    ['a newer format version', async () => text({ ...packWithTerm('1.1.0'), format: 2 }), 'format'],
    ['a file that is not a signed pack', async () => JSON.stringify(packWithTerm('1.1.0')), 'format'],
    ['a schema violation', async () => text({ ...packWithTerm('1.1.0'), tests: 'none' }), 'schema'],
    [
      'a bad selector override',
      async () => text({ ...packWithTerm('1.1.0'), sites: { weibo: { homeInput: ['div:contains(x)'] } } }),
      'schema',
    ],
    ['the same version', async () => text(packWithTerm('1.0.0')), 'not-newer'],
    ['an older version', async () => text(packWithTerm('0.9.0')), 'not-newer'],
    [
      'a dangerous pattern',
      async () => {
        const pack = packWithTerm('1.1.0');
        pack.dictionaries.typos!.entries.push({ pattern: '(x|xx){1,40}y', basis: '测试' });
        return text(pack);
      },
      'invalid',
    ],
    [
      'failing own cases',
      async () => {
        const pack = packWithTerm('1.1.0');
        pack.tests.push({ text: '没有问题', expect: ['no-typo'] });
        return text(pack);
      },
      'tests-failed',
    ],
  ];
  it.each(refusals)('refuses %s, keeps the active pack and logs the refusal', async (_, make, reason) => {
    await manager.init();
    const before = structuredClone(store.active);
    const outcome = await manager.importFile(await make(), 'bad.json');
    expect(outcome).toMatchObject({ ok: false, refusal: { reason } });
    expect(store.active).toEqual(before);
    expect(lastEvent()).toMatchObject({
      kind: 'refused',
      origin: 'import',
      source: 'bad.json',
      reason,
      message: expect.any(String),
    });
  });
});

describe('trusted keys', () => {
  it('follow the policy: a rotated-out key is no longer trusted, a pack signed by old and new keys stays valid', async () => {
    await manager.init();
    const newKey = await testKey('新密钥');
    policy = { trustedKeys: [newKey.publicEntry] };
    expect(await manager.importFile(await text(packWithTerm('1.1.0'), key), 'old.json')).toMatchObject({
      ok: false,
      refusal: { reason: 'unknown-key' },
    });
    expect(await manager.importFile(await text(packWithTerm('1.1.0'), key, newKey), 'both.json')).toMatchObject({
      ok: true,
      active: { keyIds: [newKey.id] },
    });
  });

  it('lists built-in and policy keys, and says why a policy key is ignored', async () => {
    policy = { trustedKeys: [key.publicEntry, { id: 'deadbeefdeadbeef', publicKey: key.publicEntry.publicKey }] };
    const status = await manager.status();
    expect(status.keys).toEqual([{ id: key.id, source: 'policy' }]);
    expect(status.keyProblems).toEqual([
      `策略 trustedKeys[1]: id「deadbeefdeadbeef」与公钥不符（此公钥的 id 是 ${key.id}）`,
    ]);
  });
});

describe('rollback', () => {
  it('is refused when it comes as an update, allowed when an admin asks for it, and sticks until a newer pack', async () => {
    await manager.init();
    const v11 = await text(packWithTerm('1.1.0'));
    const v12 = await text(packWithTerm('1.2.0', '第二个禁词'));
    expect((await manager.importFile(v11, 'a')).ok).toBe(true);
    expect((await manager.importFile(v12, 'b')).ok).toBe(true);
    // An attacker (or a stale mirror) serving 1.1.0 again cannot roll the browser back.
    expect(await manager.importFile(v11, 'a')).toMatchObject({ ok: false, refusal: { reason: 'not-newer' } });

    const { rollbackTargets } = await manager.status();
    expect(rollbackTargets.map((t) => t.target)).toEqual(['baoding-default@1.1.0', 'bundled']);
    const back = await manager.rollback('baoding-default@1.1.0');
    expect(back).toMatchObject({ ok: true, active: { version: '1.1.0', rollback: true } });
    expect(lastEvent()).toMatchObject({
      kind: 'rolled-back',
      pack: { version: '1.1.0' },
      previous: { version: '1.2.0' },
    });

    // The rolled-back-from version does not come back by itself; a newer one does.
    expect(await manager.importFile(v12, 'b')).toMatchObject({ ok: false, refusal: { reason: 'not-newer' } });
    expect((await manager.importFile(await text(packWithTerm('1.3.0')), 'c')).ok).toBe(true);
  });

  it('can return to the bundled pack', async () => {
    await manager.init();
    await manager.importFile(await text(packWithTerm('1.1.0')), 'a');
    expect(await manager.rollback('bundled')).toMatchObject({
      ok: true,
      active: { origin: 'bundled', version: '1.0.0', rollback: true },
    });
    expect(activeRef()).toBe('baoding-default 1.0.0');
  });

  it('re-verifies the archived pack with the keys trusted today', async () => {
    await manager.init();
    await manager.importFile(await text(packWithTerm('1.1.0')), 'a');
    await manager.importFile(await text(packWithTerm('1.2.0')), 'b');
    policy = { trustedKeys: [(await testKey('新')).publicEntry] };
    expect(await manager.rollback('baoding-default@1.1.0')).toMatchObject({
      ok: false,
      refusal: { reason: 'unknown-key' },
    });
    expect(activeRef()).toBe('baoding-default 1.2.0');
    await expect(manager.rollback('nope@1.0.0')).rejects.toThrow('没有可回滚的规则包');
  });
});

describe('updates from the policy URL', () => {
  const URL = 'https://packs.example.gov.cn/baoding.json';
  const update = () => store.data.get('packUpdate') as UpdateState;

  it('does nothing without a URL', async () => {
    expect(await manager.checkForUpdate()).toEqual({ outcome: 'no-url' });
    expect(server.requests).toEqual([]);
  });

  it('activates a new pack, then asks conditionally and keeps it on 304', async () => {
    policy = { ...policy, packUrl: URL };
    server.servePack(await text(packWithTerm('1.1.0')), '"v1.1"');
    expect(await manager.checkForUpdate()).toEqual({ outcome: 'activated', message: '已启用 baoding-default 1.1.0' });
    expect(store.active).toMatchObject({ origin: 'policy', source: URL });
    expect(server.requests[0]!.headers).toEqual({});

    expect(await manager.checkForUpdate()).toEqual({ outcome: 'not-modified' });
    expect(server.requests[1]!.headers).toEqual({
      'if-none-match': '"v1.1"',
      'if-modified-since': 'Sun, 29 Nov 2026 08:00:00 GMT',
    });
    expect(activeRef()).toBe('baoding-default 1.1.0');
    expect(update()).toMatchObject({ url: URL, etag: '"v1.1"', lastOutcome: 'not-modified' });
  });

  it('stops reading a pack file past the byte limit even when the server sends no length', async () => {
    policy = { ...policy, packUrl: URL };
    // 3 million Chinese characters: under the limit in characters, 9 MB in UTF-8.
    server.serve = { status: 200, body: '"' + '规'.repeat(3_000_000) + '"' };
    expect(await manager.checkForUpdate()).toMatchObject({
      outcome: 'failed',
      message: expect.stringMatching(/超过上限 8000000 字节/),
    });
    expect(activeRef()).toBe(`baoding-default ${defaultPack().version}`);
  });

  it('keeps the active pack offline and counts repeated failures instead of flooding the history', async () => {
    policy = { ...policy, packUrl: URL };
    server.servePack(await text(packWithTerm('1.1.0')), '"v1.1"');
    await manager.checkForUpdate();
    server.offline = true;
    for (let i = 0; i < 3; i++)
      expect(await manager.checkForUpdate()).toMatchObject({
        outcome: 'failed',
        message: expect.stringContaining('无法连接'),
      });
    expect(activeRef()).toBe('baoding-default 1.1.0');
    expect(lastEvent()).toMatchObject({ kind: 'fetch-failed', count: 3 });
    server.offline = false;
    server.serve = { status: 500 };
    expect(await manager.checkForUpdate()).toMatchObject({ outcome: 'failed', message: '服务器返回 HTTP 500' });
  });

  it('judges a pack refused as too slow again at the next check, even from a server with validators', async () => {
    policy = { ...policy, packUrl: URL };
    const slow = packWithTerm('1.2.0');
    // Literal-free patterns that each pass the per-pattern bound but together run far over budget.
    for (let i = 0; i < 1000; i++)
      slow.dictionaries.typos!.entries.push({
        pattern: `[\\u4e00-\\u9fff]{1,${20 + (i % 20)}}[0-9]{1,4}`,
        suggestion: 'x',
        basis: '测试',
      });
    server.servePack(await text(slow), '"slow"');
    expect(await manager.checkForUpdate()).toMatchObject({ outcome: 'refused' });
    expect(lastEvent()).toMatchObject({ kind: 'refused', reason: 'too-costly' });
    const events = store.history.length;
    expect(await manager.checkForUpdate()).toMatchObject({ outcome: 'refused' });
    expect(store.history).toHaveLength(events + 1);
    expect(activeRef()).toBe('baoding-default 1.0.0');
  }, 60_000);

  it('refuses a tampered or older pack from the URL once, and keeps the active pack', async () => {
    policy = { ...policy, packUrl: URL };
    server.servePack(await text(packWithTerm('1.2.0')), '"a"');
    await manager.checkForUpdate();
    const file = await signed(packWithTerm('1.3.0'), key);
    (file.pack as Pack).dictionaries.typos!.entries.pop();
    server.servePack(JSON.stringify(file), '"b"');
    expect(await manager.checkForUpdate()).toMatchObject({ outcome: 'refused' });
    expect(lastEvent()).toMatchObject({ kind: 'refused', origin: 'policy', source: URL, reason: 'bad-signature' });
    server.servePack(await text(packWithTerm('1.1.0')), '"c"');
    expect(await manager.checkForUpdate()).toMatchObject({
      outcome: 'refused',
      message: expect.stringContaining('不比本浏览器已启用过的 1.2.0 新'),
    });
    expect(activeRef()).toBe('baoding-default 1.2.0');

    // A server without validators sends the same refused body again: judged once, not logged again.
    server.validators = false;
    const events = store.history.length;
    expect(await manager.checkForUpdate()).toEqual({ outcome: 'unchanged' });
    expect(store.history).toHaveLength(events);
  });

  it('treats the active pack fetched again as current, not as a refusal', async () => {
    policy = { ...policy, packUrl: URL };
    const v11 = await text(packWithTerm('1.1.0'));
    await manager.importFile(v11, 'local.json');
    server.servePack(v11, '"x"');
    expect(await manager.checkForUpdate()).toEqual({ outcome: 'current' });
    expect(lastEvent().kind).toBe('activated');
  });

  it('falls back to a plain request when the server does not allow the validator headers', async () => {
    policy = { ...policy, packUrl: URL };
    server.servePack(await text(packWithTerm('1.1.0')), '"v1"');
    await manager.checkForUpdate();
    server.rejectValidators = true;
    server.servePack(await text(packWithTerm('1.2.0')), '"v2"');
    expect(await manager.checkForUpdate()).toMatchObject({ outcome: 'activated' });
    expect(server.requests.slice(1).map((r) => Object.keys(r.headers).length)).toEqual([2, 0]);
  });

  it('refuses a plain-http URL that is not this machine, and forgets validators when the URL changes', async () => {
    policy = { ...policy, packUrl: 'http://packs.example.gov.cn/p.json' };
    expect(await manager.checkForUpdate()).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('必须是 https 地址'),
    });
    expect(server.requests).toEqual([]);

    policy = { ...policy, packUrl: URL };
    server.servePack(await text(packWithTerm('1.1.0')), '"v1"');
    await manager.checkForUpdate();
    policy = { ...policy, packUrl: 'http://127.0.0.1:8080/p.json' };
    await manager.checkForUpdate();
    expect(server.requests.at(-1)).toEqual({ url: 'http://127.0.0.1:8080/p.json', headers: {} });
  });

  it('asks again at a service worker start only when the interval has passed or the URL changed', async () => {
    policy = { ...policy, packUrl: URL, packUpdateMinutes: 30 };
    server.servePack(await text(packWithTerm('1.1.0')), '"v1"');
    expect(await manager.checkIfDue()).toMatchObject({ outcome: 'activated' });
    expect(await manager.checkIfDue()).toBeUndefined();
    clock += 29 * 60;
    expect(await manager.checkIfDue()).toBeUndefined();
    clock += 2 * 60;
    expect(await manager.checkIfDue()).toEqual({ outcome: 'not-modified' });
    // Another URL is asked at once; the same pack there is already the active one.
    policy = { ...policy, packUrl: `${URL}?v=2` };
    expect(await manager.checkIfDue()).toEqual({ outcome: 'current' });
    expect(server.requests).toHaveLength(3);
  });

  it('judges the same file anew after the policy changes (a key was added)', async () => {
    policy = { packUrl: URL, trustedKeys: [] };
    const v11 = await text(packWithTerm('1.1.0'));
    server.validators = false;
    server.servePack(v11, '"v1"');
    expect(await manager.checkForUpdate()).toMatchObject({ outcome: 'refused' });
    policy = { packUrl: URL, trustedKeys: [key.publicEntry] };
    expect(await manager.checkForUpdate()).toEqual({ outcome: 'unchanged' });
    await manager.resetUpdateState();
    expect(await manager.checkForUpdate()).toMatchObject({ outcome: 'activated' });
  });
});

describe('status and log integrity', () => {
  it('summarizes the active pack for the dashboard', async () => {
    policy = { ...policy, packUrl: 'https://p.example/p.json', packUpdateMinutes: 15 };
    await manager.importFile(await text(packWithTerm('1.1.0')), 'a.json');
    const status = await manager.status();
    expect(status.active).toMatchObject({
      id: 'baoding-default',
      version: '1.1.0',
      name: '保定市政务新媒体默认规则包',
      issuer: expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      ruleCount: Object.keys(defaultPack().rules).length,
      origin: 'import',
      keyIds: [key.id],
    });
    expect(status.update).toMatchObject({ url: 'https://p.example/p.json', minutes: 15 });
    expect(status.history[0]).toMatchObject({ kind: 'activated', pack: { version: '1.1.0' } });
  });

  it('accepts an attempt checked with the active pack only', async () => {
    await manager.init();
    await expect(manager.assertActive({ id: 'baoding-default', version: '1.0.0' })).resolves.toBeUndefined();
    await manager.importFile(await text(packWithTerm('1.1.0')), 'a');
    await expect(manager.assertActive({ id: 'baoding-default', version: '1.0.0' })).rejects.toThrow(
      '当前启用的是 baoding-default 1.1.0',
    );
  });

  // 205 imports, each a full pass of the manager (stored state, trusted keys, refusal): about 10
  // seconds alone, over the default 20 on a machine busy with other suites.
  it('keeps at most HISTORY_LIMIT events', { timeout: 90_000 }, async () => {
    await manager.init();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) await manager.importFile(`{"n": ${i}`, `f${i}.json`);
    expect(store.history).toHaveLength(HISTORY_LIMIT);
    expect(lastEvent().source).toBe(`f${HISTORY_LIMIT + 4}.json`);
  });

  it('runs concurrent operations one after another', async () => {
    await manager.init();
    const [a, b] = await Promise.all([
      manager.importFile(await text(packWithTerm('1.1.0')), 'a'),
      manager.importFile(await text(packWithTerm('1.2.0')), 'b'),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(activeRef()).toBe('baoding-default 1.2.0');
    expect(store.history.map((e) => e.pack?.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
  });
});
