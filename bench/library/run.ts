/**
 * The learning library's measurement: relevance on the labelled set, warm latency at 10,000 entries,
 * and the first query of a cold function; given the local system, also the snapshot's round trip
 * through DynamoDB Local and freshness (a cycle's 201 to the library finding it). `node
 * bench/library/run.ts` prints it (with LIBRARY_SYSTEM=1, starting the local system for the last two);
 * `libraryPhase` is the same as a phase for bench/run.ts. LIBRARY_ENTRIES (default 10,000) changes the
 * library's size, LIBRARY_CYCLES (default 40) the cycles timed for freshness.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type BenchSystem, startBenchSystem } from '../bench-system.ts';
import { round } from '../measure.ts';
import { type ColdFigures, coldStart } from './cold-start.ts';
import {
  type FreshnessFigures,
  measureFreshness,
  measureSnapshotStorage,
  type SnapshotStorageFigures,
} from './freshness.ts';
import { type LatencyFigures, measureLatency } from './latency.ts';
import { measureRelevance, type RelevanceFigures } from './relevance.ts';

export const LIBRARY_GOALS = {
  similarPrecisionAt3: 0.8,
  searchPrecisionAt3: 0.8,
  warmP95Ms: 100,
  coldFirstQueryMs: 1500,
  freshnessMs: 2000,
} as const;

export interface LibraryFigures {
  goals: typeof LIBRARY_GOALS;
  relevance: RelevanceFigures;
  latency: LatencyFigures & { rounds: unknown[] };
  cold: ColdFigures;
  storage?: SnapshotStorageFigures;
  freshness?: FreshnessFigures;
  met: {
    similarPrecisionAt3: boolean;
    searchPrecisionAt3: boolean;
    searchP95: boolean;
    similarP95: boolean;
    coldFirstQuery: boolean;
    freshness?: boolean;
  };
}

export interface LibraryPhaseOptions {
  entries?: number;
  /** Calls of each kind per timing round. */
  calls?: number;
  rounds?: number;
  coldRuns?: number;
  /** The local system, for the snapshot's round trip and freshness; without it they are left out. */
  system?: BenchSystem;
  freshnessCycles?: number;
}

/** The library phase: every figure, with whether each goal is met. */
export const libraryPhase = async (options: LibraryPhaseOptions = {}): Promise<LibraryFigures> => {
  const { entries = 10_000, calls = 300, rounds = 3, coldRuns = 5, system, freshnessCycles = 40 } = options;
  const relevance = await measureRelevance();
  const { index: _index, serialised, ...latency } = await measureLatency(entries, calls, rounds);
  const cold = await coldStart(serialised, coldRuns);
  const storage = system ? await measureSnapshotStorage(system, serialised, entries) : undefined;
  const freshness = system ? await measureFreshness(system, freshnessCycles) : undefined;
  return {
    goals: LIBRARY_GOALS,
    relevance,
    latency,
    cold,
    ...(storage ? { storage } : {}),
    ...(freshness ? { freshness } : {}),
    met: {
      ...(freshness ? { freshness: freshness.foundMs.p95 <= LIBRARY_GOALS.freshnessMs } : {}),
      similarPrecisionAt3: relevance.similar.precisionAt3 >= LIBRARY_GOALS.similarPrecisionAt3,
      searchPrecisionAt3: relevance.search.precisionAt3 >= LIBRARY_GOALS.searchPrecisionAt3,
      searchP95: latency.searchMs.p95 <= LIBRARY_GOALS.warmP95Ms,
      similarP95: latency.similarMs.p95 <= LIBRARY_GOALS.warmP95Ms,
      coldFirstQuery: cold.median.totalMs <= LIBRARY_GOALS.coldFirstQueryMs,
    },
  };
};

