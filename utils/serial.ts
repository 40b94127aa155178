/**
 * A serial queue: tasks run one at a time, in the order they were given, each starting once the
 * one before has settled. A task's failure belongs to its caller — it rejects the promise that
 * task returned — and never stops the tasks queued after it.
 *
 * Used wherever work must not interleave across awaits: log appends that each need the head the
 * last one left, an outbox and its counters, pack operations, one-connection database sessions.
 */
export type Serial = <T>(task: () => T | Promise<T>) => Promise<T>;

export function serialQueue(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => T | Promise<T>): Promise<T> => {
    const run = tail.then(task);
    // The next task waits for this one to settle, whichever way; its rejection is the caller's.
    tail = run.catch(() => undefined);
    return run;
  };
}
