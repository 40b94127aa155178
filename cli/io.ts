/** The CLI's view of the outside world, so commands can be tested without a process. */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  /** Environment variables (NO_COLOR…); the process's own when absent. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Exit codes: 0 done (whatever the verdicts), 1 a check or test failed, 2 bad input or usage,
 * 3 a draft reached the verdict `check --fail-on` names.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, verdict: 3 } as const;

export class UsageError extends Error {}

/** Thrown when standard output has gone away (`… | head`): there is nobody left to answer. */
export class OutputClosed extends Error {}

/** Writes with back-pressure, so a slow reader downstream bounds memory instead of a buffer. */
export async function write(out: Writable, text: string): Promise<void> {
  if (out.destroyed) throw new OutputClosed();
  if (!out.write(text)) await once(out, 'drain');
}
