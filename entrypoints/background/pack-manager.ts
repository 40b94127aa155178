/**
 * The background's rule-pack state: which pack is active, how it got there, what was refused, and
 * what an admin can roll back to. Every change goes through the admission gate
 * (pack-trust/admit.ts); a refused pack never replaces the active one, and every activation,
 * refusal and rollback is recorded in the pack history.
 *
 * No `browser.*` here: storage, policy, fetch and the clock are passed in, so this is tested in
 * Node (tests/background/pack-manager.test.ts) and wired to the extension in packs.ts.
 */
import type { RuleModule } from '../../rules/engine/define-rule';
import { compareVersions, type Pack } from '../../rules/engine/pack';
import { admitSignedPack, type Admission, type Refusal } from '../../pack-trust/admit';
import { canonicalPackJson } from '../../pack-trust/canonical';
import { sha256Hex } from '../../audit/canonical';
import { resolveTrustedKeys, type TrustedKey, type TrustedKeyEntry } from '../../pack-trust/keys';
import type { SignedPackFile } from '../../pack-trust/signed-pack';
import {
  PACK_STORAGE_KEYS as K,
  type ActivePackSummary,
  type PackEvent,
  type PackOrigin,
  type PackOutcome,
  type PackRef,
  type PackStatus,
  type RollbackTarget,
  type UpdateOutcome,
  type UpdateState,
} from '../../pack-trust/status';
import type { ActivePack } from '../../utils/protocol';
import type { ManagedPolicy } from '../../utils/settings';
import { serialQueue } from '../../utils/serial';
import type { SiteSchema } from '../../adapters/site-schema';
import { checkPackUrl, fetchPack } from './pack-fetch';

export const HISTORY_LIMIT = 200;
export const ARCHIVE_LIMIT = 10;
export const DEFAULT_UPDATE_MINUTES = 60;
const DETAILS_LIMIT = 30;

export interface KeyValueStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface PackManagerDeps {
  store: KeyValueStore;
  bundled: Pack;
  builtinKeys: readonly TrustedKeyEntry[];
  readPolicy(): Promise<ManagedPolicy | undefined>;
  fetch: typeof fetch;
  now(): Date;
  rules: readonly RuleModule[];
  sites: SiteSchema;
}

interface ArchivedPack {
  target: string;
  file: SignedPackFile;
  pack: PackRef & { name: string; date: string };
  origin: PackOrigin;
  source?: string;
  activatedAt: string;
}

interface State {
  active?: ActivePack;
  history: PackEvent[];
  archive: ArchivedPack[];
  highWater: Record<string, string>;
  update: UpdateState;
}

export function summarize(active: ActivePack): ActivePackSummary {
  const { pack } = active;
  return {
    id: pack.id,
    version: pack.version,
    name: pack.name,
    issuer: pack.issuer,
    date: pack.date,
    ...(pack.description ? { description: pack.description } : {}),
    ruleCount: Object.values(pack.rules).filter((r) => r.severity !== 'off').length,
    testCount: pack.tests.length,
    origin: active.origin,
    ...(active.activatedAt ? { activatedAt: active.activatedAt } : {}),
    ...(active.keyIds ? { keyIds: active.keyIds } : {}),
    ...(active.source ? { source: active.source } : {}),
    ...(active.rollback ? { rollback: true } : {}),
  };
}

const ref = (p: PackRef): PackRef => ({ id: p.id, version: p.version });

export class PackManager {
  /** Operations run one at a time: an alarm, an import and a rollback never interleave. */
  private readonly serial = serialQueue();

  constructor(private readonly deps: PackManagerDeps) {}

  private async load(): Promise<State> {
    const raw = await this.deps.store.get(Object.values(K));
    return {
      active: raw[K.active] as ActivePack | undefined,
      history: (raw[K.history] as PackEvent[] | undefined) ?? [],
      archive: (raw[K.archive] as ArchivedPack[] | undefined) ?? [],
      highWater: (raw[K.highWater] as Record<string, string> | undefined) ?? {},
      update: (raw[K.update] as UpdateState | undefined) ?? {},
    };
  }

  private time(): string {
    return this.deps.now().toISOString();
  }

  /** Appends to the history; the same refusal or failure seen again is counted, not repeated. */
  private record(state: State, event: Omit<PackEvent, 'time'>): void {
    const time = this.time();
    const last = state.history.at(-1);
    const repeat =
      last &&
      (event.kind === 'refused' || event.kind === 'fetch-failed') &&
      last.kind === event.kind &&
      last.origin === event.origin &&
      last.source === event.source &&
      last.reason === event.reason &&
      last.message === event.message;
    if (repeat) {
      last.count = (last.count ?? 1) + 1;
      last.lastTime = time;
    } else {
      state.history.push({
        time,
        ...event,
        ...(event.details ? { details: event.details.slice(0, DETAILS_LIMIT) } : {}),
      });
    }
    if (state.history.length > HISTORY_LIMIT) state.history.splice(0, state.history.length - HISTORY_LIMIT);
  }

