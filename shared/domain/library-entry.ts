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
