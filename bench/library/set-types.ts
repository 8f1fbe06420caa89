/**
 * The labelled set's shapes and a compact way to write an entry. The set measures the library's
 * relevance in the bench; no unit test reads it, so nothing in the engine is tuned to it by a test.
 */
import type { LibraryCycle, LibraryEntry, LibraryStatus } from '#shared/library/types.ts';

/** Graded relevance for nDCG: 2 the same idea, 1 a related idea a worker would want to see. */
export type Grade = 1 | 2;

export interface LabelledDraft {
  id: string;
  title: string;
  problem?: string;
  hypothesis?: string;
  relevant: Record<string, Grade>;
}

export interface LabelledQuery {
  id: string;
  q: string;
  /** What the query tries: plain words, a stemmed form, a one-letter typo, Welsh words. */
  kind: 'plain' | 'stemming' | 'typo' | 'welsh';
  relevant: Record<string, Grade>;
}

type CycleText = [
  result: LibraryCycle['result'],
  observed: string,
  learned: string,
  next: LibraryCycle['next'],
];

const WEEK = 7 * 24 * 3600 * 1000;
const at = (start: string, weeks: number) => new Date(Date.parse(start) + weeks * WEEK).toISOString();

export const entry = (e: {
  id: string;
  team: string;
  status: LibraryStatus;
  created: string;
  title: string;
  problem: string;
  hypothesis: [weBelieve: string, toTestIt: string, measure: string, rightIf: string];
  cycles?: CycleText[];
  declineReason?: string;
}): LibraryEntry => {
  const cycles = (e.cycles ?? []).map(([result, observed, learned, next], i) => ({
    result,
    observed,
    learned,
    next,
    at: at(e.created, 4 * (i + 1)),
  }));
  const last = cycles.at(-1);
  const closed =
    e.status === 'declined' ? at(e.created, 1) : e.status === 'testing' ? null : (last?.at ?? null);
  const [weBelieve, toTestIt, measure, rightIf] = e.hypothesis;
  return {
    id: e.id,
    title: e.title,
    team: e.team,
    status: e.status,
    problem: e.problem,
    hypothesis: { weBelieve, toTestIt, measure, rightIf },
    cycles,
    ...(e.declineReason ? { declineReason: e.declineReason } : {}),
    createdAt: new Date(Date.parse(e.created)).toISOString(),
    closedAt: closed,
  };
};
