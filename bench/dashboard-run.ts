/**
 * The dashboard and calibration phase of `npm run bench` alone (`node bench/dashboard-run.ts`): the
 * same system, sizes and counts as bench/run.ts, scaled by `BENCH_SCALE` in the same way, so the two
 * figures can be measured again without the whole run. Prints the rows and, with BENCH_JSON=1, the figures.
 */
import { cpus, loadavg } from 'node:os';
import { NO_RECONCILIATION, startBenchSystem } from './bench-system.ts';
import { dashboardAtScale } from './dashboard-scale.ts';
import { round } from './measure.ts';

const scale = Number(process.env.BENCH_SCALE ?? 1);
if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
  console.error('BENCH_SCALE must be a number above 0 and at most 1.');
  process.exit(2);
}
const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));

const before = loadavg().map((l) => round(l, 2));
const started = performance.now();
const bench = await startBenchSystem(NO_RECONCILIATION);
let figures: Awaited<ReturnType<typeof dashboardAtScale>>;
try {
  figures = await dashboardAtScale(bench, [1000, scaled(100_000, 2000)], {
    months: 24,
    requests: scaled(200, 30),
    loadConcurrency: 8,
  });
} finally {
  await bench.stop();
}
const after = loadavg().map((l) => round(l, 2));
const line = (
  name: string,
  s: { experiments: number; counterItems: number; latencyMs: { p50: number; p95: number } },
) =>
  console.log(
    `${name} at ${s.experiments}: p50 ${s.latencyMs.p50}  p95 ${s.latencyMs.p95} ms (${s.counterItems} counter items)`,
  );
for (const s of figures.sizes) line('dashboard', s);
console.log(`dashboard, largest ÷ smallest: p50 ×${figures.p50Ratio}  p95 ×${figures.p95Ratio}`);
for (const s of figures.calibration.sizes) line('calibration', s);
console.log(
  `calibration, largest ÷ smallest: p50 ×${figures.calibration.p50Ratio}  p95 ×${figures.calibration.p95Ratio}`,
);
for (const l of figures.load)
  console.log(`bulk load of ${l.experiments}: ${l.items} items in ${l.seconds} s`);
console.log(
  `\n${new Date().toISOString()}; ${round((performance.now() - started) / 1000)} s; load average ${before.join(' ')} before, ${after.join(' ')} after, on ${cpus().length} cores; Node ${process.version}.`,
);
if (process.env.BENCH_JSON) console.log(JSON.stringify(figures));
