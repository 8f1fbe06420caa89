/**
 * `npm run bench`: the whole measurement in one run, printed as a table and written to
 * bench/results/latest.json. `BENCH_SCALE` (default 1) scales every count, for a quick check:
 * `BENCH_SCALE=0.05 npm run bench`. docs/performance.md explains the figures and what limits each.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autoPath, floorRatio, storageFloor } from './auto-path.ts';
import { benchDataRoot, NO_RECONCILIATION, startBenchSystem } from './bench-system.ts';
import { checkCounterParity } from './bulk-experiments.ts';
import { meter } from './capacity-meter.ts';
import { costCounts } from './cost-counts.ts';
import { dashboardAtScale } from './dashboard-scale.ts';
import { escalationPath } from './escalation-path.ts';
import { FLOOR, measureFunctions } from './function-sizes.ts';
import { type LibraryFigures, libraryPhase, libraryRows } from './library/run.ts';
import { round } from './measure.ts';

const scale = Number(process.env.BENCH_SCALE ?? 1);
if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
  console.error('BENCH_SCALE must be a number above 0 and at most 1.');
  process.exit(2);
}
const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
const LEVELS = [1, 8, 32];
const GOALS = { floorRatio: 0.5, dashboardRatio: 1.5, bundleKb: 300, coldImportRatio: 1.5 };

const shell = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unavailable';
  }
};

const machine = () => ({
  date: new Date().toISOString(),
  dataFolder: benchDataRoot(),
  nproc: shell('nproc', []),
  cpu: cpus()[0]?.model ?? 'unknown',
  memory: shell('free', ['-h']),
  node: process.version,
  loadAverage: loadavg().map((l) => round(l, 2)),
});

const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(outDir, { recursive: true });
/** Each phase's figures as soon as it ends, so a failure late in a long run keeps what was measured. */
const partial: Record<string, unknown> = {};
const keep = <T>(phase: string, value: T): T => {
  partial[phase] = value;
  writeFileSync(join(outDir, 'partial.tmp'), `${JSON.stringify(partial, null, 2)}\n`);
  return value;
};

const started = performance.now();
meter.install();
const before = machine();
log(`scale ${scale}, load average ${before.loadAverage.join(' ')} on ${before.nproc} cores`);

// ---- System A: the automatic path, the storage floor, the escalation path and the cost counts. ----
const a = await startBenchSystem();
log(`local system up in ${round(a.startSeconds)} s`);
let auto: Awaited<ReturnType<typeof autoPath>>;
let floor: Awaited<ReturnType<typeof storageFloor>>;
let escalation: Awaited<ReturnType<typeof escalationPath>>;
let cost: Awaited<ReturnType<typeof costCounts>>;
let counterMismatches: string[];
try {
  const submissions = scaled(2000, 20);
  log(`automatic path: ${submissions} submissions at concurrency ${LEVELS.join(', ')}`);
  auto = keep('automaticPath', await autoPath(a, submissions, LEVELS));
  log('storage floor');
  floor = keep('storageFloor', await storageFloor(a, auto.sampleItem, submissions, LEVELS));
  log('escalation path');
  escalation = keep('escalation', await escalationPath(a, scaled(50, 5)));
  log('cost counts');
  cost = keep('costCounts', await costCounts(a, scaled(10, 3)));
  counterMismatches = await checkCounterParity(a.db, 'fail-forward');
} finally {
  await a.stop();
}

// ---- System B: the dashboard at 1,000 and 100,000 experiments, alone in its table. ----
const b = await startBenchSystem(NO_RECONCILIATION);
let dashboard: Awaited<ReturnType<typeof dashboardAtScale>>;
try {
  const sizes = [1000, scaled(100_000, 2000)];
  log(`dashboard and calibration at ${sizes.join(' and ')} experiments`);
  // Nothing is counted here, and the meter's ReturnConsumedCapacity would add work that grows with item size.
  meter.pause();
  dashboard = keep(
    'dashboard',
    await dashboardAtScale(b, sizes, { months: 24, requests: scaled(200, 30), loadConcurrency: 8 }),
  );
} finally {
  meter.resume();
  await b.stop();
}

