/**
 * Warm latency of `search` and `similar` on a large generated library: the index built once, a
 * warm-up, then each call timed alone. Queries are the labelled set's plus words and typos drawn from
 * the generated text; drafts are the labelled set's plus titles and problems of generated entries
 * (each excluded from its own results, as the caller's own draft is).
 */
import { buildIndex, compact, type LibraryIndex, replace, serialise } from '#shared/library/engine.ts';
import { search, similar } from '#shared/library/search.ts';
import type { Draft, LibraryEntry } from '#shared/library/types.ts';
import { type Latencies, round, summarise } from '../measure.ts';
import { generateLibrary, random } from './generate.ts';
import { DRAFTS, QUERIES } from './labelled-set.ts';

export interface LatencyFigures {
  entries: number;
  buildMs: number;
  serialiseMs: number;
  searchMs: Latencies;
  similarMs: Latencies;
  searchCpuMs: Latencies;
  similarCpuMs: Latencies;
  /** Replacing 20 entries, then compacting: what applying a batch of changes to a loaded snapshot costs. */
  compactMs: number;
}

const compactAfterChanges = async (index: LibraryIndex, library: LibraryEntry[]): Promise<number> => {
  const t0 = performance.now();
  for (const entry of library.slice(0, 20)) replace(index, { ...entry, title: `${entry.title} (changed)` });
  await compact(index);
  return performance.now() - t0;
};

const typo = (word: string, next: () => number) => {
  const at = 1 + Math.floor(next() * (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1);
};

const timedWorkload = (library: LibraryEntry[], count: number) => {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const words = library
    .slice(0, 200)
    .flatMap((e) => (e.problem ?? '').split(/\W+/))
    .filter((w) => w.length >= 5);
  const queries = Array.from({ length: count }, (_, i) => {
    if (i % 4 === 0) return pick(QUERIES).q;
    if (i % 4 === 1) return typo(pick(words), next);
    return `${pick(words)} ${pick(words)}${i % 3 === 0 ? ` ${pick(words)}` : ''}`;
  });
  const drafts = Array.from({ length: count }, (_, i): { draft: Draft; excludeIds: string[] } => {
    if (i % 2 === 0) {
      const d = pick(DRAFTS);
      return { draft: { title: d.title, problem: d.problem, hypothesis: d.hypothesis }, excludeIds: [] };
    }
    const e = pick(library);
    return { draft: { title: e.title, problem: e.problem, hypothesis: e.hypothesis }, excludeIds: [e.id] };
  });
  return { queries, drafts };
};

const time = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/** Wall time and this process's CPU time of `fn`: on a busy shared machine the CPU time says more about an idle one. */
const timeBoth = (fn: () => unknown): { wall: number; cpu: number } => {
  const c0 = process.cpuUsage();
  const wall = time(fn);
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
};

type Round = { searchMs: Latencies; similarMs: Latencies; searchCpuMs: Latencies; similarCpuMs: Latencies };

const measureRound = (index: LibraryIndex, workload: ReturnType<typeof timedWorkload>): Round => {
  const searches = workload.queries.map((q) => timeBoth(() => search(index, { q, limit: 20 })));
  const drafts = workload.drafts.map((d) =>
    timeBoth(() => similar(index, d.draft, { excludeIds: d.excludeIds })),
  );
  return {
    searchMs: summarise(searches.map((t) => t.wall)),
    similarMs: summarise(drafts.map((t) => t.wall)),
    searchCpuMs: summarise(searches.map((t) => t.cpu)),
    similarCpuMs: summarise(drafts.map((t) => t.cpu)),
  };
};

/** Builds a library of `entries`, then times `calls` searches and drafts, `rounds` times over: the round with the median p95 is kept. */
export const measureLatency = async (
  entries: number,
  calls: number,
  rounds = 3,
): Promise<
  LatencyFigures & {
    index: LibraryIndex;
    serialised: string;
    rounds: Round[];
  }
> => {
  const library = generateLibrary(entries);
  let index: LibraryIndex | undefined;
  const buildMs = time(() => {
    index = buildIndex(library);
  });
  if (!index) throw new Error('No index');
  const built = index;
  let serialised = '';
  const serialiseMs = time(() => {
    serialised = serialise(built);
  });
  const workload = timedWorkload(library, calls);
  for (const q of workload.queries.slice(0, 20)) search(built, { q });
  for (const d of workload.drafts.slice(0, 20)) similar(built, d.draft, { excludeIds: d.excludeIds });
  const measured = Array.from({ length: rounds }, () => measureRound(built, workload));
  const medianBy = (key: keyof Round) =>
    ([...measured].sort((a, b) => a[key].p95 - b[key].p95)[Math.floor(rounds / 2)] ?? measured[0])?.[
      key
    ] as Latencies;
  return {
    entries,
    buildMs: round(buildMs),
    serialiseMs: round(serialiseMs),
    searchMs: medianBy('searchMs'),
    similarMs: medianBy('similarMs'),
    searchCpuMs: medianBy('searchCpuMs'),
    similarCpuMs: medianBy('similarCpuMs'),
    compactMs: round(await compactAfterChanges(built, library)),
    rounds: measured,
    index: built,
    serialised,
  };
};
