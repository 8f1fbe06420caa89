import { NotFoundError } from '../../errors.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import { cycleOutput } from '../../workflow/payloads.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load, policyOf } from '../experiments/records.ts';

/**
 * Task "WaitForCycle" (task token): parks the token for the next cycle; if the owner already recorded a
 * cycle the workflow has not seen yet (before or while the token was parked), answers with it at once, so
 * cycles are handed over one at a time and in order (the rule: shared/workflow/task-tokens.ts).
 */
export const awaitCycleTask =
  (deps: ExperimentDeps) =>
  async (id: string, taskToken: string, seen: number, executionArn?: string): Promise<void> => {
    // Checked before parking: a token parked by an execution that no longer drives would be answered in vain.
    const driving = (await load(deps.store, id)).experiment;
    requireDriver(driving, executionArn);
    const generation = driving.execution?.generation ?? 0;
    const record = await deps.tokens.park(id, taskToken, { kind: 'cycle', seen }, generation);
    if (!record) throw new NotFoundError();
    const exp = record.experiment;
    const unseen = exp.cycles[seen];
    if (!unseen) {
      if (exp.status !== 'authorised' && exp.status !== 'testing') {
        throw new Error(`Experiment ${id} is ${exp.status}; it cannot wait for a cycle`);
      }
      return;
    }
    const policy = await policyOf(deps.policies, exp);
    await deps.tokens.answerOwn(taskToken, cycleOutput(unseen, deps.timers.timersFor(exp, policy)));
  };