log('functions: bundles and cold imports');
// Twenty fresh processes a function: with ten, a function's median moved by a fifth of the floor between runs.
const functions = await measureFunctions(20);
const floorFn = functions.find((f) => f.name === FLOOR);
const appFns = functions.filter((f) => f.name !== FLOOR);
// ---- System C: the learning library, last, as its latency and cold start need the CPU to themselves. ----
const c = await startBenchSystem();
let library: LibraryFigures;
try {
  const entries = scaled(10_000, 500);
  log(`learning library: relevance, ${entries} entries warm and cold, the snapshot in DynamoDB, freshness`);
  library = keep(
    'library',
    await libraryPhase({
      entries,
      calls: scaled(300, 30),
      rounds: 3,
      coldRuns: scaled(5, 2),
      system: c,
      freshnessCycles: scaled(40, 5),
    }),
  );
} finally {
  await c.stop();
}
const after = machine();

// ---- Figures against goals ----
const floorLevels = LEVELS.map((concurrency) => {
  const subs = auto.levels.find((l) => l.concurrency === concurrency);
  const raw = floor.levels.find((l) => l.concurrency === concurrency);
  if (!subs || !raw) throw new Error(`No figures at concurrency ${concurrency}`);
  return {
    concurrency,
    submissionsPerSecond: subs.perSecond,
    rawWritesPerSecond: raw.perSecond,
    writeRequestsPerSubmission: subs.writeRequestsPerSubmission,
    itemWritesPerSubmission: subs.itemWritesPerSubmission,
    ratio: floorRatio(subs.perSecond, raw.perSecond, subs.writeRequestsPerSubmission),
    ratioByItems: floorRatio(subs.perSecond, raw.perSecond, subs.itemWritesPerSubmission),
    // The same question asked of DynamoDB Local's CPU, which load on a shared machine disturbs less:
    // the CPU of the submission's writes done as raw puts ÷ the CPU a submission really cost it.
    cpuRatio: round(
      (raw.cpu.javaMsPerPut * subs.writeRequestsPerSubmission) / subs.cpu.javaMsPerSubmission,
      3,
    ),
  };
});
const floorMs = floorFn?.coldImportMs ?? Number.NaN;
const functionRows = appFns.map((f) => ({
  ...f,
  coldImportRatio: round(f.coldImportMs / floorMs, 2),
  bundleGoalMet: f.kb < GOALS.bundleKb,
  coldImportGoalMet: f.coldImportMs <= GOALS.coldImportRatio * floorMs,
}));

const results = {
  scale,
  goals: GOALS,
  machine: { before, after },
  durationSeconds: round((performance.now() - started) / 1000),
  automaticPath: auto.levels,
  storageFloor: { itemBytes: floor.itemBytes, raw: floor.levels, ratios: floorLevels },
  escalation,
  dashboard,
  functions: { floor: floorFn, functions: functionRows },
  costCounts: cost,
  library,
  checks: {
    lastAutoSubmissionParkedIn: auto.lastParkedIn,
    bulkItemParity: 'identical',
    counterParity: counterMismatches.length === 0 ? 'identical' : counterMismatches,
  },
};

writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
rmSync(join(outDir, 'partial.tmp'), { force: true });

// ---- The table ----
const rows: string[][] = [['figure', 'measured', 'goal', '']];
const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
for (const l of auto.levels)
  rows.push([
    `auto path, concurrency ${l.concurrency}`,
    `${l.perSecond}/s  p50 ${l.latencyMs.p50}  p95 ${l.latencyMs.p95}  p99 ${l.latencyMs.p99} ms` +
      (l.notYetDecided ? `  (${l.notYetDecided} not yet decided)` : '') +
      `  CPU/submission: node ${l.cpu.nodeMsPerSubmission}, java ${l.cpu.javaMsPerSubmission} ms`,
    '',
    '',
  ]);
