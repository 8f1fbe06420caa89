import type { Experiment } from '../domain/experiment.ts';
import type { StoredExperiment } from '../domain/stored-experiment.ts';
import { experimentIndexKeys, experimentKey } from './keys.ts';
import { KEY_ATTRIBUTES } from './table-design.ts';

/**
 * The experiment as stored, with the version its optimistic lock compares. Typed as a live
 * `Experiment` for the code that changes live ones; an erased or anonymised experiment has `null`
 * where a person or free text was (see `StoredExperiment`), and the code that meets those widens to it.
 */
export interface ExperimentRecord {
  experiment: Experiment;
  version: number;
  /**
   * The submission's Idempotency-Key, kept so that anonymisation and erasure can delete the
   * idempotency record (its key names the owner). Storage only: never part of the experiment.
   */
  submissionKey?: string | undefined;
}

/** Attributes of the item that are storage, not part of the experiment. */
const STORAGE_ONLY: ReadonlySet<string> = new Set([...KEY_ATTRIBUTES, 'version', 'search', 'submissionKey']);

/** The experiment and version held in a stored item. */
export const toRecord = (item: Record<string, unknown>): ExperimentRecord => {
  const experiment: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!STORAGE_ONLY.has(key)) experiment[key] = value;
  return {
    experiment: experiment as unknown as Experiment,
    version: Number(item.version),
    ...(typeof item.submissionKey === 'string' ? { submissionKey: item.submissionKey } : {}),
  };
};

/** The item the store writes for an experiment: the one shape, also used by the bench's bulk loader. */
export const toItem = (exp: StoredExperiment, version: number, submissionKey?: string) => {
  const indexKeys = Object.fromEntries(
    Object.entries(experimentIndexKeys(exp)).filter(([, v]) => v !== null),
  );
  // A lower-case copy of the words leaders search by: the title, the problem and every learning.
  const search = [exp.title, exp.problem, ...exp.cycles.flatMap((c) => [c.observed, c.learned])]
    .filter((text) => typeof text === 'string')
    .join('\n')
    .toLowerCase();
  return {
    ...experimentKey(exp.id),
    ...indexKeys,
    ...exp,
    search,
    version,
    ...(submissionKey === undefined ? {} : { submissionKey }),
  };
};