/** The phase's rows for a table of [figure, measured, goal, met]. */
export const libraryRows = (f: LibraryFigures): string[][] => {
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const r = f.relevance;
  const l = f.latency;
  return [
    [
      `library similar, ${r.similar.cases.length} drafts on ${r.entries} entries`,
      `precision@3 ${round(r.similar.precisionAt3, 3)}  nDCG@5 ${round(r.similar.ndcgAt5, 3)}`,
      `≥ ${f.goals.similarPrecisionAt3}`,
      mark(f.met.similarPrecisionAt3),
    ],
    [
      `library search, ${r.search.cases.length} queries`,
      `precision@3 ${round(r.search.precisionAt3, 3)} (best possible ${round(r.search.precisionCeilingAt3, 3)})  nDCG@5 ${round(r.search.ndcgAt5, 3)}`,
      `≥ ${f.goals.searchPrecisionAt3}`,
      mark(f.met.searchPrecisionAt3),
    ],
    [
      `library search, ${l.entries} entries, warm`,
      `p50 ${l.searchMs.p50}  p95 ${l.searchMs.p95}  p99 ${l.searchMs.p99} ms (CPU p95 ${l.searchCpuMs.p95} ms)`,
      `p95 ≤ ${f.goals.warmP95Ms} ms`,
      mark(f.met.searchP95),
    ],
    [
      `library similar, ${l.entries} entries, warm`,
      `p50 ${l.similarMs.p50}  p95 ${l.similarMs.p95}  p99 ${l.similarMs.p99} ms (CPU p95 ${l.similarCpuMs.p95} ms)`,
      `p95 ≤ ${f.goals.warmP95Ms} ms`,
      mark(f.met.similarP95),
    ],
    [
      `library cold first query, ${l.entries} entries`,
      `${f.cold.median.totalMs} ms, CPU ${f.cold.median.cpuMs} ms (import ${f.cold.median.importMs}, read ${f.cold.median.readMs}, load ${f.cold.median.loadMs}, query ${f.cold.median.firstQueryMs}); process ${f.cold.median.processMs} ms, ${f.cold.median.rssMb} MB resident; index ${f.cold.indexKb} KB (${f.cold.indexGzipKb} KB gzipped), bundle ${f.cold.bundleKb} KB`,
      `≤ ${f.goals.coldFirstQueryMs} ms`,
      mark(f.met.coldFirstQuery),
    ],
    [
      'library index build',
      `${l.buildMs} ms to index, ${l.serialiseMs} ms to serialise; 20 changes and compact ${l.compactMs} ms`,
      '',
      '',
    ],
    ...(f.storage
      ? [
          [
            `library snapshot in DynamoDB Local, ${f.storage.entries} entries`,
            `${f.storage.storedKb} KB gzipped in ${f.storage.chunks} items: fetch and unzip ${f.storage.fetchMs} ms, load ${f.storage.loadMs} ms; save ${f.storage.saveMs} ms`,
            '',
            '',
          ],
        ]
      : []),
    ...(f.freshness
      ? [
          [
            `library freshness, ${f.freshness.cycles} cycles`,
            `201 → found by a word of its lesson: p50 ${f.freshness.foundMs.p50}  p95 ${f.freshness.foundMs.p95}  max ${f.freshness.foundMs.max} ms (polled every ${f.freshness.pollMs} ms)`,
            `p95 ≤ ${f.goals.freshnessMs} ms`,
            mark(f.met.freshness === true),
          ],
        ]
      : []),
  ];
};

const main = async () => {
  const entries = Number(process.env.LIBRARY_ENTRIES ?? 10_000);
  const freshnessCycles = Number(process.env.LIBRARY_CYCLES ?? 40);
  const before = loadavg().map((x) => round(x, 2));
  const system = process.env.LIBRARY_SYSTEM ? await startBenchSystem() : undefined;
  let figures: LibraryFigures;
  try {
    figures = await libraryPhase({ entries, freshnessCycles, ...(system ? { system } : {}) });
  } finally {
    await system?.stop();
  }
  const after = loadavg().map((x) => round(x, 2));
  const rows = [['figure', 'measured', 'goal', ''], ...libraryRows(figures)];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
  for (const c of [...figures.relevance.similar.cases, ...figures.relevance.search.cases]) {
    console.log(
      `  ${c.id}: p@3 ${round(c.precisionAt3, 2)} nDCG@5 ${round(c.ndcgAt5, 2)}  ${c.ranked.join(' ')}`,
    );
  }
  console.log(
    `\nLoad average ${before.join(' ')} before, ${after.join(' ')} after, on ${cpus().length} cores; Node ${process.version}.`,
  );
  if (process.env.LIBRARY_JSON) console.log(JSON.stringify(figures));
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
