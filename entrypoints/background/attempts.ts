/**
 * A minimal attempt store in `storage.local`, until the audit log (Dexie, hash chain) replaces
 * it behind the same protocol methods.
 */
import browser from 'webextension-polyfill';
import type { AdapterProblem, AttemptCompletion, AttemptStart, Decision } from '../../utils/protocol';

export interface StoredAttempt extends AttemptStart {
  id: string;
  time: string;
  decision: Decision;
  reason?: string;
}

const KEY = 'attempts';

async function all(): Promise<StoredAttempt[]> {
  const { [KEY]: list } = await browser.storage.local.get(KEY);
  return (list as StoredAttempt[] | undefined) ?? [];
}

export async function logAttempt(start: AttemptStart): Promise<{ id: string }> {
  const id = crypto.randomUUID();
  const list = await all();
  list.push({ ...start, id, time: new Date().toISOString(), decision: 'pending' });
  await browser.storage.local.set({ [KEY]: list });
  return { id };
}

export async function completeAttempt(done: AttemptCompletion): Promise<{ ok: true }> {
  const list = await all();
  const entry = list.find((a) => a.id === done.id);
  if (!entry) throw new Error(`没有待完成的记录 ${done.id}`);
  if (entry.decision !== 'pending') throw new Error(`记录 ${done.id} 已完成，不能再改`);
  entry.decision = done.decision;
  if (done.reason !== undefined) entry.reason = done.reason;
  await browser.storage.local.set({ [KEY]: list });
  return { ok: true };
}

export async function reportAdapterProblem(problem: AdapterProblem): Promise<{ ok: true }> {
  const { adapterProblems = [] } = (await browser.storage.local.get('adapterProblems')) as { adapterProblems?: AdapterProblem[] };
  adapterProblems.push(problem);
  await browser.storage.local.set({ adapterProblems: adapterProblems.slice(-100) });
  return { ok: true };
}