  private async trusted(): Promise<{ keys: TrustedKey[]; problems: string[]; policy?: ManagedPolicy }> {
    const builtin = await resolveTrustedKeys(this.deps.builtinKeys, 'builtin');
    const policy = await this.deps.readPolicy();
    const fromPolicy = await resolveTrustedKeys(policy?.trustedKeys, 'policy');
    const keys = [...builtin.keys, ...fromPolicy.keys.filter((k) => !builtin.keys.some((b) => b.id === k.id))];
    return {
      keys,
      problems: [...builtin.problems.map((p) => `内置 ${p}`), ...fromPolicy.problems.map((p) => `策略 ${p}`)],
      policy,
    };
  }

  /**
   * Makes sure a pack is active: the bundled one on first run, or when the extension ships a newer
   * version of the pack that is active (or of the bundled pack it had).
   */
  init(): Promise<ActivePack> {
    return this.serial(() => this.syncBundled());
  }

  private async syncBundled(): Promise<ActivePack> {
    const state = await this.load();
    const { bundled } = this.deps;
    const active = state.active;
    const replace =
      !active ||
      (active.origin === 'bundled' && canonicalPackJson(active.pack) !== canonicalPackJson(bundled)) ||
      (active.pack.id === bundled.id && compareVersions(bundled.version, active.pack.version) > 0);
    if (!replace) return active;
    const next: ActivePack = { pack: bundled, origin: 'bundled', activatedAt: this.time() };
    this.record(state, {
      kind: 'activated',
      origin: 'bundled',
      pack: ref(bundled),
      ...(active ? { previous: ref(active.pack) } : {}),
    });
    this.raise(state, bundled);
    await this.deps.store.set({ [K.active]: next, [K.history]: state.history, [K.highWater]: state.highWater });
    return next;
  }

  /** Reads the active pack alone: asked on every page load and every logged attempt, it must not read the archive. */
  async active(): Promise<ActivePack> {
    return ((await this.deps.store.get([K.active]))[K.active] as ActivePack | undefined) ?? this.init();
  }

  private raise(state: State, pack: PackRef): void {
    const seen = state.highWater[pack.id];
    if (!seen || compareVersions(pack.version, seen) > 0) state.highWater[pack.id] = pack.version;
  }

  /** The version a new pack of this id must exceed: the highest ever active here. */
  private floor(state: State, id: string): string | undefined {
    const candidates = [
      state.highWater[id],
      state.active?.pack.id === id ? state.active.pack.version : undefined,
    ].filter((v): v is string => !!v);
    return candidates.sort(compareVersions).at(-1);
  }

  private async admit(state: State, text: unknown, explicit: boolean): Promise<Admission> {
    const { keys } = await this.trusted();
    return admitSignedPack(text, {
      rules: this.deps.rules,
      sites: this.deps.sites,
      trusted: keys,
      floor: explicit ? undefined : (id) => this.floor(state, id),
    });
  }

  private async activate(
    state: State,
    admitted: Extract<Admission, { ok: true }>,
    file: SignedPackFile,
    origin: PackOrigin,
    source: string | undefined,
    rollback: boolean,
  ): Promise<ActivePack> {
    const { pack, keyIds } = admitted;
    const previous = state.active;
    const next: ActivePack = {
      pack,
      origin,
      activatedAt: this.time(),
      keyIds,
      ...(source ? { source } : {}),
      ...(rollback ? { rollback: true } : {}),
    };
    this.record(state, {
      kind: rollback ? 'rolled-back' : 'activated',
      origin,
      ...(source ? { source } : {}),
      pack: ref(pack),
      ...(previous ? { previous: ref(previous.pack) } : {}),
      keyIds,
    });
    this.raise(state, pack);
    const target = `${pack.id}@${pack.version}`;
    if (!rollback) {
      state.archive = state.archive.filter((a) => a.target !== target);
      state.archive.push({
        target,
        file,
        pack: { ...ref(pack), name: pack.name, date: pack.date },
        origin,
        ...(source ? { source } : {}),
        activatedAt: next.activatedAt!,
      });
      if (state.archive.length > ARCHIVE_LIMIT) state.archive.splice(0, state.archive.length - ARCHIVE_LIMIT);
    }
    state.active = next;
    await this.deps.store.set({
      [K.active]: next,
      [K.history]: state.history,
      [K.archive]: state.archive,
      [K.highWater]: state.highWater,
    });
    return next;
  }

