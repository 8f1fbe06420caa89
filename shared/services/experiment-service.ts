import { decideUseCase } from './experiments/decide.ts';
import type { ExperimentDeps } from './experiments/deps.ts';
import { experimentReads } from './experiments/reads.ts';
import { recordCycleUseCase } from './experiments/record-cycle.ts';
import { submitUseCase } from './experiments/submit.ts';

/**
 * What people do with experiments, as the spec says it: submit an idea, decide an escalated one, record
 * a test cycle; and read them (one, a list, a queue). Each use case is its own module in `experiments/`;
 * what the workflow does is in `tasks/`.
 */
export const experimentService = (deps: ExperimentDeps) => ({
  submit: submitUseCase(deps),
  decide: decideUseCase(deps),
  recordCycle: recordCycleUseCase(deps),
  ...experimentReads(deps),
});

export type ExperimentService = ReturnType<typeof experimentService>;
