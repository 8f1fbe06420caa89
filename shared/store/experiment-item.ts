import type { Experiment } from '../domain/experiment.ts';
import { experimentIndexKeys, experimentKey } from './keys.ts';
import { KEY_ATTRIBUTES } from './table-design.ts';

/** The experiment as stored, with the version its optimistic lock compares. */
export interface ExperimentRecord {
  experiment: Experiment;
  version: number;
}

/** Attributes of the item that are storage, not part of the experiment. */
const STORAGE_ONLY: ReadonlySet<string> = new Set([...KEY_ATTRIBUTES, 'version', 'search']);

/** The experiment and version held in a stored item. */
export const toRecord = (item: Record<string, unknown>): ExperimentRecord => {
  const experiment: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!STORAGE_ONLY.has(key)) experiment[key] = value;
  return { experiment: experiment as unknown as Experiment, version: Number(item.version) };
};

/** The item the store writes for an experiment: the one shape, also used by the bench's bulk loader. */
export const toItem = (exp: Experiment, version: number) => {
  const indexKeys = Object.fromEntries(
    Object.entries(experimentIndexKeys(exp)).filter(([, v]) => v !== null),
  );
  // A lower-case copy of the words leaders search by: the title, the problem and every learning.
  const search = [exp.title, exp.problem, ...exp.cycles.flatMap((c) => [c.observed, c.learned])]
    .join('\n')
    .toLowerCase();
  return {
    ...experimentKey(exp.id),
    ...indexKeys,
    ...exp,
    search,
    version,
  };
};
