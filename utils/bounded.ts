/**
 * Bounded waits. Every wait on a browser API or across contexts ends: a background that never
 * answers (a `storage.managed.get()` that hangs after a tab switch, a stopped service worker)
 * must turn into an error the caller handles — for a publish, a held post and an error panel —
 * never into a page that waits forever.
 */

export class TimeoutError extends Error {}

/**
 * `promise`, or a TimeoutError after `ms` milliseconds: `what`在 `ms` 毫秒内没有响应, unless
 * `message` words it for its reader. `onTimeout` runs when time is up (e.g. to abort a fetch).
 */
export function within<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  opts: { message?: string; onTimeout?: () => void } = {},
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      opts.onTimeout?.();
      reject(new TimeoutError(opts.message ?? `${what}在 ${ms} 毫秒内没有响应`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