  private async refuse(state: State, refusal: Refusal, origin: PackOrigin, source: string | undefined): Promise<void> {
    this.record(state, {
      kind: 'refused',
      origin,
      ...(source ? { source } : {}),
      ...(refusal.pack ? { pack: refusal.pack } : {}),
      ...(refusal.keyIds ? { keyIds: refusal.keyIds } : {}),
      reason: refusal.reason,
      message: refusal.message,
      details: refusal.details,
    });
    await this.deps.store.set({ [K.history]: state.history });
  }

  /** A signed pack file chosen by an admin in the dashboard. */
  importFile(text: string, name: string): Promise<PackOutcome> {
    return this.serial(async () => {
      await this.ensureActive();
      const state = await this.load();
      const admitted = await this.admit(state, text, false);
      if (!admitted.ok) {
        await this.refuse(state, admitted.refusal, 'import', name);
        return { ok: false, refusal: admitted.refusal };
      }
      const active = await this.activate(state, admitted, JSON.parse(text) as SignedPackFile, 'import', name, false);
      return { ok: true, active: summarize(active) };
    });
  }

  /** An admin's explicit return to an earlier pack: re-verified against today's keys, logged. */
  rollback(target: string): Promise<PackOutcome> {
    return this.serial(async () => {
      await this.ensureActive();
      const state = await this.load();
      const previous = state.active!;
      if (target === 'bundled') {
        const next: ActivePack = {
          pack: this.deps.bundled,
          origin: 'bundled',
          activatedAt: this.time(),
          rollback: true,
        };
        this.record(state, {
          kind: 'rolled-back',
          origin: 'bundled',
          pack: ref(this.deps.bundled),
          previous: ref(previous.pack),
        });
        await this.deps.store.set({ [K.active]: next, [K.history]: state.history });
        return { ok: true, active: summarize(next) };
      }
      const archived = state.archive.find((a) => a.target === target);
      if (!archived) throw new Error(`没有可回滚的规则包「${target}」`);
      const admitted = await this.admit(state, archived.file, true);
      if (!admitted.ok) {
        await this.refuse(state, admitted.refusal, archived.origin, `回滚：${archived.source ?? target}`);
        return { ok: false, refusal: admitted.refusal };
      }
      const active = await this.activate(state, admitted, archived.file, archived.origin, archived.source, true);
      return { ok: true, active: summarize(active) };
    });
  }

  /** Forgets the validators of the policy URL, so the next check fetches and judges the pack anew (policy or keys changed). */
  async resetUpdateState(): Promise<void> {
    await this.serial(async () => {
      const { update } = await this.load();
      await this.deps.store.set({
        [K.update]: { ...(update.lastCheck ? { lastCheck: update.lastCheck } : {}) } satisfies UpdateState,
      });
    });
  }

  /**
   * Checks the policy URL only when the last check is older than the update interval: a service
   * worker wakes up often (every message), and thousands of browsers must not ask each time.
   */
  async checkIfDue(): Promise<{ outcome: UpdateOutcome; message?: string } | undefined> {
    const { update } = await this.load();
    const policy = await this.deps.readPolicy();
    const last = update.lastCheck ? Date.parse(update.lastCheck) : Number.NaN;
    const due = update.url !== policy?.packUrl || !(this.deps.now().getTime() - last < updateMinutes(policy) * 60_000);
    return due ? this.checkForUpdate() : undefined;
  }

