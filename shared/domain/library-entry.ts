/**
 * The learning library's entry: what a test taught, for everyone to read, built field by field from
 * an allow-list so that no person's name or id can reach it, whatever the experiment gains later.
 */
import type { CycleNext, CycleResult } from './experiment.ts';
import type { Status } from './status.ts';
import type { StoredExperiment, StoredHypothesis } from './stored-experiment.ts';

/** Ideas being tested or closed; an idea still waiting for the card or a manager is not a lesson yet. */
export const LIBRARY_STATUSES = ['testing', 'adopted', 'abandoned', 'declined'] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];

/** The longest search `q` the library takes, in characters; longer is refused (400), never cut silently. */
export const MAX_QUERY_LENGTH = 200;

export const QUERY_TOO_LONG = `Search words must be ${MAX_QUERY_LENGTH} characters or fewer`;

export type QueryCheck = { ok: true; q: string } | { ok: false; message: string };

/** The check of `q`: text of at most MAX_QUERY_LENGTH characters (an absent `q` is an empty one). */
export const checkQuery = (q: unknown): QueryCheck => {
  if (q === undefined || q === null) return { ok: true, q: '' };
  if (typeof q !== 'string') return { ok: false, message: 'Enter words to search for' };
  if ([...q].length > MAX_QUERY_LENGTH) return { ok: false, message: QUERY_TOO_LONG };
  return { ok: true, q };
};

export const isInLibrary = (status: Status): status is LibraryStatus =>
  (LIBRARY_STATUSES as readonly Status[]).includes(status);

export interface LibraryCycle {
  result: CycleResult;
  observed: string | null;
  learned: string;
  next: CycleNext;
  at: string;
}

export interface LibraryEntry {
  id: string;
  title: string;
  team: string;
  status: LibraryStatus;
  problem: string | null;
  hypothesis: StoredHypothesis;
  cycles: LibraryCycle[];
  /** Only on a declined idea: why the manager said no (null when anonymised or none was given). */
  declineReason?: string | null;
  createdAt: string;
  closedAt: string | null;
}

/**
 * The entry for an experiment, or null when the library does not show it. Anonymised and redacted
 * text comes through as it is stored (null, or the redaction marker), never from anywhere else.
 */
export const toLibraryEntry = (exp: StoredExperiment): LibraryEntry | null => {
  if (!isInLibrary(exp.status)) return null;
  const { weBelieve, toTestIt, measure, rightIf } = exp.hypothesis;
  return {
    id: exp.id,
    title: exp.title,
    team: exp.team,
    status: exp.status,
    problem: exp.problem,
    hypothesis: { weBelieve, toTestIt, measure, rightIf },
    cycles: exp.cycles.map(({ result, observed, learned, next, recordedAt }) => ({
      result,
      observed,
      learned,
      next,
      at: recordedAt,
    })),
    ...(exp.status === 'declined'
      ? { declineReason: exp.decision?.outcome === 'decline' ? (exp.decision.reason ?? null) : null }
      : {}),
    createdAt: exp.createdAt,
    closedAt: exp.closedAt ?? null,
  };
};

/** Every text of an entry by its path (`title`, `hypothesis.measure`, `cycles.2.learned`, ...), cycles counted from 1. */
export const entryTexts = (entry: LibraryEntry): Map<string, string> => {
  const texts = new Map<string, string | null | undefined>([
    ['title', entry.title],
    ['problem', entry.problem],
    ...Object.entries(entry.hypothesis).map(([part, text]): [string, string | null] => [
      `hypothesis.${part}`,
      text,
    ]),
    ...entry.cycles.flatMap((cycle, i): [string, string | null][] => [
      [`cycles.${i + 1}.observed`, cycle.observed],
      [`cycles.${i + 1}.learned`, cycle.learned],
    ]),
    ['declineReason', entry.declineReason],
  ]);
  return new Map(
    [...texts].filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== ''),
  );
};

/** Whether two entries say exactly the same: a change that leaves the entry as it was need not be written. */
export const sameEntry = (a: LibraryEntry | null, b: LibraryEntry | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether going from `before` to `after` takes text out of the library: an entry that leaves it, or any
 * text that is no longer there as it was (redacted, anonymised, erased). Such a change must not live on
 * in a stored snapshot of the search index, so it asks for the snapshot to be rebuilt soon; a change
 * that only adds (a new cycle, a new status) does not.
 */
export const removesText = (before: LibraryEntry | null, after: LibraryEntry | null): boolean => {
  if (before === null) return false;
  if (after === null) return true;
  const kept = entryTexts(after);
  for (const [path, text] of entryTexts(before)) if (kept.get(path) !== text) return true;
  return false;
};
