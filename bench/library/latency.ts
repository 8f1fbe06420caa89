/**
 * Warm latency of `search` and `similar` on a large generated library: the index built once, a
 * warm-up, then each call timed alone. Queries are the labelled set's plus words and typos drawn from
 * the generated text; drafts are the labelled set's plus titles and problems of generated entries
 * (each excluded from its own results, as the caller's own draft is).
 */
import { buildIndex, type LibraryIndex, serialise } from '#shared/library/engine.ts';
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
}

const typo = (word: string, next: () => number) => {
  const at = 1 + Math.floor(next() * (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1);
};

const workload = (library: LibraryEntry[], count: number) => {
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

/** Builds a library of `entries`, then times `calls` searches and drafts, `rounds` times over: the round with the median p95 is kept. */
export const measureLatency = (
  entries: number,
  calls: number,
  rounds = 3,
): LatencyFigures & {
  index: LibraryIndex;
  serialised: string;
  rounds: { searchMs: Latencies; similarMs: Latencies }[];
} => {
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
  const { queries, drafts } = workload(library, calls);
  for (const q of queries.slice(0, 20)) search(built, { q });
  for (const d of drafts.slice(0, 20)) similar(built, d.draft, { excludeIds: d.excludeIds });
  const measured = Array.from({ length: rounds }, () => ({
    searchMs: summarise(queries.map((q) => time(() => search(built, { q, limit: 20 })))),
    similarMs: summarise(
      drafts.map((d) => time(() => similar(built, d.draft, { excludeIds: d.excludeIds }))),
    ),
  }));
  const medianBy = (key: 'searchMs' | 'similarMs') =>
    ([...measured].sort((a, b) => a[key].p95 - b[key].p95)[Math.floor(rounds / 2)] ?? measured[0])?.[
      key
    ] as Latencies;
  return {
    entries,
    buildMs: round(buildMs),
    serialiseMs: round(serialiseMs),
    searchMs: medianBy('searchMs'),
    similarMs: medianBy('similarMs'),
    rounds: measured,
    index: built,
    serialised,
  };
};