  /** Fetches the policy URL (conditionally), verifies and activates; offline or refused keeps the active pack. */
  checkForUpdate(): Promise<{ outcome: UpdateOutcome; message?: string }> {
    return this.serial(async () => {
      await this.ensureActive();
      const state = await this.load();
      const url = (await this.deps.readPolicy())?.packUrl;
      if (!url) return this.saveUpdate(state, { lastOutcome: 'no-url' }, 'no-url');
      const base: UpdateState = state.update.url === url ? state.update : { url };
      const bad = checkPackUrl(url);
      if (bad) return this.failed(state, base, url, bad);
      const fetched = await fetchPack(url, base, this.deps.fetch);
      if (fetched.status === 'failed') return this.failed(state, base, url, fetched.message);
      if (fetched.status === 'not-modified')
        return this.saveUpdate(state, { ...base, lastOutcome: 'not-modified' }, 'not-modified');
      const update: UpdateState = {
        url,
        ...(fetched.etag ? { etag: fetched.etag } : {}),
        ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
        bodyHash: await sha256Hex(fetched.text),
      };
      if (
        base.bodyHash === update.bodyHash &&
        base.lastOutcome &&
        base.lastOutcome !== 'failed' &&
        base.lastOutcome !== 'no-url'
      ) {
        return this.saveUpdate(state, { ...update, lastOutcome: 'unchanged' }, 'unchanged');
      }
      const admitted = await this.admit(state, fetched.text, false);
      if (admitted.ok) {
        await this.activate(state, admitted, JSON.parse(fetched.text) as SignedPackFile, 'policy', url, false);
        return this.saveUpdate(
          state,
          { ...update, lastOutcome: 'activated' },
          'activated',
          `已启用 ${admitted.pack.id} ${admitted.pack.version}`,
        );
      }
      const { refusal } = admitted;
      // The pack already active, fetched again from a server that ignores validators: not news.
      if (refusal.reason === 'not-newer' && state.active && isSamePack(state.active.pack, fetched.text)) {
        return this.saveUpdate(state, { ...update, lastOutcome: 'current' }, 'current');
      }
      await this.refuse(state, refusal, 'policy', url);
      // Too slow is a measurement on this computer at one moment (another program may have held
      // the CPU): keep no validators or body hash, so the next check fetches and times it again.
      const judged = refusal.reason === 'too-costly' ? { url } : update;
      return this.saveUpdate(
        state,
        { ...judged, lastOutcome: 'refused', lastMessage: refusal.message },
        'refused',
        refusal.message,
      );
    });
  }

  private async failed(state: State, base: UpdateState, url: string, message: string) {
    this.record(state, { kind: 'fetch-failed', origin: 'policy', source: url, message });
    await this.deps.store.set({ [K.history]: state.history });
    return this.saveUpdate(state, { ...base, url, lastOutcome: 'failed', lastMessage: message }, 'failed', message);
  }

  private async saveUpdate(state: State, update: UpdateState, outcome: UpdateOutcome, message?: string) {
    const next: UpdateState = {
      ...update,
      lastCheck: this.time(),
      lastOutcome: outcome,
      ...(message ? { lastMessage: message } : {}),
    };
    if (!message) delete next.lastMessage;
    state.update = next;
    await this.deps.store.set({ [K.update]: next });
    return { outcome, ...(message ? { message } : {}) };
  }

  /** Inside a serial task: the bundled pack, when nothing is active yet. */
  private async ensureActive(): Promise<void> {
    await this.syncBundled();
  }

  async status(): Promise<PackStatus> {
    const active = await this.active();
    const state = await this.load();
    const { keys, problems, policy } = await this.trusted();
    const current = `${active.pack.id}@${active.pack.version}`;
    const targets: RollbackTarget[] = state.archive
      .filter((a) => a.target !== current)
      .map((a) => ({
        target: a.target,
        ...a.pack,
        origin: a.origin,
        ...(a.source ? { source: a.source } : {}),
        activatedAt: a.activatedAt,
      }))
      .reverse();
    if (active.origin !== 'bundled' || active.pack.version !== this.deps.bundled.version) {
      const b = this.deps.bundled;
      targets.push({ target: 'bundled', id: b.id, version: b.version, name: b.name, date: b.date, origin: 'bundled' });
    }
    return {
      active: summarize(active),
      history: [...state.history].reverse(),
      rollbackTargets: targets,
      update: { ...state.update, ...(policy?.packUrl ? { url: policy.packUrl } : {}), minutes: updateMinutes(policy) },
      keys: keys.map((k) => ({ id: k.id, ...(k.name ? { name: k.name } : {}), source: k.source })),
      keyProblems: problems,
    };
  }

  /**
   * Throws unless an attempt was checked with the active pack: every log entry must name the pack
   * that is in force. A content script that checked with an older pack re-checks and logs again.
   */
  async assertActive(pack: PackRef): Promise<void> {
    const { pack: active } = await this.active();
    if (pack.id !== active.id || pack.version !== active.version) {
      throw new Error(
        `稿件是用规则包 ${pack.id} ${pack.version} 检查的，但当前启用的是 ${active.id} ${active.version}：请用当前规则包重新检查`,
      );
    }
  }
}

function isSamePack(active: Pack, text: string): boolean {
  try {
    return canonicalPackJson((JSON.parse(text) as SignedPackFile).pack) === canonicalPackJson(active);
  } catch {
    return false;
  }
}

export function updateMinutes(policy: ManagedPolicy | undefined): number {
  const m = policy?.packUpdateMinutes;
  return typeof m === 'number' && Number.isFinite(m) && m >= 1
    ? Math.min(Math.round(m), 7 * 24 * 60)
    : DEFAULT_UPDATE_MINUTES;
}
