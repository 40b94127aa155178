/** The CLI's view of the outside world, so commands can be tested without a process. */
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
}

/** Exit codes: 0 done (whatever the verdicts), 1 a check or test failed, 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}
