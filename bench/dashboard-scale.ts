/**
 * Phase 4: the leaders' dashboard with 1,000 and then 100,000 experiments stored, loaded in bulk with
 * the items and counters of the real write path (see bulk-experiments.ts), on a system of its own so
 * that nothing else is in the table.
 */
import { statsStore } from '#shared/store/stats-store.ts';
import { USERS } from '../test/support/api.ts';
import { APP_TABLE, type BenchSystem } from './bench-system.ts';
import { bulkLoad, type LoadResult } from './bulk-experiments.ts';
import { type CalibrationSize, measureCalibration } from './calibration-scale.ts';
import { type Latencies, pool, round, summarise } from './measure.ts';

export interface DashboardSize {
  experiments: number;
  /** Counter items the dashboard reads (months × teams × shards touched). */
  counterItems: number;
  latencyMs: Latencies;
  submittedShown: number;
}

export interface DashboardFigures {
  months: number;
  load: LoadResult[];
  sizes: DashboardSize[];
  /** p50 and p95 at the largest size ÷ at the smallest. */
  p50Ratio: number;
  p95Ratio: number;
  /** "What the decisions say" at the same sizes, on the same table (calibration-scale.ts). */
  calibration: { sizes: CalibrationSize[]; p50Ratio: number; p95Ratio: number };
}

/** Every counter item, read as the dashboard reads them (one query over all months). */
export const counterItems = (bench: BenchSystem) =>
  statsStore(bench.db, APP_TABLE).months('0000-00', '9999-99');

const measureDashboard = async (bench: BenchSystem, experiments: number, requests: number) => {
  const { api } = bench;
  await pool(30, 1, () => api.call('GET', '/api/dashboard', { as: USERS.carys }));
  let submittedShown = 0;
  const run = await pool(requests, 1, async () => {
    const res = await api.call<{ submitted: number }>('GET', '/api/dashboard', { as: USERS.carys });
    if (res.status !== 200) throw new Error(`The dashboard answered ${res.status}`);
    submittedShown = res.body.submitted;
    return res.status;
  });
  if (submittedShown !== experiments)
    throw new Error(`The dashboard shows ${submittedShown} submissions, not ${experiments}`);
  return {
    experiments,
    counterItems: (await counterItems(bench)).length,
    latencyMs: summarise(run.latenciesMs),
    submittedShown,
  };
};

export const dashboardAtScale = async (
  bench: BenchSystem,
  sizes: number[],
  opts: { months: number; requests: number; loadConcurrency: number },
): Promise<DashboardFigures> => {
  const load: LoadResult[] = [];
  const measured: DashboardSize[] = [];
  const calibration: CalibrationSize[] = [];
  let loaded = 0;
  for (const size of sizes) {
    load.push(
      await bulkLoad(
        bench.db,
        APP_TABLE,
        { from: loaded, to: size, months: opts.months },
        opts.loadConcurrency,
      ),
    );
    loaded = size;
    measured.push(await measureDashboard(bench, size, opts.requests));
    calibration.push(await measureCalibration(bench, size, opts.requests));
  }
  const first = measured[0] as DashboardSize;
  const last = measured.at(-1) as DashboardSize;
  const [firstC, lastC] = [calibration[0] as CalibrationSize, calibration.at(-1) as CalibrationSize];
  return {
    months: opts.months,
    load: load.map((l) => ({ ...l, seconds: round(l.seconds), itemsPerSecond: round(l.itemsPerSecond) })),
    sizes: measured,
    p50Ratio: round(last.latencyMs.p50 / first.latencyMs.p50, 2),
    p95Ratio: round(last.latencyMs.p95 / first.latencyMs.p95, 2),
    calibration: {
      sizes: calibration,
      p50Ratio: round(lastC.latencyMs.p50 / firstC.latencyMs.p50, 2),
      p95Ratio: round(lastC.latencyMs.p95 / firstC.latencyMs.p95, 2),
    },
  };
};
