/**
 * Timing and heap measurement for the benchmark: warm-up first, then many samples; each sample
 * batches enough calls to last well above the timer's resolution. Results are per call.
 */
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p95: number;
  /**
   * Process CPU time (all threads, GC included) per call over the samples: unlike wall time it
   * does not grow when other processes share the cores.
   */
  cpu: number;
  samples: number;
  /** Calls per sample. */
  batch: number;
}

/** Keeps results alive so the optimiser cannot drop the work. */
let sink: unknown;
export function consume(value: unknown): void {
  sink = value;
}
export function sunk(): unknown {
  return sink;
}

export interface MeasureOptions {
  /** Milliseconds of warm-up. */
  warmup?: number;
  /** Milliseconds of sampling (at least `minSamples` samples whatever the time). */
  time?: number;
  minSamples?: number;
  /** A sample lasts at least this many milliseconds. */
  sampleTime?: number;
}

/**
 * `list[i]`, for the benchmark's parallel lists (one timing per text, per peer, per stage), which
 * always have it; a missing one is a bug in the benchmark and stops it with a message.
 */
export function nth<T>(list: ArrayLike<T>, i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`benchmark: no entry ${i} in a list of ${list.length}`);
  return item;
}

function quantile(sorted: number[], q: number): number {
  return nth(sorted, Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1)));
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** A first call slower than this is measured a few times only (a quadratic peer on a long text). */
const SLOW_CALL = 1000;

/** Milliseconds per call of `fn`. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Timing {
  const { warmup = 300, time = 1500, minSamples = 30, sampleTime = 2 } = options;
  let start = performance.now();
  consume(fn());
  const first = performance.now() - start;
  if (first > SLOW_CALL) {
    const c0 = process.cpuUsage();
    const few = [first];
    // Beyond a few seconds a call, one run says enough.
    for (let i = 0; i < 2 && first < 5 * SLOW_CALL; i++) {
      const t0 = performance.now();
      consume(fn());
      few.push(performance.now() - t0);
    }
    const cpu = cpuMs(process.cpuUsage(c0)) / (few.length - 1 || 1);
    few.sort((a, b) => a - b);
    return {
      median: quantile(few, 0.5),
      p95: quantile(few, 1),
      cpu: few.length > 1 ? cpu : Number.NaN,
      samples: few.length,
      batch: 1,
    };
  }
  let calls = 1;
  while (performance.now() - start < warmup || calls < 5) {
    consume(fn());
    calls++;
  }
  const perCall = (performance.now() - start) / calls;
  // Slow cases (a naive scan of a long text) get fewer samples, so one run stays in minutes.
  const needed = perCall > 20 ? Math.min(minSamples, 10) : minSamples;
  const batch = Math.max(1, Math.ceil(sampleTime / Math.max(perCall, 1e-6)));
  const samples: number[] = [];
  const c0 = process.cpuUsage();
  start = performance.now();
  while (samples.length < needed || (performance.now() - start < time && samples.length < 5000)) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) consume(fn());
    samples.push((performance.now() - t0) / batch);
  }
  const cpu = cpuMs(process.cpuUsage(c0)) / (samples.length * batch);
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), cpu, samples: samples.length, batch };
}

/**
 * Milliseconds per call of several functions measured in turns: each sample is a batch of one
 * function's calls lasting about `sampleTime`, and the functions take turns sample by sample.
 * Whatever else runs on the machine then weighs on all of them alike, so their ratios (how time
 * grows with the length of a text) hold even when absolute times drift with the load.
 */
export function measureInTurns(fns: (() => unknown)[], options: MeasureOptions = {}): Timing[] {
  const { warmup = 300, time = 1500 * fns.length, minSamples = 30, sampleTime = 20 } = options;
  const batches = fns.map((fn) => {
    const start = performance.now();
    let calls = 0;
    while (performance.now() - start < warmup / fns.length || calls < 3) {
      consume(fn());
      calls++;
    }
    return Math.max(1, Math.round(sampleTime / ((performance.now() - start) / calls)));
  });
  const runs = fns.map((fn, i) => ({ fn, batch: nth(batches, i), samples: [] as number[], cpu: 0 }));
  const start = performance.now();
  while ((runs[0]?.samples.length ?? minSamples) < minSamples || performance.now() - start < time) {
    for (const run of runs) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let k = 0; k < run.batch; k++) consume(run.fn());
      run.samples.push((performance.now() - t0) / run.batch);
      run.cpu += cpuMs(process.cpuUsage(c0));
    }
  }
  return runs.map(({ samples, batch, cpu }) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      median: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      cpu: cpu / (samples.length * batch),
      samples: samples.length,
      batch,
    };
  });
}

/** Milliseconds of a one-off operation (a build), median of a few runs. */
export function measureOnce<T>(fn: () => T, runs = 7): { median: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), result };
}

const gc = (globalThis as { gc?: () => void }).gc;

export function canMeasureHeap(): boolean {
  return typeof gc === 'function';
}

/** The JS heap plus memory outside it (typed-array buffers live there), after full collections. */
function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Bytes (heap and buffers) that `build`'s result keeps alive, or NaN without --expose-gc. */
export function retainedHeap(build: () => unknown): number {
  if (!canMeasureHeap()) return Number.NaN;
  const before = settledHeap();
  const kept = build();
  const after = settledHeap();
  consume(kept);
  return after - before;
}
