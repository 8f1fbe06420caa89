/** Small measuring tools shared by the bench phases. */

/** The value at percentile `p` (0–100) of `values`, nearest-rank; NaN for none. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
};

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const summarise = (values: readonly number[]): Latencies => ({
  count: values.length,
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  p99: round(percentile(values, 99)),
  max: round(Math.max(...values)),
});

export const round = (value: number, places = 1): number => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

export interface PoolResult<T> {
  results: T[];
  latenciesMs: number[];
  elapsedMs: number;
  perSecond: number;
}

/**
 * Runs `count` calls of `task`, at most `concurrency` at a time (closed loop: each worker sends its next
 * call when the previous one answers), timing each call from send to answer.
 */
export const pool = async <T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<PoolResult<T>> => {
  const results: T[] = new Array(count);
  const latenciesMs: number[] = new Array(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= count) return;
      const t0 = performance.now();
      results[index] = await task(index);
      latenciesMs[index] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const elapsedMs = performance.now() - started;
  return { results, latenciesMs, elapsedMs, perSecond: (count / elapsedMs) * 1000 };
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `read` every `everyMs` until `done` holds or `timeoutMs` passes; returns the last value read. */
export const until = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  opts: { everyMs?: number; timeoutMs?: number } = {},
): Promise<T> => {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${opts.timeoutMs ?? 30_000} ms`);
    await sleep(opts.everyMs ?? 10);
  }
};