for (const f of floorLevels)
  rows.push([
    `storage floor, concurrency ${f.concurrency}`,
    `raw ${f.rawWritesPerSecond}/s (java ${floor.levels.find((l) => l.concurrency === f.concurrency)?.cpu.javaMsPerPut} ms/put), ${f.writeRequestsPerSubmission} writes/submission → ratio ${f.ratio} (by items ${f.ratioByItems}, by storage CPU ${f.cpuRatio})`,
    `≥ ${GOALS.floorRatio}`,
    mark(f.ratio >= GOALS.floorRatio),
  ]);
rows.push([
  'escalation: decision → status',
  `p50 ${escalation.statusChangeMs.p50}  p95 ${escalation.statusChangeMs.p95} ms`,
  '',
  '',
]);
rows.push([
  'escalation: decision → WaitForCycle',
  `p50 ${escalation.workflowMs.p50}  p95 ${escalation.workflowMs.p95} ms`,
  '',
  '',
]);
for (const s of dashboard.sizes)
  rows.push([
    `dashboard at ${s.experiments} experiments`,
    `p50 ${s.latencyMs.p50}  p95 ${s.latencyMs.p95} ms (${s.counterItems} counter items)`,
    '',
    '',
  ]);
rows.push([
  'dashboard, largest ÷ smallest',
  `p50 ×${dashboard.p50Ratio}  p95 ×${dashboard.p95Ratio}`,
  `≤ ×${GOALS.dashboardRatio}`,
  mark(dashboard.p50Ratio <= GOALS.dashboardRatio && dashboard.p95Ratio <= GOALS.dashboardRatio),
]);
for (const s of dashboard.calibration.sizes)
  rows.push([
    `calibration at ${s.experiments} experiments`,
    `p50 ${s.latencyMs.p50}  p95 ${s.latencyMs.p95} ms (${s.counterItems} counter items)`,
    '',
    '',
  ]);
rows.push([
  'calibration, largest ÷ smallest',
  `p50 ×${dashboard.calibration.p50Ratio}  p95 ×${dashboard.calibration.p95Ratio}`,
  `≤ ×${GOALS.dashboardRatio}`,
  mark(
    dashboard.calibration.p50Ratio <= GOALS.dashboardRatio &&
      dashboard.calibration.p95Ratio <= GOALS.dashboardRatio,
  ),
]);
for (const l of dashboard.load)
  rows.push([
    `bulk load of ${l.experiments} experiments`,
    `${l.items} items in ${l.seconds} s (${l.itemsPerSecond} items/s)`,
    '',
    '',
  ]);
rows.push(['function floor bundle', `${floorFn?.kb} KB, cold import ${floorMs} ms`, '', '']);
for (const f of functionRows)
  rows.push([
    `function ${f.name}`,
    `${f.kb} KB at cold start, cold import ${f.coldImportMs} ms (×${f.coldImportRatio})` +
      (f.lazyImportMs === undefined ? '' : `; ${f.lazyKb} KB on first send, +${f.lazyImportMs} ms`),
    `< ${GOALS.bundleKb} KB, ≤ ×${GOALS.coldImportRatio}`,
    `${mark(f.bundleGoalMet)} / ${mark(f.coldImportGoalMet)}`,
  ]);
for (const c of cost)
  rows.push([
    `cost: ${c.journey}`,
    `${c.stateTransitions} transitions, ${c.apiInvocations}+${c.taskInvocations} Lambda, ${c.rru} RRU, ${c.billedWru} WRU (billed)`,
    '',
    '',
  ]);
rows.push(...libraryRows(library));
rows.push([
  'checks',
  `bulk items identical to the real path's; counters ${counterMismatches.length === 0 ? 'identical' : `differ: ${counterMismatches.join(', ')}`}; last auto workflow parked in ${auto.lastParkedIn}`,
  '',
  '',
]);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
console.log(
  `\nLoad average ${before.loadAverage.join(' ')} before, ${after.loadAverage.join(' ')} after, on ${before.nproc} cores; ${results.durationSeconds} s. Written to bench/results/latest.json.`,
);
